using Dragoman.Documents;
using Dragoman.Time;
using static Dragoman.Tests.Time.TimeTestSupport;

namespace Dragoman.Tests.Time;

public class TimeTaggerTests
{
    // text, phrase, reference, expected value, start, end, precision, reason
    [Theory]
    [InlineData("Rebels shelled the town on Tuesday.", "Tuesday", "2019-02-10", "2019-02-05", "2019-02-05", "2019-02-05", "Day", "past narration: the Tuesday before a Sunday reference")]
    [InlineData("The talks will resume on Tuesday.", "Tuesday", "2019-02-10", "2019-02-12", "2019-02-12", "2019-02-12", "Day", "future tense: the Tuesday after the reference")]
    [InlineData("Officials met next Tuesday to sign.", "next Tuesday", "2019-02-10", "2019-02-12", "2019-02-12", "2019-02-12", "Day", "'next' overrides the past-tense verb")]
    [InlineData("He was arrested last Friday.", "last Friday", "2019-02-08", "2019-02-01", "2019-02-01", "2019-02-01", "Day", "'last Friday' on a Friday is the previous week's")]
    [InlineData("Police said on Friday they had arrested him.", "Friday", "2019-02-08", "2019-02-08", "2019-02-08", "2019-02-08", "Day", "the reference's own weekday in past narration is the reference day")]
    public void Weekdays_resolve_to_the_side_the_tense_says(string text, string phrase, string reference, string value, string start, string end, string precision, string reason)
        => Check(text, phrase, reference, value, start, end, precision, reason);

    [Theory]
    [InlineData("The army captured the area in December.", "December", "2019-01-15", "2018-12", "2018-12-01", "2018-12-31", "Month", "past tense in January: last December, across the year boundary")]
    [InlineData("Elections are expected in March.", "March", "2018-12-20", "2019-03", "2019-03-01", "2019-03-31", "Month", "future in December: next year's March")]
    [InlineData("Fighting broke out at the start of August.", "the start of August", "2019-02-10", "2018-08", "2018-08-01", "2018-08-10", "Week", "past tense: the most recent August, first ten days")]
    [InlineData("The siege ended on Dec. 30.", "Dec. 30", "2019-01-03", "2018-12-30", "2018-12-30", "2018-12-30", "Day", "month and day without year, just before a January reference")]
    [InlineData("The dividend is payable Jan. 2.", "Jan. 2", "2018-12-20", "2019-01-02", "2019-01-02", "2019-01-02", "Day", "no tense cue: the nearest occurrence, next January")]
    [InlineData("Sales fell last February.", "last February", "1998-03-01", "1997-02", "1997-02-01", "1997-02-28", "Month", "the month right before the reference's is 'last month': 'last February' said in March is a year back")]
    [InlineData("Sales fell last May.", "last May", "1998-02-27", "1997-05", "1997-05-01", "1997-05-31", "Month", "'last May' said in February: the most recent May")]
    [InlineData("Talks resume next March.", "next March", "2019-02-10", "2020-03", "2020-03-01", "2020-03-31", "Month", "'next March' said in February is a year on ('next month' names the adjacent one)")]
    [InlineData("Talks resume next June.", "next June", "2019-02-10", "2019-06", "2019-06-01", "2019-06-30", "Month", "'next June' said in February: the coming June")]
    public void Years_are_inferred_across_the_year_boundary(string text, string phrase, string reference, string value, string start, string end, string precision, string reason)
        => Check(text, phrase, reference, value, start, end, precision, reason);

