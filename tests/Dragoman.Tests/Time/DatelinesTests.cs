using Dragoman.Time;

namespace Dragoman.Tests.Time;

public class DatelinesTests
{
    [Theory]
    [InlineData("Wed 05 Apr 2017 at 0914", "2017-04-05", "date-line", "09:14", "weekday, day-first abbreviated month, 24-hour time")]
    [InlineData("August 1 2011", "2011-08-01", "date-line", "", "month-first without comma")]
    [InlineData("Published: March 3, 2019 10:45", "2019-03-03", "date-line", "10:45", "label, month-first with comma and time")]
    [InlineData("Updated 12 February 2019", "2019-02-12", "date-line", "", "label, day-first full month")]
    [InlineData("2017-04-05", "2017-04-05", "iso", "", "ISO date")]
    [InlineData("2019-02-10T08:30:00+02:00", "2019-02-10", "iso", "08:30", "ISO date-time keeps the local date")]
    [InlineData("05/04/2017", "2017-04-05", "numeric-ambiguous-dmy", "", "both readings valid: day first (international order)")]
    [InlineData("13/04/2017", "2017-04-13", "numeric-dmy", "", "first number over 12 must be the day")]
    [InlineData("04/13/2017", "2017-04-13", "numeric-mdy", "", "second number over 12 must be the day (US order)")]
    [InlineData("BEIRUT, Lebanon, March 3, 2018 (AFP) —", "2018-03-03", "agency-dateline", "", "AFP style with country and year")]
    public void Reads_date_lines(string line, string date, string kind, string time, string reason)
    {
        var r = Datelines.Parse(line);
        Assert.True(r is not null && r.Date?.ToString("yyyy-MM-dd") == date && r.Kind == kind && (r.Time?.ToString("HH:mm") ?? "") == time,
            $"{reason}: got {r}");
        Assert.True(Datelines.TryParse(line, out var d, out var k) && d.ToString("yyyy-MM-dd") == date && k == kind, reason);
    }

    [Theory]
    [InlineData("DAMASCUS, Aug. 4 (Reuters) - Syrian forces", 8, 4, "DAMASCUS", "Reuters", "Reuters style: no year on the line")]
    [InlineData("BEIRUT, March 3 (AFP) — Lebanon", 3, 3, "BEIRUT", "AFP", "AFP style with an em dash")]
    [InlineData("AMMAN, Jordan, Feb. 10 (AP) - Officials", 2, 10, "AMMAN", "AP", "AP style with a country")]
    [InlineData("CAIRO, Jan 5 - Egypt said", 1, 5, "CAIRO", null, "no agency, a dash after the date")]
    [InlineData("DAMASCUS, Feb. 9 (Xinhua) -- Syrian army units", 2, 9, "DAMASCUS", "Xinhua", "Xinhua style: double hyphen")]
    [InlineData("Damascus, 4 August (SANA) – The army units", 8, 4, "Damascus", "SANA", "SANA style: title-case place, day before month, en dash")]
    [InlineData("ALEPPO, Syria, Tuesday, May 2 (AP) - Rebels", 5, 2, "ALEPPO", "AP", "a weekday before the date")]
    [InlineData("ISTANBUL, 3 March (AFP) - Turkey said", 3, 3, "ISTANBUL", "AFP", "AFP day-first style")]
    public void Reads_agency_datelines_without_a_year(string line, int month, int day, string place, string? agency, string reason)
    {
        var r = Datelines.Parse(line);
        Assert.True(r is not null && r.Kind == "agency-dateline" && r.Month == month && r.Day == day && r.Year is null && r.Date is null
            && r.Place == place && r.Agency == agency, $"{reason}: got {r}");
        var written = line[r!.Span.Start..r.Span.End];
        Assert.True(written.Contains(day.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) && !written.Contains('(') && !written.StartsWith(place, StringComparison.Ordinal),
            $"{reason}: the span covers the date as written, got '{written}'");
        Assert.False(Datelines.TryParse(line, out _, out _), $"{reason}: without a year there is no full date");
    }

    [Theory]
    [InlineData("MOSCOW (Interfax) - The ministry said.", "Interfax", "an agency with no date is still a dateline (Month 0)")]
    [InlineData("Idlib, 4 August 2018 (SANA) – Shelling hit the city.", "SANA", "title-case place, day month year")]
    [InlineData("DAMASCUS, Feb. 9 (Xinhua) -- Syrian army units", "Xinhua", "a double hyphen is one dash")]
    [InlineData("KHARTOUM, (Reuters) – Security forces shot three people.", "Reuters", "a comma between the place in capitals and the agency")]
    public void Wire_datelines_give_where_the_lede_starts(string lede, string agency, string reason)
    {
        var r = Datelines.Wire(lede);
        Assert.True(r is not null && r.Agency == agency, $"{reason}: got {r}");
        Assert.True(char.IsUpper(lede[r!.End]) && lede[r.End - 1] == ' ', $"{reason}: the lede starts at {r.End}");
    }

