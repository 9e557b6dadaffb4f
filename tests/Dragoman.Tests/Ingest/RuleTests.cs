using Dragoman.Ingest.Rules;
using Dragoman.Time;

namespace Dragoman.Tests.Ingest;

/// <summary>The general rules under article reading, case by case.</summary>
public class RuleTests
{
    [Theory]
    [InlineData("Wed 05 Apr 2017 at 0914", "2017-04-05", "weekday, day, short month, year, 'at' and a 24h time")]
    [InlineData("August 1 2011", "2011-08-01", "month day year without comma")]
    [InlineData("Published: 3 March 2019, 10:20 GMT", "2019-03-03", "label, day month year, time and zone")]
    [InlineData("Updated Aug. 4, 2011 08:00 AM", "2011-08-04", "abbreviated month with a dot")]
    [InlineData("2019-02-10", "2019-02-10", "ISO date alone")]
    [InlineData("2016.03.31", "2016-03-31", "ISO date with dots alone")]
    [InlineData("Posted on Tuesday, 12 June 2018", "2018-06-12", "posted on weekday")]
    [InlineData("Monday 2 September 2019 | 14:05", "2019-09-02", "pipe separator")]
    [InlineData("The attack on 5 April 2017 killed 12 people.", null, "a sentence with a date is not a date line")]
    [InlineData("Over the last two weeks", null, "relative time is not a date line")]
    [InlineData("March 3", null, "no year: not a publication date line")]
    public void Date_lines(string line, string? expected, string reason)
    {
        var got = Datelines.DateLine(line)?.Date?.ToString("yyyy-MM-dd");
        Assert.True(got == expected, $"{reason}: got {got}");
    }

    [Theory]
    [InlineData("2019-05-14T23:30:00-05:00", "2019-05-14", "date as the source wrote it, not shifted to UTC")]
    [InlineData("Tue, 14 May 2019 10:00:00 GMT", "2019-05-14", "RFC 1123")]
    [InlineData("14 May 2019", "2019-05-14", "textual")]
    [InlineData("not a date", null, "garbage")]
    [InlineData("2019-02-30", null, "impossible day")]
    public void Metadata_stamps(string value, string? expected, string reason)
    {
        var got = Datelines.MetadataDate(value)?.ToString("yyyy-MM-dd");
        Assert.True(got == expected, $"{reason}: got {got}");
    }

    [Theory]
    [InlineData("DAMASCUS, Aug. 4 (Reuters) - Syrian troops advanced.", "8-4-", "Reuters", "agency wire style, no year")]
    [InlineData("BEIRUT, March 3, 2019 (AFP) — Fighting resumed.", "3-3-2019", "AFP", "with year and an em dash")]
    [InlineData("Idlib, 4 August 2018 (SANA) – Shelling hit the city.", "8-4-2018", "SANA", "day month year, en dash")]
    [InlineData("MOSCOW (Interfax) - The ministry said.", "", "Interfax", "agency only, no date")]
    [InlineData("DEIR EZ-ZOR, Syria, May 2 - Clashes erupted.", "5-2-", null, "place with country, no agency")]
    [InlineData("Syrian forces said on Monday - in a statement - that", null, null, "prose with dashes is no dateline")]
    public void Wire_datelines(string lede, string? date, string? agency, string reason)
    {
        var got = Datelines.Wire(lede);
        if (date is null) { Assert.True(got is null, reason); return; }
        Assert.True(got is not null, reason);
        Assert.True((got!.Month == 0 ? "" : $"{got.Month}-{got.Day}-{got.Year}") == date, $"{reason}: date {got.Month}-{got.Day}-{got.Year}");
        Assert.True(got.Agency == agency, $"{reason}: agency {got.Agency}");
        Assert.True(got.End > 0 && got.End < lede.Length && !char.IsWhiteSpace(lede[got.End]) && lede[got.End - 1] == ' ', $"{reason}: the lede's own text starts at {got.End}");
    }

    [Theory]
    [InlineData("Site Logo", "logo or image alt text", "logo alt text")]
    [InlineData("logo-white small", "logo or image alt text", "logo file-name style alt")]
    [InlineData("Share on WhatsApp", "share buttons", "share button")]
    [InlineData("Related Stories", "label of an empty keywords/related block", "related label")]
    [InlineData("Useful tags", "label of an empty keywords/related block", "empty tags label")]
    [InlineData("Follow us on Telegram", "subscribe or follow prompt", "follow prompt")]
    [InlineData("Advertisement", "advertisement label", "ad slot label")]
    [InlineData("Skip to main content", "navigation", "skip link")]
    [InlineData("Leave a comment", "comments widget", "comments")]
    [InlineData("© 2020 Foo News", "copyright footer", "copyright sign")]
    [InlineData("Home | World | Sport | Business", "navigation menu", "menu written out")]
    [InlineData("This website uses cookies to ensure you get the best experience.", "cookie notice", "cookie sentence")]
    [InlineData("Sign up to receive our daily briefing", "subscribe or follow prompt", "newsletter prompt")]
    [InlineData("Related developments in Homs", null, "content word keeps a heading")]
    [InlineData("Follow the money", null, "a headline using an interface word")]
    [InlineData("Share prices fell sharply in Damascus after the announcement.", null, "prose")]
    [InlineData("Logo design contest cancelled in Aleppo", null, "logo as a topic")]
    [InlineData("The group said it would follow up with more attacks and urged supporters to subscribe to its channel on Telegram, where it has posted claims before.", null, "long prose mentioning subscribe")]
    public void Chrome(string text, string? reason, string why)
    {
        var got = ChromeRules.Classify(text);
        Assert.True(got == reason, $"{why}: got {got}");
    }

