using Dragoman.Events.Roles;

namespace Dragoman.Tests.Events;

/// <summary>
/// Issue 12, item 3: what a preposition of place or direction governs (directly, or as the "of" phrase of its object)
/// carries the role ranker's place_prep features, a learned preference rather than a veto; phrases outside such a
/// preposition do not.
/// </summary>
public class PlacePrepositionFeatureTests
{
    // the phrase's features as a candidate of either role (each role drops some phrases: an active clause's adjunct before the verb is no target)
    private static (IReadOnlyDictionary<string, double>? Features, string All) FeaturesOf(string text, string trigger, string phrase)
    {
        var candidates = RoleRankerTests.Decisions(text).Where(x => text[x.Event.Trigger.Start..x.Event.Trigger.End] == trigger)
            .SelectMany(x => x.Decision.Candidates).Where(x => !x.IsNone && !x.Chunk.IsEmpty).ToList();
        return (candidates.FirstOrDefault(x => x.Argument!.Text == phrase)?.Features, string.Join(" | ", candidates.Select(x => x.Argument!.Text).Distinct()));
    }

    // text, trigger, candidate phrase, expected place_prep, expected place_prep|of, reason
    [Theory]
    [InlineData("Several missiles were fired toward the air base near Beta on Tuesday.", "fired", "the air base", true, false,
        "'toward' governs where the act was aimed")]
    [InlineData("A bomb exploded at a crowded bus station in Gamma on Monday, killing twelve people.", "killing", "a crowded bus station", true, false,
        "'at' governs where the act happened")]
    [InlineData("Nine fishermen were killed on the shores of Lake Delta on Friday.", "killed", "the shores of Lake Delta", true, false,
        "'on' governs the whole place phrase")]
    [InlineData("Fighters from the Northern Front attacked the village on Monday.", "attacked", "the Northern Front", false, false,
        "'from' often governs the doers, so it is not in the list")]
    [InlineData("Two soldiers were killed in a Vandarian drone strike on Friday.", "killed", "Vandarian", false, false,
        "'in' also governs the means that names the doer ('in' is not in the list, and the party stands inside the means' phrase)")]
    [InlineData("Gunmen attacked a checkpoint outside the town on Monday.", "attacked", "a checkpoint", false, false,
        "the verb's own object is governed by no preposition")]
    public void A_place_preposition_s_phrase_carries_the_feature(string text, string trigger, string phrase, bool placePrep, bool viaOf, string reason)
    {
        var (features, all) = FeaturesOf(text, trigger, phrase);
        Assert.True(features is not null, $"{reason}: '{phrase}' is no candidate of '{trigger}' among {all}");
        Assert.True(features!.ContainsKey("place_prep") == placePrep, $"{reason}: place_prep {(placePrep ? "missing" : "present")} in {string.Join(" ", features.Keys)}");
        Assert.True(features.ContainsKey("place_prep|of") == viaOf, $"{reason}: place_prep|of {(viaOf ? "missing" : "present")}");
    }
}