    // no tense cue within a few words: the governing verb further left, or a deadline word right before the date
    [Theory]
    [InlineData("He stepped down as chairman, president and chief executive in March for health reasons.", "March", "2019-11-02", "2019-03", "2019-03-01", "2019-03-31", "Month", "past verb far to the left governs the month: not the nearer next March")]
    [InlineData("The colonel will be named commander of the shuttle Columbia for a mission in December.", "December", "2019-03-04", "2019-12", "2019-12-01", "2019-12-31", "Month", "modal 'will' far to the left: the coming December, not the nearer past one")]
    [InlineData("Reports said the company told its clients of a cut in its oil supply in September.", "September", "2019-03-20", "2018-09", "2018-09-01", "2018-09-30", "Month", "a reporting verb is skipped, the clause's own past verb 'told' is not")]
    [InlineData("The company, which now has 45 banks and $12 billion in assets, issued a bond in April.", "April", "2019-11-02", "2019-04", "2019-04-01", "2019-04-30", "Month", "'issued' governs; the present perfect 'has' does not count")]
    [InlineData("The sale is part of the program to pay down $5 billion of a $6 billion bridge loan by February.", "February", "2019-10-30", "2020-02", "2020-02-01", "2020-02-29", "Month", "'by' before a month with no verb near: a deadline ahead")]
    [InlineData("The firm also created a four-member office of the chairman, effective Feb. 1.", "Feb. 1", "2019-10-26", "2020-02-01", "2020-02-01", "2020-02-01", "Day", "'effective' before a date with no verb near: a start ahead")]
    [InlineData("Sales barely changed during the year, and the fund saw little new money in its accounts in March.", "March", "2019-11-02", "2019-03", "2019-03-01", "2019-03-31", "Month", "near past verb 'saw' still decides as before")]
    [InlineData("Telerate shares fell 50 cents on Friday to close at $20 each.", "Friday", "1989-10-30", "1989-10-27", "1989-10-27", "1989-10-27", "Day", "an infinitive after the expression ('to close') does not govern it; 'fell' does")]
    [InlineData("The offer previously had been scheduled to expire at midnight Friday.", "midnight Friday", "1989-10-30", "1989-10-27T24:00", "1989-10-27", "1989-10-27", "Day", "'had been scheduled to': a plan in the past")]
    [InlineData("Thermo Electron agreed to purchase the liquid-chromatography line for $22 million in February.", "February", "1989-10-30", "1990-02", "1990-02-01", "1990-02-28", "Month", "an infinitive right after a verb of deciding governs the date: ahead")]
    [InlineData("The split would be paid on a still unspecified date in January to holders of record.", "January", "1989-10-26", "1990-01", "1990-01-01", "1990-01-31", "Month", "an -ed adjective after a determiner ('a still unspecified date') is no past verb")]
    [InlineData("Problems made it extremely difficult for Sun to meet demand for its newest computers well into the summer.", "the summer", "1989-10-26", "1989-SU", "1989-06-01", "1989-08-31", "Season", "an infinitive after a clause takes its time from the clause's past verb")]
    [InlineData("The governments, which chair talks that are supposed to conclude by May, invited Sinn Fein to rejoin.", "May", "1998-03-22", "1998-05", "1998-05-01", "1998-05-31", "Month", "'supposed to' looks ahead; the main clause's verb after the comma counts as further away")]
    public void Governing_verb_decides_the_side_when_no_cue_is_near(string text, string phrase, string reference, string value, string start, string end, string precision, string reason)
        => Check(text, phrase, reference, value, start, end, precision, reason);

    [Theory]
    [InlineData("The battle of 4 August 2018 was decisive.", "4 August 2018", "2019-02-10", "2018-08-04", "2018-08-04", "2018-08-04", "Day", "full day-first date")]
    [InlineData("Troops left on Aug. 4, 2017.", "Aug. 4, 2017", "2019-02-10", "2017-08-04", "2017-08-04", "2017-08-04", "Day", "abbreviated month, comma, year")]
    [InlineData("The offensive began in early 2019.", "early 2019", "2019-06-01", "2019", "2019-01-01", "2019-04-30", "Season", "early year: the first third of it")]
    [InlineData("Shelling resumed in mid-March.", "mid-March", "2019-06-01", "2019-03", "2019-03-11", "2019-03-20", "Week", "mid-month: days 11 to 20")]
    [InlineData("The group was founded in 2018.", "2018", "2019-06-01", "2018", "2018-01-01", "2018-12-31", "Year", "a year alone")]
    [InlineData("Aid arrived in August 2016.", "August 2016", "2019-06-01", "2016-08", "2016-08-01", "2016-08-31", "Month", "month and year")]
    [InlineData("The area was quiet between March and May.", "between March and May", "2019-06-10", "2019-03/2019-05", "2019-03-01", "2019-05-31", "Season", "a range of months is one interval")]
    [InlineData("Profit fell in the last half of 2018.", "the last half of 2018", "2019-06-10", "2018-H2", "2018-07-01", "2018-12-31", "Year", "'last half of' a year is its second half-year, TimeML value H2")]
    [InlineData("Sales rose in the first half of 2018.", "the first half of 2018", "2019-06-10", "2018-H1", "2018-01-01", "2018-06-30", "Year", "first half-year: H1")]
    [InlineData("The report was published on 2017-04-05.", "2017-04-05", "2019-06-10", "2017-04-05", "2017-04-05", "2017-04-05", "Day", "ISO date in text")]
    public void Absolute_and_partial_dates(string text, string phrase, string reference, string value, string start, string end, string precision, string reason)
        => Check(text, phrase, reference, value, start, end, precision, reason);