    [Theory]
    [InlineData("This article was translated and edited by The Syrian Observer.", "translator=The Syrian Observer", "translated and edited by")]
    [InlineData("Translated from Arabic by Sami Aziz.", "translator=Sami Aziz", "from a language")]
    [InlineData("English translation by Levant Desk", "translator=Levant Desk", "English translation by")]
    [InlineData("The story was first published in Enab Baladi on Monday.", "original-outlet=Enab Baladi", "first published in")]
    [InlineData("Rebels took the hill (Source: Qasioun News).", "original-outlet=Qasioun News", "inline source")]
    [InlineData("He was translated to a new post by the ministry.", "", "'translated to ... by' is no translation credit")]
    public void Credit_lines(string text, string expected, string reason)
    {
        var got = string.Join("|", CreditRules.Credits(text).Select(c => $"{c.Role}={c.Name}"));
        Assert.True(got == expected, $"{reason}: got {got}");
    }

    [Theory]
    [InlineData("Attacks will resume in the south, reports Alsouria Net.", "Alsouria Net", "reports + any proper name")]
    [InlineData("Dozens were detained in Douma this month, writes Enab Baladi.", "Enab Baladi", "writes")]
    [InlineData("Two soldiers died, a source told the Desert Courier.", "Desert Courier", "told + outlet word")]
    [InlineData("The road was closed, according to SANA.", "SANA", "according to an acronym outlet")]
    [InlineData("The road was closed, said John Smith.", null, "said + a person is not an outlet")]
    [InlineData("The road was closed, according to witnesses.", null, "lowercase source")]
    [InlineData("Reports said the road was closed.", null, "nothing closes the sentence")]
    [InlineData("Three people were killed, the monitor reported Sunday.", null, "a weekday after the verb is no outlet")]
    [InlineData("Aid was delivered, reports Catholic News Agency Feb.", "Catholic News Agency", "a trailing month abbreviation is cut from the name")]
    public void Outlet_closing_a_lede(string lede, string? outlet, string reason)
    {
        Assert.True(CreditRules.ClosingOutletOf(lede)?.Name == outlet, $"{reason}: got {CreditRules.ClosingOutletOf(lede)?.Name}");
    }

    [Theory]
    [InlineData("By Jane Doe", "Jane Doe", "simple byline")]
    [InlineData("By Hana Saleh and Tom Reed, Beirut", "Hana Saleh|Tom Reed", "two authors and a place")]
    [InlineData("Reporting by Salim Haddad; editing by Nour Mansour", "Salim Haddad", "wire credit line")]
    [InlineData("By Tuesday, the forces had withdrawn from the town.", null, "a sentence starting with By")]
    [InlineData("By the end of the day", null, "By + article")]
    [InlineData("By Ahmad al-Hassan | 5 April 2017", "Ahmad al-Hassan", "al- name and a date")]
    public void Bylines(string text, string? names, string reason)
    {
        var got = CreditRules.BylineNames(text);
        Assert.True((got is null ? null : string.Join("|", got)) == names, $"{reason}: got {(got is null ? "null" : string.Join("|", got))}");
    }

    [Theory]
    [InlineData("Responsibility for the information and views set out in this article lies entirely with the author.", 1, "responsibility lies with the author")]
    [InlineData("The views expressed in this article do not necessarily reflect those of the publisher.", 1, "views expressed")]
    [InlineData("This content is provided for informational purposes only. Fighting continued.", 1, "one of two sentences")]
    [InlineData("The ministry said it bore responsibility for the strike.", 0, "'responsibility' in news is not a disclaimer")]
    public void Disclaimers(string text, int count, string reason)
    {
        Assert.True(CreditRules.Disclaimers(text).Count == count, reason);
    }
}