    [Theory]
    [InlineData("Syrian forces said on Monday - in a statement - that", "title-case prose before a dash is no dateline")]
    [InlineData("Officials, March 3 was the deadline", "no dash or agency after the date")]
    [InlineData("Officials, (pictured) - the deadline passed", "a comma and a bracket after a title-case word is prose, not a place in capitals")]
    public void Prose_is_no_wire_dateline(string lede, string reason) => Assert.True(Datelines.Wire(lede) is null, reason);

    // text, expected date, expected start of the running text, reason
    [Theory]
    [InlineData("Wed 05 Apr 2017 Syria attack kills 12", "2017-04-05", "Syria", "weekday and date run into the headline")]
    [InlineData("AFP Friday 3 Jun 2016 Rebels advanced", "2016-06-03", "Rebels", "agency, weekday, date")]
    [InlineData("Date of publication 25 April 2017 Airstrikes hit", "2017-04-25", "Airstrikes", "label 'Date of publication'")]
    [InlineData("13-12-2014 Kurdish forces took the hill", "2014-12-13", "Kurdish", "numeric day-first, unambiguous")]
    [InlineData("24.08.2013 Syrian state media accused rebels", "2013-08-24", "Syrian", "a dotted numeric date the tokenizer keeps as one number")]
    [InlineData("Wed 05 Apr 2017 at 0914 - Shelling resumed", "2017-04-05", "Shelling", "a time and a dash after the date")]
    public void Leading_stamps(string text, string date, string rest, string reason)
    {
        var r = Datelines.LeadingStamp(text);
        Assert.True(r?.Date?.ToString("yyyy-MM-dd") == date && text[r.End..].StartsWith(rest, StringComparison.Ordinal), $"{reason}: got {r}");
    }

    [Theory]
    [InlineData("05-04-2017 Kurdish forces", "an ambiguous numeric date is no leading stamp")]
    [InlineData("Syria attack kills 12 on 5 April 2017", "a date later in the sentence is not leading")]
    public void Not_leading_stamps(string text, string reason) => Assert.True(Datelines.LeadingStamp(text) is null, reason);

    [Theory]
    [InlineData("By John Smith, Beirut, 4 August 2018", "2018-08-04", "day month year in a byline")]
    [InlineData("Updated on Aug. 4, 2011 at noon", "2011-08-04", "abbreviated month, comma, year")]
    [InlineData("filed 2017/04/05 from Aleppo", "2017-04-05", "ISO with slashes")]
    [InlineData("Pattani 2016.03.31 photo", "2016-03-31", "ISO with dots (one number token)")]
    [InlineData("on March 3 the talks", "", "month and day without a year: found, no full date")]
    [InlineData("Damascus is 90 km from Daraa", null, "no date")]
    public void Finds_the_first_date_in_text(string text, string? date, string reason)
    {
        var r = Datelines.Find(text);
        if (date is null) { Assert.True(r is null, $"{reason}: got {r}"); return; }
        Assert.True(r is not null && (r.Date?.ToString("yyyy-MM-dd") ?? "") == date, $"{reason}: got {r}");
    }

    [Theory]
    [InlineData("#Attack #Colombia 2024-09-03 19:15:11", "2024-09-03", "an ISO stamp run onto a tag line")]
    [InlineData("Share this article May 12, 2023 4:58 PM", "2023-05-12", "a written date followed by a clock time")]
    [InlineData("The ceasefire began on 3 March 2019", null, "prose ending on a written date without a time")]
    [InlineData("Troops left on 2019-03-03 and returned the next day", null, "a date inside the text is not at its end")]
    [InlineData("Bogota / EFE", null, "no date")]
    public void Reads_a_stamp_closing_a_block(string text, string? date, string reason)
        => Assert.True(Datelines.TrailingStamp(text)?.Date?.ToString("yyyy-MM-dd") == date, $"{reason}: got {Datelines.TrailingStamp(text)}");

