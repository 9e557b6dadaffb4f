using Dragoman.Evaluation;
using Dragoman.Events.Coreference;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Evaluation;

/// <summary>The `eval articles --errors` listing of shown events outside gold sentences and why coreference kept them apart (<see cref="OutsideEvents"/>).</summary>
public class OutsideEventsTests
{
    public static TheoryData<OutsideEvents.Partner[], double?, string, string> KindCases => new()
    {
        { [], 0.35, "no-partner", "no gold-matched event of its type is shown: noise, not a missed retelling" },
        { [new(0, "place")], 0.35, "veto-place", "the only partner is ruled out by a place conflict" },
        { [new(0, "date"), new(0, "place")], 0.35, "veto-date", "every partner vetoed: the first one's reason" },
        { [new(0, "place"), new(0.20, null)], 0.35, "below", "a partner that is not vetoed decides, and it is under the threshold" },
        { [new(0.10, null), new(0.40, null)], 0.35, "above", "the best partner reaches the threshold: the clusters' average link kept them apart" },
        { [new(0.35, null)], 0.35, "above", "the threshold itself joins, as in the clustering" },
        { [new(0.90, null)], null, "no-model", "without a coreference model there is no probability to judge" },
    };

    [Theory]
    [MemberData(nameof(KindCases))]
    public void The_kind_says_why_an_outside_event_stands_apart(OutsideEvents.Partner[] partners, double? threshold, string kind, string why) =>
        Assert.True(OutsideEvents.Kind(partners, threshold) == kind, $"{why}: got {OutsideEvents.Kind(partners, threshold)}");

    public static TheoryData<EventMention, EventMention, string, string> PartyCases => new()
    {
        { new(2, "ASSAULT") { Actor = new("Smoke", null) }, new(6, "ASSAULT") { Actor = new("the river militia", "e4") }, "; actors 'Smoke' / 'the river militia' (e4)", "a misread phrase against a named group: both shown, the known one with its entity" },
        { new(2, "ASSAULT") { Actor = new("hill rebels", null) }, new(6, "ASSAULT") { Actor = new("the rebels", null) }, "", "shared words are the same party: nothing to show" },
        { new(2, "ASSAULT") { Actor = new("gunmen", null) }, new(6, "ASSAULT"), "", "one telling names no actor: no disagreement" },
    };

    [Theory]
    [MemberData(nameof(PartyCases))]
    public void Disagreeing_actors_are_shown_in_their_own_words(EventMention a, EventMention b, string shown, string why) =>
        Assert.True(OutsideEvents.Parties(a, b) == shown, $"{why}: got {OutsideEvents.Parties(a, b)}");

    // a made-up report: a shelling, a later sentence that tells an attack again, and an unrelated arrest; gold codes
    // only the shelling, by its sentence
    private const string Report = "Rebels shell market town, four dead\n\nRebels shelled the market in the town of Kassala on Monday, killing four people, police said. "
        + "Residents said the rebels attacked the market again in the evening. Separately, police arrested 20 students at a protest in Khartoum on Tuesday.\n";

    [Theory]
    [InlineData("COERCE", "no-partner", "the arrest has no gold event of its type: plain noise")]
    [InlineData("ASSAULT", "below|above|veto-place|veto-date", "the later attack is listed with the gold-matched shelling as its partner")]
    public void Outside_events_are_listed_with_their_nearest_gold_matched_partner(string type, string kinds, string why)
    {
        var doc = TestPipeline.ProcessText(Report, new DateOnly(2024, 3, 6));
        var gold = new GoldArticle("xx-01", null, new DateOnly(2024, 3, 6), [], [], [], [new GoldEvent("rebels", "shelled", "ASSAULT", "people", null, null, null, null, "reported",
            "Rebels shelled the market in the town of Kassala on Monday, killing four people, police said.")]);
        var view = ArticleEvaluation.View(doc, "xx-01", Dragoman.Actors.ActorResources.Load());
        var rows = OutsideEvents.List(gold, doc, doc.Events, view, CoreferenceModel.LoadBundled().Value).ToList();
        var listed = rows.Where(r => r.System.Contains($": {type} ", StringComparison.Ordinal)).ToList();
        Assert.True(listed.Count > 0 && listed.All(r => kinds.Split('|').Contains(r.System[..r.System.IndexOf(':')])),
            $"{why}: {string.Join(" / ", rows.Select(r => r.System))}");
        Assert.True(rows.All(r => !r.Evidence.Contains("killing four people", StringComparison.Ordinal)), $"an event shown by the gold sentence is never outside: {string.Join(" / ", rows.Select(r => r.Evidence))}");
    }
}
