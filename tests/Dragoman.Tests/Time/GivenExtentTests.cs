using Dragoman.Documents;
using Dragoman.Time;
using static Dragoman.Tests.Time.TimeTestSupport;

namespace Dragoman.Tests.Time;

/// <summary>Normalising extents someone else found (TimeML gold extents): deictic adverbs the tagger leaves alone.</summary>
public class GivenExtentTests
{
    [Theory]
    [InlineData("He previously ran the bank's trust unit.", "previously", "PAST_REF", "an earlier time, no date")]
    [InlineData("Earlier, the company said sales fell.", "Earlier", "PAST_REF", "sentence-initial 'Earlier' alone")]
    [InlineData("The plant once employed 800 workers.", "once", "PAST_REF", "'once' as 'formerly'")]
    [InlineData("The bank has already repaid $2 billion.", "already", "PRESENT_REF", "'already': by now")]
    [InlineData("No decision has been made yet.", "yet", "PRESENT_REF", "'yet': up to now")]
    [InlineData("Results in future quarters may be lower.", "future quarters", "FUTURE_REF", "'future' with a plural unit: unbounded time ahead")]
    [InlineData("The firm will need more capital in the future.", "the future", "FUTURE_REF", "the recogniser's own reading is kept")]
    [InlineData("Holders may buy shares at 50% of the then current market price.", "then current", "PAST_REF", "'then' before a word: at a past time")]
    [InlineData("He would not be traveling at this crucial moment without a reason.", "this crucial moment", "PRESENT_REF", "'this moment': the time of speaking")]
    [InlineData("At present the talks are stalled.", "present", "PRESENT_REF", "'at present'")]
    public void Deictic_adverbs_in_given_extents_take_their_side_of_the_reference(string text, string extent, string value, string reason)
    {
        var doc = Doc(text, "2019-11-02");
        int at = text.IndexOf(extent, StringComparison.Ordinal);
        var result = TimeTagger.NormalizeExtents(doc, [new TextSpan(at, at + extent.Length)]);
        Assert.True(result[0] is not null, reason);
        Assert.Equal(value, result[0]!.Value);
        Assert.Equal("DATE", result[0]!.Type);
    }

    [Theory]
    [InlineData("The plant once employed 800 workers.", "once", "not tagged in running text: 'once' is too often no time ('once the deal closes')")]
    [InlineData("The bank has already repaid $2 billion.", "already", "not tagged in running text")]
    [InlineData("He previously ran the bank's trust unit.", "previously", "not tagged in running text")]
    public void The_tagger_still_leaves_them_alone_in_running_text(string text, string word, string reason)
    {
        var doc = Doc(text, "2019-11-02");
        Assert.True(doc.Times.All(t => !t.Text.Contains(word, StringComparison.OrdinalIgnoreCase)), reason);
    }

    // text, phrase, expected type, expected value, reason
    [Theory]
    [InlineData("Prices have fallen in the last few months.", "the last few months", "DATE", "PAST_REF", "vague period after 'in' answers 'when': a DATE on the past side")]
    [InlineData("Growth will slow in coming months.", "coming months", "DATE", "FUTURE_REF", "vague future period after 'in'")]
    [InlineData("Spending rose in past years.", "past years", "DATE", "PAST_REF", "bare plural 'past years' after 'in'")]
    [InlineData("Prices have fallen over the last few months.", "the last few months", "DURATION", "PXM", "'over' measures a stretch: still a DURATION")]
    [InlineData("Two fighters were killed in the last two weeks.", "the last two weeks", "DURATION", "P2W", "a counted period keeps its length")]
    public void Vague_periods_after_in_are_dates(string text, string phrase, string type, string value, string reason)
    {
        var t = Find(Doc(text, "2019-11-02"), phrase);
        Assert.True(type == t.Type && value == t.Value, $"{reason}: got {Describe(t)}");
        Assert.NotNull(t.Start);
    }

