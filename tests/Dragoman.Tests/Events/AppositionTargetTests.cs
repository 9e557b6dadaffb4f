using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

/// <summary>
/// A chosen target whose head says nothing of who ("two people", "their target") takes the apposition that says it
/// (EventsComponent.DescribedInApposition); an apposition that is no noun phrase closed by a comma or the sentence's end
/// leaves the target as it was. Invented wording; each case says why.
/// </summary>
public class AppositionTargetTests
{
    // text, trigger, words the target must hold, words it must not hold ("" for none), reason
    [Theory]
    [InlineData("Militants killed two people, herders from the hill country, near Doru on Monday.", "killed", "herders", "",
        "a bare count followed by an apposition: the apposition says who the two were")]
    [InlineData("Militants killed two people, mostly herders, near Doru on Monday.", "killed", "herders", "",
        "past an adverb opening the apposition")]
    [InlineData("The navy said it fired three missiles that struck their target, a radar station on the coast.", "fired", "radar station", "their target",
        "the role's own word names no party: the apposition after it does")]
    public void The_apposition_names_the_target(string text, string trigger, string target, string notTarget, string reason)
    {
        var got = TargetOf(text, trigger, reason);
        Assert.True(got.Contains(target, StringComparison.OrdinalIgnoreCase), $"{reason}: target {(got.Length == 0 ? "(none)" : got)}");
        if (notTarget.Length > 0) Assert.False(got.Contains(notTarget, StringComparison.OrdinalIgnoreCase), $"{reason}: target {got}");
    }

    // text, trigger, a word the target must not hold, reason
    [Theory]
    [InlineData("Gunmen killed four people, officials in the district said on Friday.", "killed", "officials",
        "a verb after the noun phrase makes it a clause of its own (the speakers), no apposition")]
    [InlineData("Gunmen killed five soldiers, members of a border unit, on Friday.", "killed", "members",
        "a head that says who ('soldiers') keeps its own words")]
    [InlineData("Gunmen killed three people, including a teacher, in the market.", "killed", "teacher",
        "'including' opens no noun phrase: the count stays as it is")]
    public void No_apposition_no_change(string text, string trigger, string notTarget, string reason)
    {
        var got = TargetOf(text, trigger, reason);
        Assert.False(got.Contains(notTarget, StringComparison.OrdinalIgnoreCase), $"{reason}: target {(got.Length == 0 ? "(none)" : got)}");
    }

    private static string TargetOf(string text, string trigger, string reason)
    {
        var doc = TestPipeline.ProcessText(text, new DateOnly(2021, 6, 8));
        var ev = doc.Events.Find(e => doc.Slice(e.Trigger).Equals(trigger, StringComparison.OrdinalIgnoreCase));
        Assert.True(ev is not null, $"{reason}: no '{trigger}' event");
        return ev!.Target?.Text ?? "";
    }
}