    [Theory]
    [InlineData("By Jane Doe, 4 August 2018", "2018-08-04", "a by-line line with a date")]
    [InlineData("by The News Desk May 12, 2023 4:58 PM 1 min read Troops struck the village of Kupiansk on May 12, the governor said, and two people were wounded in the shelling that followed.", "2023-05-12", "a by-line run into the lede: the date is followed by a clock time")]
    [InlineData("By March 3, 2019 the army had retaken every town along the river, and the last of the rebel units had withdrawn towards the hills.", null, "prose opening with 'By' and a date is no by-line")]
    [InlineData("By Jane Doe", null, "a by-line without a date")]
    [InlineData("Reported by Jane Doe, 4 August 2018", null, "only a block that opens with 'by'")]
    public void Reads_the_date_of_a_byline(string text, string? date, string reason)
        => Assert.True(Datelines.Byline(text)?.Date?.ToString("yyyy-MM-dd") == date, $"{reason}: got {Datelines.Byline(text)}");

    [Theory]
    [InlineData("https://example.org/2019/05/16/ambush-kills-soldiers", "2019-05-16", "year/month/day folders")]
    [InlineData("https://example.org/news/2019/5/6/slug.html", "2019-05-06", "one-digit month and day")]
    [InlineData("https://example.org/world/2019-05-16-ambush", "2019-05-16", "a dashed date in the slug")]
    [InlineData("https://example.org/news/2023/07/deadly-clashes", null, "a year and month alone is no day")]
    [InlineData("https://example.org/stories/202001060279.html", null, "a digit run may be an identifier")]
    [InlineData("https://example.org/2019/02/30/slug", null, "not a calendar date")]
    [InlineData("https://example.org/resolution/2118/12/1", null, "a year outside 1990..2100 is a number")]
    [InlineData("https://example.org/2019/05/16th-anniversary", null, "a day glued to letters is no date part")]
    [InlineData("not a url", null, "no address")]
    public void Reads_the_date_in_a_page_address(string url, string? date, string reason)
        => Assert.True(Datelines.UrlDate(url)?.ToString("yyyy-MM-dd") == date, $"{reason}: got {Datelines.UrlDate(url)}");

    [Theory]
    [InlineData("DAMASCUS, Aug. 4 (Reuters) -", "2019-08-05", "2019-08-04", "a near date the same year")]
    [InlineData("DAMASCUS, Dec. 30 (Reuters) -", "2019-01-02", "2018-12-30", "across the year boundary: the latest such date not after the near date")]
    public void A_near_date_supplies_the_missing_year(string line, string near, string expected, string reason)
    {
        var r = Datelines.Parse(line, DateOnly.Parse(near, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(r?.Date?.ToString("yyyy-MM-dd") == expected && r.YearInferred, $"{reason}: got {r}");
    }

    [Theory]
    [InlineData("The army said on August 1 2011 that it had withdrawn from the border towns after weeks of fighting in the area around the river.", "a long body sentence is not a date line")]
    [InlineData("Helpful keywords", "no date")]
    [InlineData("", "empty line")]
    [InlineData("Damascus is 90 km from Daraa", "a number that is not a date")]
    public void Rejects_lines_that_are_not_datelines(string line, string reason)
        => Assert.True(Datelines.Parse(line)?.Date is null, reason);

    [Theory]
    [InlineData("2019-02-10", "2019-02-10", "ISO date")]
    [InlineData("2019-02-10T23:30:00-05:00", "2019-02-10", "ISO date-time: the publisher's local date, not UTC")]
    [InlineData("2019-02-10T08:00:00Z", "2019-02-10", "ISO UTC")]
    [InlineData("Wed, 05 Apr 2017 09:14:00 GMT", "2017-04-05", "RFC 1123")]
    [InlineData("Sun, 10 Feb 2019 22:10:00 +0200", "2019-02-10", "RFC 822 numeric offset")]
    [InlineData("20190210", "2019-02-10", "compact")]
    [InlineData("February 10, 2019", "2019-02-10", "written date")]
    public void Parses_metadata_dates(string value, string expected, string reason)
    {
        var r = Datelines.ParseMetadataDate(value);
        Assert.True(r.IsOk && r.Value.ToString("yyyy-MM-dd") == expected, $"{reason}: {r.Error} {r.Value}");
    }

    [Theory]
    [InlineData("yesterday", "a relative word is no metadata date")]
    [InlineData("", "empty")]
    [InlineData("2019-13-45", "impossible date")]
    public void Rejects_bad_metadata_dates(string value, string reason)
    {
        var r = Datelines.ParseMetadataDate(value);
        Assert.True(!r.IsOk && !string.IsNullOrEmpty(r.Error), reason);
    }
}