    [Theory]
    [InlineData("Over the last two weeks, the branch released prisoners.", "the last two weeks", "2019-02-10", "P2W", "2019-01-27", "2019-02-10", "Week", "anchored period ending at the reference")]
    [InlineData("Two civilians were killed two days ago.", "two days ago", "2019-02-10", "2019-02-08", "2019-02-08", "2019-02-08", "Day", "offset in days")]
    [InlineData("The area it captured over six months ago is tense.", "over six months ago", "2019-02-10", "2018-08", "2018-08-01", "2018-08-31", "Month", "approximate offset keeps month precision")]
    [InlineData("Hezbollah wants the area cleared by next summer.", "next summer", "2019-02-10", "2019-SU", "2019-06-01", "2019-08-31", "Season", "next summer from February is this year's summer")]
    [InlineData("Clashes continued last week.", "last week", "2019-02-10", "2019-W05", "2019-01-28", "2019-02-03", "Week", "previous ISO week")]
    [InlineData("Prices rose this year.", "this year", "2019-02-10", "2019", "2019-01-01", "2019-12-31", "Year", "the reference's year")]
    [InlineData("A car bomb exploded yesterday.", "yesterday", "2019-02-10", "2019-02-09", "2019-02-09", "2019-02-09", "Day", "yesterday")]
    [InlineData("A car bomb exploded late yesterday.", "late yesterday", "2019-02-10", "2019-02-09", "2019-02-09", "2019-02-09", "Day", "a modifier inside a day keeps the day")]
    [InlineData("The minister speaks tonight.", "tonight", "2019-02-10", "2019-02-10TNI", "2019-02-10", "2019-02-10", "Day", "tonight is a TIME on the reference day")]
    [InlineData("Raids have increased in recent days.", "recent days", "2019-02-10", "PAST_REF", "2019-02-03", "2019-02-10", "Week", "recent days: about a week back")]
    [InlineData("More than 30 fighters were released over the past few days.", "the past few days", "2019-02-10", "PXD", "2019-02-03", "2019-02-10", "Week", "a few days: up to a week")]
    [InlineData("Sources say the fighters were released recently.", "recently", "2019-02-10", "PAST_REF", "2019-01-10", "2019-02-10", "Month", "recently: within the past month")]
    [InlineData("The shelling began at 0300 GMT on Friday.", "0300 GMT on Friday", "2019-02-10", "2019-02-08T03:00", "2019-02-08", "2019-02-08", "Day", "military time with a zone is a clock time, not the year 300")]
    [InlineData("Rebels attacked at 10 p.m. on Wednesday.", "10 p.m. on Wednesday", "2019-02-10", "2019-02-06T22:00", "2019-02-06", "2019-02-06", "Day", "clock time with its day")]
    public void Relative_expressions(string text, string phrase, string reference, string value, string start, string end, string precision, string reason)
        => Check(text, phrase, reference, value, start, end, precision, reason);

    [Theory]
    [InlineData("He was held for three years.", "three years", "P3Y", "'for three years' is how long, not when")]
    [InlineData("Tensions have been rising for about a month.", "about a month", "P1M", "approximate duration")]
    [InlineData("They signed a two-year contract.", "two-year", "P2Y", "adjectival duration")]
    [InlineData("The ceasefire lasted 24 hours.", "24 hours", "PT24H", "hours are a time duration")]
    [InlineData("Profits fell in the first nine months.", "the first nine months", "P9M", "a duration with its article")]
    [InlineData("It is the first rise in five years.", "five years", "P5Y", "'in five years' in present narration is a span (the first rise in five years), not a point ahead")]
    [InlineData("They stayed there for one day.", "one day", "P1D", "'for one day' is how long")]
    [InlineData("It will be the biggest rally in five years.", "five years", "P5Y", "after a superlative, 'in five years' measures back even in future narration")]
    public void Durations_are_not_dates(string text, string phrase, string value, string reason)
    {
        var t = Find(Doc(text, "2019-02-10"), phrase);
        Assert.True(t.Type == "DURATION" && t.Value == value && t.Start is null && t.End is null, $"{reason}: {Describe(t)}");
        Assert.False(EventTimeResolver.IsEventTime(t), $"{reason}: a bare duration must not locate an event");
    }

