using Dragoman.Documents;
using Dragoman.Tests.Support;
using Dragoman.Time;
using static Dragoman.Tests.Time.TimeTestSupport;

namespace Dragoman.Tests.Time;

public class SeedTimeTests
{
    // phrase in the seed, expected start, end, precision, reason
    [SharedTheory]
    [InlineData("the last two weeks", "2019-01-27", "2019-02-10", "Week", "two weeks back from publication")]
    [InlineData("the start of August", "2018-08-01", "2018-08-10", "Week", "past narration in February: August of the year before, first ten days")]
    [InlineData("six months ago", "2018-08-01", "2018-08-31", "Month", "about August 2018")]
    [InlineData("next summer", "2019-06-01", "2019-08-31", "Season", "summer 2019")]
    [InlineData("the past few days", "2019-02-03", "2019-02-10", "Week", "a few days before publication")]
    public void Seed_with_reference(string phrase, string start, string end, string precision, string reason)
    {
        var t = Find(Doc(File.ReadAllText(Paths.Seed), "2019-02-10"), phrase);
        Assert.True(t.Start?.ToString("yyyy-MM-dd") == start && t.End?.ToString("yyyy-MM-dd") == end && t.Precision.ToString() == precision, $"{reason}: {Describe(t)}");
    }

    [SharedFact]
    public void Seed_duration_is_not_an_event_time()
    {
        var t = Find(Doc(File.ReadAllText(Paths.Seed), "2019-02-10"), "about a month");
        Assert.True(t.Type == "DURATION" && t.Value == "P1M" && !EventTimeResolver.IsEventTime(t), Describe(t));
    }

    // phrase in the seed, relative notation without a reference (docs/time.md), reason
    [SharedTheory]
    [InlineData("the last two weeks", "-P2W/P0D", "two weeks up to publication, whatever day that is")]
    [InlineData("the start of August", "before:XXXX-08 mod=START", "the August before publication, its start")]
    [InlineData("six months ago", "-P6M", "six months before publication")]
    [InlineData("next summer", "after:XXXX-SU", "the summer after publication")]
    public void Seed_without_reference_keeps_expressions_relative(string phrase, string relative, string reason)
    {
        var t = Find(Doc(File.ReadAllText(Paths.Seed), null), phrase);
        Assert.True(t.Relative == relative && t.Start is null, $"{reason}: {Describe(t)}");
    }

    [SharedFact]
    public void Seed_without_reference_stays_relative()
    {
        var doc = Doc(File.ReadAllText(Paths.Seed), null);
        Assert.True(doc.Times.Count >= 5, "the seed's expressions are still found");
        Assert.All(doc.Times, t => Assert.True(t.Start is null && t.End is null, $"no invented date: {Describe(t)}"));
        Assert.Contains(doc.Warnings, w => w.Contains("reference date unknown", StringComparison.Ordinal));
    }
}

public class TimeMlTests
{
    private const string Sample = """
        <?xml version="1.0" ?>
        <TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" functionInDocument="CREATION_TIME">02/13/1998</TIMEX3></DCT>
        <TEXT>The convention voted <TIMEX3 tid="t1" type="DATE" value="1998-02-13">Friday</TIMEX3> to hold a referendum &amp; a vote <TIMEX3 tid="t2" type="DATE" value="1999">next year</TIMEX3> after <TIMEX3 tid="t3" type="DURATION" value="P210Y">210 years</TIMEX3>.</TEXT></TimeML>
        """;

    [Fact]
    public void Reads_text_dct_and_timex_offsets()
    {
        var r = TimeMlReader.Read("sample", Sample);
        Assert.True(r.IsOk, r.Error);
        var doc = r.Value!;
        Assert.Equal(new DateOnly(1998, 2, 13), doc.CreationDate);
        Assert.Equal(3, doc.Timexes.Count);
        Assert.All(doc.Timexes, t => Assert.Equal(t.Text, doc.Text[t.Span.Start..t.Span.End]));
        Assert.Contains("&", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_the_sample()
    {
        var s = TimeEvaluator.Evaluate([TimeMlReader.Read("sample", Sample).Value!]);
        Assert.True(s.N == 2 && s.ValueAccuracy == 1.0, $"Friday on a Friday DCT and 'next year' normalise: {s.ValueAccuracy}");
        Assert.True(s.E2ERecall == 1.0 && s.E2EValueF1 > 0.99, $"all three found with their values: {s}");
    }

    [Theory]
    [InlineData("1998-02-13T14:26:00", "ISO date-time creation time")]
    [InlineData("19980213", "compact creation time")]
    public void Reads_the_creation_time_formats(string value, string reason)
    {
        var xml = $"<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{value}\" functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT><TEXT>Nothing.</TEXT></TimeML>";
        Assert.True(TimeMlReader.Read("dct", xml).Value!.CreationDate == new DateOnly(1998, 2, 13), reason);
    }

    [Fact]
    public void Rejects_a_file_without_text()
        => Assert.False(TimeMlReader.Read("bad", "<TimeML></TimeML>").IsOk);
}

public class SeedEventTimeTests
{
    // trigger word, the text just after it (to find the occurrence), expected governing expression, reason
    [SharedTheory]
    [InlineData("released", " a number of members", "the last two weeks", "the release took place over the last two weeks, not at the start of August named later in the sentence")]
    [InlineData("captured", " by the regime during", "the start of August", "the capture is dated by its own clause")]
    [InlineData("released", " by a branch of the Air Force Intelligence over", "the past few days", "the second release report")]
    [InlineData("clear", " the area of any weapons", "next summer", "the expected clearing is by next summer")]
    public void Seed_events_take_their_governing_time(string trigger, string after, string expected, string reason)
    {
        var doc = Doc(File.ReadAllText(Paths.Seed), "2019-02-10");
        int at = doc.Text.IndexOf(trigger + after, StringComparison.Ordinal);
        Assert.True(at >= 0, $"trigger '{trigger}{after}' not in the seed");
        var t = EventTimeResolver.Resolve(doc, new TextSpan(at, at + trigger.Length));
        Assert.True(!t.Inherited && t.Text == expected, $"{reason}: got {t}");
    }

    [SharedFact]
    public void Seed_event_without_a_time_inherits_publication()
    {
        var doc = Doc(File.ReadAllText(Paths.Seed), "2019-02-10");
        int at = doc.Text.IndexOf("conscripting", StringComparison.Ordinal);
        var t = EventTimeResolver.Resolve(doc, new TextSpan(at, at + 12));
        Assert.True(t.Inherited && t.Start == new DateOnly(2019, 2, 9) && t.End == new DateOnly(2019, 2, 10), $"no time in the sentence: the publication day and the day before: {t}");
    }
}
