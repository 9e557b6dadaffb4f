using Dragoman.Documents;
using Dragoman.Time;
using static Dragoman.Tests.Time.TimeTestSupport;

namespace Dragoman.Tests.Time;

public class EventTimeResolverTests
{
    [Theory]
    [InlineData("Militants attacked a checkpoint on Tuesday. The ministry reported the incident on 4 February.", "attacked", "Tuesday", "same sentence wins over an article's other date")]
    [InlineData("The group, which was founded in 2014, attacked the base last week.", "attacked", "last week", "a date inside a relative clause does not govern the main verb")]
    [InlineData("He was held for three years and released on Friday.", "released", "Friday", "a bare duration is never the event time")]
    [InlineData("Over the last two weeks, the branch has released a number of members.", "released", "the last two weeks", "an anchored period governs")]
    public void Chooses_the_governing_expression(string text, string trigger, string expected, string reason)
    {
        var doc = Doc(text, "2019-02-10");
        int at = text.IndexOf(trigger, StringComparison.Ordinal);
        var t = EventTimeResolver.Resolve(doc, new TextSpan(at, at + trigger.Length));
        Assert.True(!t.Inherited && t.Text == expected, $"{reason}: got {t}");
    }

    [Theory]
    [InlineData("Militants attacked a checkpoint near the border.", "2019-02-10", "2019-02-03", "2019-02-10", "no expression: inherits the week before publication")]
    [InlineData("Militants attacked a checkpoint. The war began in 2011.", "2019-02-10", "2019-02-03", "2019-02-10", "a date in another sentence does not govern")]
    [InlineData("Fighters were held for about a month before they attacked.", "2019-02-10", "2019-02-03", "2019-02-10", "only a duration in the sentence: inherited")]
    public void Falls_back_to_inherited_publication_time(string text, string reference, string start, string end, string reason)
    {
        var doc = Doc(text, reference);
        int at = text.IndexOf("attacked", StringComparison.Ordinal);
        var t = EventTimeResolver.Resolve(doc, new TextSpan(at, at + 8));
        Assert.True(t.Inherited && t.Precision == TimePrecision.Week && t.Start?.ToString("yyyy-MM-dd") == start && t.End?.ToString("yyyy-MM-dd") == end, $"{reason}: got {t}");
    }

    [Fact]
    public void Inherited_time_without_reference_is_relative()
    {
        var doc = Doc("Militants attacked a checkpoint.", null);
        var t = EventTimeResolver.Resolve(doc, new TextSpan(10, 18));
        Assert.True(t.Inherited && t.Start is null && t.Relative == "-P7D/P0D", $"unknown reference keeps the inherited time relative: {t}");
    }

    [Theory]
    [InlineData(TimePrecision.Day, 1, "a day is ACLED 1")]
    [InlineData(TimePrecision.Week, 2, "a week is ACLED 2")]
    [InlineData(TimePrecision.Month, 3, "a month is ACLED 3")]
    [InlineData(TimePrecision.Season, 3, "coarser than a month is ACLED 3")]
    [InlineData(TimePrecision.Unknown, 3, "unknown is ACLED's coarsest")]
    public void Maps_precision_to_acled(TimePrecision p, int acled, string reason)
        => Assert.True(TimePrecisions.ToAcled(p) == acled, reason);
}
