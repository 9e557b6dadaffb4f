using Dragoman.Documents;
using Dragoman.Events.Roles;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

/// <summary>
/// Issue 12, item 3 (roles from the clause structure): what a preposition of place or direction governs is never the
/// actor, nor is a party the sentence names among its victims when it is offered from the sentence before; a noun's
/// "by" agent stands past its "of" object.
/// </summary>
public class PlaceAndVictimActorTests
{
    private static IReadOnlyList<RoleCandidate> Candidates(string text, string trigger, RoleKind role) =>
        RoleRankerTests.Decisions(text).Find(x => text[x.Event.Trigger.Start..x.Event.Trigger.End] == trigger && x.Decision.Role == role).Decision?
            .Candidates.Where(x => !x.IsNone).ToList()
        ?? throw new InvalidOperationException($"no {role} decision for '{trigger}' in: {text}");

    // text, trigger, a phrase that must not be an actor candidate, reason
    [Theory]
    [InlineData("Several missiles were fired toward the air base near Beta on Tuesday.", "fired", "the air base",
        "the object of a direction preposition is where the act was aimed, not who did it")]
    [InlineData("A bomb exploded at a crowded bus station in Gamma on Monday, killing twelve people.", "killing", "a crowded bus station",
        "the object of a place preposition says where")]
    [InlineData("Two soldiers were killed in a Vandarian drone strike on the bridge on Friday.", "killed", "the bridge",
        "'on' governs what the strike hit")]
    [InlineData("The militia fired rockets at Russian positions near the river on Sunday.", "fired", "Russian",
        "a name inside what the act was aimed at ('at Russian positions') is the target's, not the actor's")]
    [InlineData("Nine fishermen were killed on the shores of Lake Delta on Friday.", "killed", "Lake Delta",
        "the 'of' phrase of a place preposition's object is still where")]
    public void What_a_place_preposition_governs_is_never_an_actor_candidate(string text, string trigger, string phrase, string reason)
    {
        var texts = Candidates(text, trigger, RoleKind.Actor).Select(x => x.Argument!.Text).ToList();
        Assert.True(!texts.Contains(phrase), $"{reason}: '{phrase}' is among {string.Join(" | ", texts)}");
    }

    // text, trigger, a phrase that must stay an actor candidate, reason
    [Theory]
    [InlineData("Fighters from the Northern Front attacked the village on Monday.", "attacked", "the Northern Front",
        "'from' names where doers come from: the group stays a candidate")]
    [InlineData("Gunmen attacked a checkpoint in the town on Monday.", "attacked", "Gunmen",
        "the subject before the verb is untouched")]
    [InlineData("Two soldiers were killed in a Vandarian drone strike near the bridge on Friday.", "killed", "Vandarian",
        "'in' governs the means here, and the party named with the means is the doer")]
    public void Doers_outside_place_prepositions_stay_candidates(string text, string trigger, string phrase, string reason)
    {
        var texts = Candidates(text, trigger, RoleKind.Actor).Select(x => x.Argument!.Text).ToList();
        Assert.True(texts.Contains(phrase), $"{reason}: '{phrase}' is not among {string.Join(" | ", texts)}");
    }

    [Fact]
    public void A_party_named_among_the_sentence_s_victims_is_not_offered_as_actor_from_the_sentence_before()
    {
        // the Eastern Guard is named before, then counted among the dead: the sentence before offers it, its victims rule it out
        const string text = "The Eastern Guard patrolled the district of Alpha on Sunday. Four members of the Eastern Guard died on Monday when gunmen attacked the market.";
        var candidates = Candidates(text, "attacked", RoleKind.Actor);
        var outside = candidates.Where(x => x.Chunk.IsEmpty).Select(x => x.Argument!.Text).ToList();
        Assert.True(!outside.Exists(t => t.Contains("Eastern Guard", StringComparison.Ordinal)), $"offered from outside: {string.Join(" | ", outside)}");
    }

    private static Document Run(string text) => TestPipeline.ProcessText(text, new DateOnly(2019, 3, 4));

    // text, trigger, words the actor holds, reason
    [Theory]
    [InlineData("Students marched on Friday over the killing of a farmer by armed robbers near the town.", "killing", "robbers",
        "an event noun's 'by' agent stands after its 'of' object")]
    public void The_actor_comes_from_the_clause_past_the_noun_s_object(string text, string trigger, string actor, string reason)
    {
        var doc = Run(text);
        var ev = doc.Events.Find(e => doc.Slice(e.Trigger).Equals(trigger, StringComparison.OrdinalIgnoreCase));
        Assert.True(ev is not null, $"{reason}: no '{trigger}' event in {string.Join(", ", doc.Events.Select(e => doc.Slice(e.Trigger)))}");
        Assert.True(ev!.Actor?.Text.Contains(actor, StringComparison.OrdinalIgnoreCase) == true, $"{reason}: actor {ev.Actor?.Text ?? "(none)"}");
    }
}