public class RunOnTextTests
{
    [Theory]
    [InlineData("Wed 05 Apr 2017 Rebels shell market in Azaz. Rebels shelled the main market in Azaz on Wednesday, residents said.", "Rebels shell market in Azaz", "2017-04-05", "Rebels shelled the main market", "weekday date, then the title repeated as a sentence")]
    [InlineData("Date of publication 25 April 2017 Airstrikes on a village near Saraqeb killed nine people on Tuesday, a monitor said.", null, "2017-04-25", "Airstrikes on a village", "labelled date, no title")]
    [InlineData("Mon Aug 15 2016 Blast kills 12 fighters near Azaz. A car bomb killed 12 fighters at a checkpoint near Azaz on Monday.", "Blast kills 12 fighters near Azaz", "2016-08-15", "A car bomb killed", "weekday month day year")]
    [InlineData("13-12-2014 Kurdish fighters repel attack near Tal Abyad. Kurdish fighters repelled an attack near Tal Abyad on Saturday.", "Kurdish fighters repel attack near Tal Abyad", "2014-12-13", "Kurdish fighters repelled", "day-first numeric date, unambiguous")]
    [InlineData("03-04-2014 Shelling resumes in Daraa. Shelling resumed in Daraa on Thursday, residents said.", "Shelling resumes in Daraa", null, "03-04-2014 Shelling resumes in Daraa.", "ambiguous numeric date is not guessed: it stays in the text (and so does the title after it)")]
    [InlineData("Wednesday 22 July 2015 22:33 Barrel bombs hit Anadan. Barrel bombs hit the town of Anadan on Wednesday.", "Barrel bombs hit Anadan", "2015-07-22", "Barrel bombs hit the town", "date with a time")]
    [InlineData("Fighters seize hilltop after clashes with troops near Kabani on Thursday, a commander said.", "Fighters seize hilltop", null, "Fighters seize hilltop after clashes", "opening words equal to the title but no new sentence: kept")]
    [InlineData("Car bomb kills nine in Salamiyah AFP Friday 20 Jun 2014 A car bomb killed nine people in Salamiyah on Friday.", "Car bomb kills nine in Salamiyah - Region - World - Example Online", "2014-06-20", "A car bomb killed nine", "site suffix cut from the title because the body repeats only the headline; agency-prefixed date after it")]
    public void Leading_date_and_repeated_title_in_run_on_text(string content, string? title, string? date, string ledeStart, string reason)
    {
        var a = IngestHarness.FromBytes(System.Text.Encoding.UTF8.GetBytes(content), Dragoman.Ingest.ContentTypes.Text, title is null ? null : new Dragoman.Documents.ArticleHints(Title: title));
        Assert.True(a.Published?.ToString("yyyy-MM-dd") == date, $"{reason}: date {a.Published}");
        Assert.True(a.Lede!.StartsWith(ledeStart, StringComparison.Ordinal), $"{reason}: lede '{a.Lede}'");
        if (title is not null && title.Contains(" - Region")) Assert.Equal("Car bomb kills nine in Salamiyah", a.Title);
        if (date is not null) Assert.Contains(a.Dropped, d => d.Reason.StartsWith("date line", StringComparison.Ordinal) && content[d.Start..d.End].Trim() == d.Text);
    }
}

public class KeywordBlockTests
{
    [Theory]
    [InlineData("Helpful keywords\n\nSyria, Daraa, Islamic State\n", "Syria|Daraa|Islamic State", "items under a keywords label")]
    [InlineData("Tags\n\nAleppo | Idlib\n", "Aleppo|Idlib", "pipe-separated items under a tags label")]
    [InlineData("Helpful keywords\n", "", "label alone: nothing to keep")]
    [InlineData("Related articles\n\nAleppo, Idlib\n", "", "a related-links label does not turn items into keywords")]
    [InlineData("Topics\n\nThe shelling continued on Monday, residents said.\n", "", "prose after a label stays prose")]
    public void Keywords_after_a_label(string tail, string keywords, string reason)
    {
        var a = IngestHarness.FromText("Clashes near Homs\n\nFighters clashed near Homs on Monday, residents said.\n\nThe army sent reinforcements.\n\n" + tail);
        Assert.True(string.Join("|", a.Keywords) == keywords, $"{reason}: got {string.Join("|", a.Keywords)}");
    }

    [Theory]
    [InlineData("# source\nshare\tshare buttons\nthis\n", 0, "share|this", "share", "a strong word carries its reason; a word without one only counts")]
    [InlineData("share\t\n", 1, "", "", "a tab with no reason after it is a mistake, not a weak word")]
    [InlineData("# a\nskip to\n", 2, "", "", "one word a line: a block is split into words before the lookup")]
    [InlineData("share\tshare buttons\textra\n", 1, "", "", "a third column has no meaning")]
    public void The_interface_word_file_gives_words_and_reasons_or_names_the_bad_line(string text, int badLine, string words, string strong, string reason)
    {
        var path = Path.Combine(Path.GetTempPath(), $"interface-{Guid.NewGuid():N}.tsv");
        try
        {
            File.WriteAllText(path, text);
            if (badLine > 0)
            {
                var e = Assert.Throws<InvalidDataException>(() => ChromeRules.ReadInterfaceWords(path));
                Assert.True(e.Message.Contains($"{path}:{badLine}:"), $"{reason}: {e.Message}");
                return;
            }
            var (all, strongWords) = ChromeRules.ReadInterfaceWords(path);
            Assert.True(words.Split('|').ToHashSet().SetEquals(all), reason);
            Assert.True(strong.Split('|').ToHashSet().SetEquals(strongWords.Keys), reason);
        }
        finally { File.Delete(path); }
    }
}