    // text, given extent, reference, expected value, reason
    [Theory]
    [InlineData("Ralston reported a decline in fourth-quarter earnings. It earned $45 million, compared with $85 million a year earlier.", "a year earlier", "1989-11-02", "1988-Q4",
        "a quarter named outside every given extent still frames 'a year earlier'")]
    [InlineData("The company posted fiscal second-quarter net of $8.6 million. The latest period includes gains from debt retirement.", "The latest period", "1989-10-26", "1989-Q2",
        "'the latest period' is the quarter the report named (a fiscal quarter keeps its number), not the calendar's last")]
    [InlineData("Third-quarter net fell 22%. The company has no estimate of the impact on fourth-quarter results. In the latest quarter, it lost $23 million.", "the latest quarter", "1989-10-30", "1989-Q3",
        "a quarter that has not ended ('fourth-quarter results') does not replace the ended quarter the report is about")]
    [InlineData("Sun posted a loss in the fiscal first quarter. It had expected to break even for the quarter on sales of $530 million.", "the quarter", "1989-10-26", "1989-Q1",
        "'the quarter' after a named fiscal quarter")]
    [InlineData("Sales in the quarter rose 5%.", "the quarter", "1989-10-26", "1989-Q3",
        "with no quarter named, 'the quarter' is the last one completed")]
    [InlineData("Columbia announced a loss for the third quarter. For the quarter a year ago, it reported earnings of $16.3 million.", "the quarter a year ago", "1989-10-26", "1988-Q3",
        "'the quarter a year ago' is the named quarter, a year back")]
    [InlineData("The company lost $8.1 million in the third quarter. These results compare with net income of $1.8 million for the corresponding period last year.", "the corresponding period last year", "1989-11-01", "1988-Q3",
        "'the corresponding period last year' is the same quarter a year back")]
    [InlineData("Aetna's third-quarter net fell. In the latest quarter, it had a $23 million loss on auto lines, compared with earnings of $33 million last year.", "last year", "1989-10-30", "1988-Q3",
        "'compared with $33 million last year' in a quarter report compares the quarter with the same quarter a year back")]
    [InlineData("Aetna's third-quarter net fell. In the nine months, net rose 4.3% to $525.8 million, from $504.2 million last year.", "last year", "1989-10-30", "1988",
        "a clause that names its own period (the nine months) does not compare quarters")]
    [InlineData("Aetna's third-quarter net fell. Last year catastrophe losses totaled $5 million.", "Last year", "1989-10-30", "1988",
        "'last year' that compares no figure is the year")]
    [InlineData("Third-quarter net fell. In the first nine months, net was $306 million, compared with a loss of $195 million in the 1988 period.", "the 1988 period", "1989-11-02", "1988",
        "a clause that names months compares nine months, not the quarter: 'the 1988 period' is the year")]
    [InlineData("Third-quarter net was $27.1 million, more than twice the $13.5 million a year earlier.", "a year", "1989-11-01", "1988-Q3",
        "a given extent that stops before 'earlier' is read with it")]
    [InlineData("Analysts expect the trend to continue through at least the first two quarters of 1990.", "first two quarters of 1990", "1989-10-26", "1990-H1",
        "the first two quarters are the first half-year")]
    public void Quarters_named_in_the_report_frame_anaphoric_periods(string text, string extent, string reference, string value, string reason)
        => AssertGivenExtentValue(text, extent, reference, value, reason);