    [Theory]
    [InlineData("The stock would be redeemed in five years.", "five years", "2024", "Year", "a counted span after 'in' in future narration is the point that far ahead")]
    [InlineData("The plant will reopen in two weeks.", "two weeks", "2019-W08", "Week", "'in two weeks' ahead: the ISO week two weeks on")]
    [InlineData("Islam will one day be the second largest religion in the country.", "one day", "FUTURE_REF", "Unknown", "'will one day': an indefinite time ahead, not a duration")]
    public void Counted_spans_ahead_are_points_in_future_narration(string text, string phrase, string value, string precision, string reason)
    {
        var t = Find(Doc(text, "2019-02-10"), phrase);
        Assert.True(t.Type == "DATE" && t.Value == value && t.Precision.ToString() == precision, $"{reason}: {Describe(t)}");
    }

    [Theory]
    [InlineData("Over the last two weeks, the branch released prisoners.", "the last two weeks", "-P2W/P0D", "Week", "anchored period relative to publication")]
    [InlineData("The group was captured at the start of August.", "the start of August", "before:XXXX-08 mod=START", "Week", "month without year stays partial, before publication")]
    [InlineData("The area it captured over six months ago.", "six months ago", "-P6M", "Month", "offset from publication")]
    [InlineData("They want it cleared by next summer.", "next summer", "after:XXXX-SU", "Season", "next summer relative to publication")]
    [InlineData("A car bomb exploded yesterday.", "yesterday", "-P1D", "Day", "yesterday is one day before publication")]
    [InlineData("Raids were reported over the past few days.", "the past few days", "-PXD/P0D", "Week", "a few days before publication")]
    public void Unknown_reference_stays_relative(string text, string phrase, string relative, string precision, string reason)
    {
        var doc = Doc(text, null);
        var t = Find(doc, phrase);
        Assert.True(t.Start is null && t.End is null, $"{reason}: no date may be invented: {Describe(t)}");
        Assert.True(t.Relative == relative && t.Precision.ToString() == precision, $"{reason}: {Describe(t)}");
        Assert.Contains(doc.Warnings, w => w.Contains("reference date unknown", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The fighting began on 4 August 2018.", "2018-08-04", "an explicit full date needs no reference")]
    [InlineData("The town fell in 2016.", "2016", "an explicit year needs no reference")]
    public void Explicit_dates_resolve_without_a_reference(string text, string value, string reason)
    {
        var t = Doc(text, null).Times.Single();
        Assert.True(t.Value == value && t.Start is not null && t.Relative is null, $"{reason}: {Describe(t)}");
    }

    [Theory]
    [InlineData("Ramadan 2019 began in May.", "Ramadan 2019", "2019-05-06", "2019-06-03", "Umm al-Qura Ramadan 1440 has 29 days; Eid al-Fitr fell on 4 June 2019")]
    [InlineData("Markets reopened after Eid al-Adha 2018.", "Eid al-Adha 2018", "2018-08-21", "2018-08-24", "10-13 Dhu al-Hijjah 1439")]
    public void Islamic_holidays_when_the_year_is_known(string text, string phrase, string start, string end, string reason)
    {
        var t = Find(Doc(text, "2019-06-10"), phrase);
        Assert.True(t.Start?.ToString("yyyy-MM-dd") == start && t.End?.ToString("yyyy-MM-dd") == end, $"{reason}: {Describe(t)}");
    }

    [Theory]
    [InlineData("The May 2019 offensive", 1, "May with a year is a month")]
    [InlineData("May God protect them, he said.", 0, "sentence-initial modal 'May' is not a month")]
    [InlineData("About 2000 people fled.", 0, "a four-digit count is not a year")]
    [InlineData("Chemical attack claims over 1000 lives in Syria", 0, "'over' before a four-digit number: an approximated amount")]
    [InlineData("More than 1500 fled the town.", 0, "'more than' before a four-digit number is a count")]
    [InlineData("The attack killed 1200 victims.", 0, "a four-digit number before a counted noun ('victims') is a count")]
    [InlineData("Tensions have risen since about 1990.", 1, "'about' before a year after 'since' stays a year")]
    [InlineData("The second attack killed five.", 0, "an ordinal alone is not a time")]
    [InlineData("It pays a quarterly dividend.", 0, "'quarterly' before a noun is an adjective")]
    [InlineData("Protests began with the Arab Spring.", 0, "a capitalised season after a name is part of the name")]
    [InlineData("He is 52 years old.", 0, "an age is not a duration")]
    [InlineData("The council passed resolution 2118 on chemical weapons.", 0, "a number right after a noun is its label, not a year")]
    [InlineData("Passengers of flight 1970 were stranded.", 0, "a label in the year range is still a label: the noun before it decides")]
    [InlineData("Fans gathered before the Euro 2016 final.", 0, "a capitalised name before the number labels it too")]
    [InlineData("Work stopped on the 1070 housing project.", 0, "determiner + number + noun outside 1900..publication year + 1 is a count or a label")]
    [InlineData("A 2030 target was set.", 0, "a bare number after the publication year + 1 with no preposition of time is no year (reference 2019)")]
    [InlineData("The bonds are due 2030.", 1, "after a preposition of time a later year is a deadline, still a date")]
    [InlineData("The 2019 elections were disputed.", 1, "determiner + year + noun inside the range: a year")]
    [InlineData("Relations soured in 2018.", 1, "a year after a preposition")]
    [InlineData("The movement was founded 1990 in exile.", 1, "a year right after a verb form stays a year")]
    [InlineData("Syria's 2018 offensive failed.", 1, "a year after a possessive is a modifier date")]
    [InlineData("Protesters called for the fall of the president.", 0, "'the fall of' a name or noun is the noun, not autumn")]
    [InlineData("Talks resumed in the fall of 1990.", 1, "'the fall of' a year is the season")]
    [InlineData("Talks will resume in the fall.", 1, "'the fall' alone after 'in' stays the season")]
    public void Words_in_other_roles_are_not_times(string text, int count, string reason)
    {
        var doc = Doc(text, "2019-06-10");
        Assert.True(doc.Times.Count == count, $"{reason}: {string.Join(" | ", doc.Times.Select(Describe))}");
    }

    private static void Check(string text, string phrase, string reference, string value, string start, string end, string precision, string reason)
    {
        var t = Find(Doc(text, reference), phrase);
        Assert.True(t.Value == value && t.Start?.ToString("yyyy-MM-dd") == start && t.End?.ToString("yyyy-MM-dd") == end && t.Precision.ToString() == precision,
            $"{reason}: {Describe(t)}");
    }
}

public class AnaphoricTimeTests
{
    [Theory]
    [InlineData("Rebels entered the town on 4 August 2018. The following day, the army shelled it.", "The following day", "2019-02-10", "2018-08-05", "the day after the narrated date, not after publication")]
    [InlineData("Talks opened on March 3. The day before, a bomb exploded.", "The day before", "2019-03-10", "2019-03-02", "the day before the narrated date")]
    [InlineData("The group was founded in 2014. That year it seized the city.", "That year", "2019-03-10", "2014", "'that year' is the narrated year")]
    [InlineData("Talks opened on Wednesday, March 6. The previous Friday, a bomb exploded.", "The previous Friday", "2019-03-10", "2019-03-01", "the Friday before the narrated day")]
    [InlineData("The army withdrew on 4 August 2018. The following day, rebels entered.", "The following day", null, "2018-08-05", "an explicit narrated date anchors even without a reference")]
    public void Anchors_on_the_narrated_date(string text, string phrase, string? reference, string value, string reason)
    {
        var t = TimeTestSupport.Find(TimeTestSupport.Doc(text, reference), phrase);
        Assert.True(t.Value == value, $"{reason}: {TimeTestSupport.Describe(t)}");
    }

    [Fact]
    public void Without_a_narrated_date_the_anchor_stays_unknown()
    {
        var t = TimeTestSupport.Find(TimeTestSupport.Doc("The following day, rebels entered the town.", "2019-02-10"), "The following day");
        Assert.True(t.Start is null && t.Relative == "anchor+P1D", $"the reference is no substitute for an unknown narrated day: {TimeTestSupport.Describe(t)}");
    }
}
