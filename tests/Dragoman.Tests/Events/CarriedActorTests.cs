using Dragoman.Documents;
using Dragoman.Events;
using Dragoman.Tests.Support;
using Dragoman.Text;
using Dragoman.Text.Syntax;

namespace Dragoman.Tests.Events;

/// <summary>
/// Which earlier party a later clause's pronoun or unnamed subject may stand for (EventsComponent.CanCarry) and whom a
/// reported clause's subject pronoun names (ClauseRoles.SpeakerForPronoun). Invented wording; each case says why.
/// </summary>
public class CarriedActorTests
{
    // text, trigger, words the actor must hold, words it must not hold, reason
    [Theory]
    [InlineData("The district prosecutors said in a statement they had detained a driver over the fire.", "detained", "prosecutors", "statement",
        "a subject pronoun of the clause a speech verb reports stands for the speaker, also past a prepositional adjunct after the verb")]
    [InlineData("The Kalu Front said on Monday that it had shelled the depot.", "shelled", "Kalu Front", "Monday",
        "past a time adjunct and 'that' the pronoun is still the speaker")]
    [InlineData("The Kalu Front said in a video on its channel it had shelled the depot.", "shelled", "Kalu Front", "channel",
        "two adjuncts after the cue are passed over too")]
    public void A_reported_pronoun_stands_for_the_speaker(string text, string trigger, string actor, string notActor, string reason)
    {
        var doc = TestPipeline.ProcessText(text, new DateOnly(2021, 6, 8));
        var ev = doc.Events.Find(e => doc.Slice(e.Trigger).Equals(trigger, StringComparison.OrdinalIgnoreCase));
        Assert.True(ev is not null, $"{reason}: no '{trigger}' event");
        var got = ev!.Actor?.Text ?? "";
        Assert.True(got.Contains(actor, StringComparison.OrdinalIgnoreCase) && !got.Contains(notActor, StringComparison.OrdinalIgnoreCase),
            $"{reason}: actor {(got.Length == 0 ? "(none)" : got)}");
    }

    // sentence, the actor phrase, the phrase the recogniser found in it, its entity type, whether the actor may be carried, reason
    [Theory]
    [InlineData("Blood flowed in the square.", "Blood", "Blood", EntityType.MISC, false, "a phrase the recogniser types as a work, title or event name (MISC) is no agent")]
    [InlineData("Harbour Road burned all night.", "Harbour Road", "Harbour Road", EntityType.FAC, false, "a facility cannot act")]
    [InlineData("The Kalu Front shelled the depot.", "The Kalu Front", "Kalu Front", EntityType.ORG, true, "an organisation can act")]
    [InlineData("Ruben Ortal ordered the raid.", "Ruben Ortal", "Ruben Ortal", EntityType.PERSON, true, "a person can act")]
    [InlineData("Norland shelled the depot.", "Norland", "Norland", EntityType.GPE, true, "a state can act")]
    [InlineData("Gunmen from Harbour Road shelled the depot.", "Gunmen from Harbour Road", "Harbour Road", EntityType.FAC, true,
        "a place in a modifier after the head says where the party is from, not what it is")]
    [InlineData("Gunmen shelled the depot.", "Gunmen", "", EntityType.MISC, true, "a phrase with no entity in it is not judged")]
    public void Only_a_party_that_can_act_is_carried(string sentence, string phrase, string named, EntityType type, bool carried, string reason)
    {
        var tokens = Tokenizer.Tokenize(sentence);
        var v = new SentenceView(sentence, tokens, new Sentence(0, sentence.Length, 0, tokens.Length), new Tagger(null).TagSentence(sentence, tokens, 0, tokens.Length));
        var doc = new Document(new Article { Uri = "test", Text = sentence }, new DateOnly(2021, 6, 8));
        if (named.Length > 0)
        {
            int at = sentence.IndexOf(named, StringComparison.Ordinal);
            doc.Entities.Add(new Entity { Id = "x1", Type = type, Name = named });
            doc.Mentions.Add(new Mention { Span = new TextSpan(at, at + named.Length), Type = type, Text = named, Source = "test", EntityId = "x1" });
        }
        int words = Tokenizer.Tokenize(phrase).Length;
        int start = sentence.IndexOf(phrase, StringComparison.Ordinal) == 0 ? 0 : throw new ArgumentException("the phrase opens the sentence", nameof(phrase));
        Assert.True(carried == EventsComponent.CanCarry(doc, v, new Chunk(start, start + words)), reason);
    }
}