    // text, given extent, reference, expected value (null: no value), reason
    [Theory]
    [InlineData("Shares rose Friday. Dealers placed heavy buy orders in the morning.", "the morning", "1989-10-30", "1989-10-27TMO",
        "a part of day hangs on the last narrated day (Friday before the reference)")]
    [InlineData("The index fell on Oct. 12, the day before the plunge.", "the day", "1989-10-30", "1989-10-12",
        "'the day' in apposition to a narrated date is that date")]
    [InlineData("Clinton spoke in the capital. He arrived in Philadelphia later in the day.", "the day", "1998-02-13", "1998-02-13",
        "with no day narrated before it, 'the day' is the reference day")]
    [InlineData("Conversion rights end on Nov. 30. Until then, the stock remains convertible.", "then", "1989-10-30", "1989-11-30",
        "'until then' is the narrated date")]
    [InlineData("Until then, the stock remains convertible.", "then", "1989-10-30", null,
        "'then' with no narrated day before it has nothing to hang on and gets no value")]
    [InlineData("More gunfire in Kosovo. It's the second day of an offensive by the security forces.", "the second day", "1998-03-06", "1998-03-06",
        "'it's the second day of' an operation is the day of speaking")]
    [InlineData("In Saudi Arabia, today is the eighth day of the operation.", "eighth day", "1990-08-15", "1990-08-15",
        "'today is the eighth day': the article may stand outside the extent")]
    [InlineData("The second day of talks ended without a deal.", "The second day", "1998-03-06", null,
        "an ordinal day without 'it is'/'today is' before it counts from an event the extent does not name")]
    [InlineData("Sales in the latest fiscal year were $6 billion.", "the latest fiscal year", "1989-10-26", "1988",
        "the latest fiscal year is the last year that has ended")]
    [InlineData("For the six months ended Aug. 12, Provigo posted net of C$6.5 million, compared with C$18.1 million a year earlier.", "a year earlier", "1989-10-26", "1988-08-12",
        "'a year earlier' in a clause that names the day its period ended is that day a year back")]
    [InlineData("Third-quarter net fell. For the quarter, it earned $3 million, compared with $5 million a year earlier.", "a year earlier", "1989-10-26", "1988-Q3",
        "without an end day in the clause, the report's quarter a year back (unchanged)")]
    [InlineData("Mordechai referred to the resolution in a speech six weeks ago, saying at the time he was willing to withdraw.", "the time", "1998-03-01", "PAST_REF",
        "'at the time' in past narration: a past time already placed")]
    [InlineData("By that time, the troops will have left.", "that time", "1998-03-01", "FUTURE_REF",
        "'by that time' in future narration: a time ahead")]
    public void Anaphoric_definites_in_given_extents_hang_on_the_narration(string text, string extent, string reference, string? value, string reason)
        => AssertGivenExtentValue(text, extent, reference, value, reason);

    /// <summary>Normalises one given extent of the text (its first occurrence) and compares the value (null: none).</summary>
    private static void AssertGivenExtentValue(string text, string extent, string reference, string? value, string reason)
    {
        var doc = Doc(text, reference);
        int at = text.IndexOf(extent, StringComparison.Ordinal);
        var result = TimeTagger.NormalizeExtents(doc, [new TextSpan(at, at + extent.Length)]);
        Assert.True(result[0]?.Value == value, $"{reason}: got {result[0]?.Value ?? "(none)"}");
    }

    [Theory]
    [InlineData("Shares rose Friday. Dealers placed heavy buy orders in the morning.", "morning", "a bare 'the morning' stays untagged in running text (too often no date)")]
    [InlineData("He arrived in Philadelphia later in the day.", "day", "'the day' stays untagged in running text")]
    public void Anaphoric_definites_stay_untagged_in_running_text(string text, string word, string reason)
    {
        var doc = Doc(text, "1989-10-30");
        Assert.True(doc.Times.All(t => !t.Text.Contains(word, StringComparison.OrdinalIgnoreCase)), reason);
    }

    [Theory]
    [InlineData("once upon", "a deictic word with more after it is not read")]
    [InlineData("the week", "a unit is no deictic adverb")]
    [InlineData("earlier this year", "recogniser territory, not this table")]
    [InlineData("then", "'until then' alone is an anaphor to a narrated date, not PAST_REF")]
    public void Other_extents_are_no_deictic_reference(string extent, string reason)
        => Assert.True(TimeTagger.DeicticReference(extent) is null, reason);
}
