using Dragoman.Documents;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

/// <summary>
/// Parties from outside an event's sentence (the carried actor, the previous sentence's and the headline's names): who
/// carried or told the report is not one of them. Run through the whole pipeline (the dateline and credits come from
/// the reader). Invented wording and names.
/// </summary>
public class OutsidePartyTests
{
    private static Document Run(string text) => TestPipeline.ProcessText(text, new DateOnly(2019, 3, 4));

    private static Event Find(Document doc, string trigger, string reason) =>
        doc.Events.Find(e => doc.Slice(e.Trigger).Equals(trigger, StringComparison.OrdinalIgnoreCase))
        ?? throw new Xunit.Sdk.XunitException($"{reason}: no '{trigger}' event in {string.Join(", ", doc.Events.Select(e => doc.Slice(e.Trigger)))}");

    // text, trigger, words the actor must not hold, reason
    [Theory]
    [InlineData("Market blast\n\nEASTVALE, March 3 (Hill Wire) - A bomb exploded at a market in Eastvale on Sunday. Five traders were killed in the blast, a police officer said.",
        "killed", "Wire", "the agency credited in the dateline carried the report; it is no party to the killing")]
    [InlineData("Talks stall\n\nThe Northern Alliance accused the council of blocking the aid convoys on Monday. Lorries waited at the border crossing for a week. Three farmers were killed near Westbury on Tuesday.",
        "killed", "Alliance", "who last spoke (an accusation) is not carried as the actor of a later killing")]
    [InlineData("Market blast\n\nShoppers gather near the ruins of the stalls in Eastvale. (Hill Media/File)\nAt least nine traders were killed in a blast at the market on Sunday, a police officer said.",
        "killed", "Media", "a picture's credit closing the caption line before is no party to the killing")]
    public void Who_carried_or_told_the_report_is_not_the_actor(string text, string trigger, string notActor, string reason)
    {
        var doc = Run(text);
        var ev = Find(doc, trigger, reason);
        Assert.True(ev.Actor is null || !ev.Actor.Text.Contains(notActor, StringComparison.OrdinalIgnoreCase), $"{reason}: actor {ev.Actor?.Text}");
    }

    [Theory]
    [InlineData("Raid on Eastvale\n\nGunmen of the Red Hand Brigade attacked a checkpoint in Eastvale on Monday. Many residents fled to the hills. The Red Hand Brigade then burned two houses.",
        "burned", "Red Hand", "a party named in its own sentence stays the actor")]
    public void A_party_named_with_its_act_stays_the_actor(string text, string trigger, string actor, string reason)
    {
        var doc = Run(text);
        var ev = Find(doc, trigger, reason);
        Assert.True(ev.Actor?.Text.Contains(actor, StringComparison.OrdinalIgnoreCase) == true, $"{reason}: actor {ev.Actor?.Text}");
    }
}
