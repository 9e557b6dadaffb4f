using Dragoman.Documents;
using Dragoman.Events.Coreference;
using Xunit;

namespace Dragoman.Tests.Events;

/// <summary>
/// Which party a joined event shows (EventMerging): the one most of its tellings name, a known party before a bare
/// phrase on ties, a body telling's before a headline's, a place no known party; every telling keeps its own parties
/// with their spans. Invented wording.
/// </summary>
public class JoinedPartyTests
{
    private const string Text =
        "Shelling hits Northvale. Rebels shelled Northvale on Monday, killing four farmers. The farmers were tending fields. "
        + "The Border Guard said the rebel gunners fired on the farmers. Militants also struck the Border Guard post.";

    private static TextSpan At(string s, int from = 0)
    {
        int i = Text.IndexOf(s, from, StringComparison.Ordinal);
        return new TextSpan(i, i + s.Length);
    }

    private static Document Doc()
    {
        var doc = new Document(new Article { Uri = "test", Text = Text, TitleSpan = At("Shelling hits Northvale.") }, new DateOnly(2021, 5, 4));
        doc.Entities.Add(new Entity { Id = "p1", Type = EntityType.GPE, Name = "Northvale" });
        doc.Entities.Add(new Entity { Id = "o1", Type = EntityType.ORG, Name = "Border Guard" });
        return doc;
    }

    /// <summary>One telling: its trigger, sentence, actor and target (null: none), each party with its own span.</summary>
    private static Event Telling(string id, string trigger, string sentence, EventArgument? actor, EventArgument? target)
    {
        var e = new Event { Id = id, Action = "attack", Trigger = At(trigger, At(sentence).Start), Actor = actor, Target = target };
        e.Evidence.Add(At(sentence));
        return e;
    }

    private static EventArgument Party(string text, int from = 0, string? entity = null, string? code = null) => new(text, At(text, from), entity, code);

    private static readonly string Headline = "Shelling hits Northvale.";
    private static readonly string Lede = "Rebels shelled Northvale on Monday, killing four farmers.";
    private static readonly string Quote = "The Border Guard said the rebel gunners fired on the farmers.";

    public static TheoryData<string, Event[], string?, string?> Cases => new()
    {
        {
            "two tellings name the farmers, one names the village: the farmers, though the village is a named entity; the actors tie (\"Rebels\", \"the rebel gunners\" share no word) and the representative's stays",
            [
                Telling("h", "hits", Headline, null, Party("Northvale", entity: "p1")),
                Telling("l", "killing", Lede, Party("Rebels"), Party("four farmers")),
                Telling("q", "fired", Quote, Party("the rebel gunners"), Party("the farmers", At(Quote).Start)),
            ],
            "Rebels", "four farmers"
        },
        {
            "one telling each: a named party (not a place) before a bare phrase; the targets agree and the representative's (the richer quote) stays",
            [
                Telling("l", "killing", Lede, Party("Rebels"), Party("four farmers")),
                Telling("q", "fired", Quote, Party("The Border Guard", entity: "o1"), Party("the farmers", At(Quote).Start)),
            ],
            "The Border Guard", "the farmers"
        },
        {
            "a place is no known party: a tie between the village and the farmers keeps the representative's (the richer telling)",
            [
                Telling("h", "hits", Headline, null, Party("Northvale", entity: "p1")),
                Telling("l", "killing", Lede, Party("Rebels"), Party("four farmers")),
            ],
            "Rebels", "four farmers"
        },
        {
            "a party with an actor code before a bare phrase on a tie, both told in the body",
            [
                Telling("l", "killing", Lede, Party("Rebels"), null),
                Telling("q", "fired", Quote, Party("the rebel gunners", code: "REB"), null),
            ],
            "the rebel gunners", null
        },
        {
            "a headline's party yields to a body telling's own on a tie, though the headline's has an actor code: a headline is terse",
            [
                Telling("l", "killing", Lede, Party("Rebels"), null),
                Telling("h", "hits", Headline, Party("Northvale", entity: "p1", code: "XYZ"), null),
            ],
            "Rebels", null
        },
        {
            "a headline's party that more tellings name still wins: support counts before where a party was told",
            [
                Telling("h", "hits", Headline, Party("Northvale", entity: "p1", code: "XYZ"), null),
                Telling("l", "killing", Lede, Party("Northvale", At(Lede).Start, entity: "p1", code: "XYZ"), null),
                Telling("q", "fired", Quote, Party("the rebel gunners"), null),
            ],
            "Northvale", null
        },
        {
            "a headline's party alone is shown: the penalty only orders parties, it never drops one",
            [
                Telling("h", "hits", Headline, null, Party("Northvale", entity: "p1")),
                Telling("q", "fired", Quote, Party("the rebel gunners"), null),
            ],
            "the rebel gunners", "Northvale"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_joined_event_shows_the_party_most_of_its_tellings_name(string why, Event[] tellings, string? actor, string? target)
    {
        var merged = EventMerging.One(Doc(), tellings);
        Assert.True(merged.Actor?.Text == actor, $"{why}: actor {merged.Actor?.Text ?? "(none)"}");
        Assert.True(merged.Target?.Text == target, $"{why}: target {merged.Target?.Text ?? "(none)"}");
        // the shown party is one telling's own, with that telling's span
        if (merged.Target is { } t)
            Assert.True(tellings.Any(e => e.Target == t), $"{why}: the target keeps its telling's span");
    }

    [Fact]
    public void Every_telling_keeps_its_own_actor_and_target_with_their_spans()
    {
        var tellings = new[]
        {
            Telling("h", "hits", Headline, null, Party("Northvale", entity: "p1")),
            Telling("l", "killing", Lede, Party("Rebels"), Party("four farmers")),
        };
        var merged = EventMerging.One(Doc(), tellings);
        Assert.True(merged.AllTellings.Select(t => (t.Trigger, t.Actor?.Span, t.Target?.Span)).SequenceEqual(
            [(At("hits"), null, At("Northvale")), (At("killing"), At("Rebels"), At("four farmers"))]),
            "each telling's parties stay as its own sentence gave them, in text order");
    }
}
