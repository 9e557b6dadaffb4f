using Dragoman.Documents;
using Dragoman.Events;
using Dragoman.Events.Roles;
using Dragoman.Text;
using Dragoman.Text.Syntax;

namespace Dragoman.Tests.Events;

/// <summary>
/// Role candidates from the clause structure (models/roles/README.md): phrases cut where a coder cuts them, coordinated
/// clauses kept apart from coordinated phrases, and the structural constraints on the actor (the article's sources).
/// </summary>
public class RoleCandidateSpanTests
{
    private static SentenceView View(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        return new SentenceView(text, tokens, new Sentence(0, text.Length, 0, tokens.Length), new Tagger(null).TagSentence(text, tokens, 0, tokens.Length));
    }

    private static int TokenAt(SentenceView v, string word)
    {
        for (int k = 0; k < v.Count; k++) if (v.Is(k, word)) return k;
        throw new ArgumentException($"no token '{word}'");
    }

    // sentence, verb, its object, reason
    [Theory]
    [InlineData("Soldiers took the men to a prison, and the families of some of them were not told.", "took", "the men",
        "the phrase after ', and' is the subject of a clause of its own (a verb follows it), not a second object")]
    [InlineData("Gunmen attacked the mosque and the families were evacuated.", "attacked", "the mosque", "a conjunct that an auxiliary follows opens a clause")]
    [InlineData("Rebels attacked Alpha and Beta on Monday.", "attacked", "Alpha and Beta", "a coordination of two names stays one object")]
    [InlineData("Rebels attacked the town and the camp, killing five.", "attacked", "the town and the camp", "an -ing participle after the conjunct goes with the clause before")]
    public void An_object_coordination_stops_where_a_clause_begins(string text, string verb, string expected, string why)
    {
        var v = View(text);
        Assert.True(expected == v.TextOf(v.Object(TokenAt(v, verb))), $"{why}: got '{v.TextOf(v.Object(TokenAt(v, verb)))}'");
    }

    // phrase (the whole sentence is the phrase's context), the cuts expected, reason
    [Theory]
    [InlineData("a prison in the capital", "a prison", "a trailing place phrase is cut: the party is the prison")]
    [InlineData("the men who fled", "the men", "a relative clause is cut")]
    [InlineData("the Network, a monitoring group", "the Network", "an apposition is cut")]
    [InlineData("the rebels and the army", "the rebels|the army", "a coordination gives each conjunct")]
    [InlineData("three fighters", "", "a phrase with no seam has no cut")]
    public void A_phrase_is_cut_at_its_first_seam(string phrase, string cuts, string why)
    {
        var v = View(phrase);
        var got = string.Join("|", CandidateSpans.Trimmed(v, new Chunk(0, v.Count)).Select(v.TextOf));
        Assert.True(cuts == got, $"{why}: got '{got}'");
    }

    // sentence, the phrase, whether it is an apposition, reason
    [Theory]
    [InlineData("The Network, a monitoring group, recorded the deaths.", "a monitoring group", true, "a phrase between commas right after a noun phrase")]
    [InlineData("The Network recorded the deaths, a monitoring group said.", "a monitoring group", false, "a verb follows: the phrase is a clause's subject")]
    public void An_apposition_is_the_phrase_after_a_noun_phrase_and_a_comma(string text, string phrase, bool expected, string why)
    {
        var v = View(text);
        var words = phrase.Split(' ');
        int start = TokenAt(v, words[^1]) - (words.Length - 1);
        Assert.True(expected == CandidateSpans.IsApposition(v, new Chunk(start, start + words.Length)), why);
    }

    private static RoleDecision Decision(string text, string trigger, RoleKind role) =>
        RoleRankerTests.Decisions(text).Find(x => text[x.Event.Trigger.Start..x.Event.Trigger.End] == trigger && x.Decision.Role == role).Decision
        ?? throw new InvalidOperationException($"no {role} decision for '{trigger}'");

    private static IEnumerable<string> Texts(RoleDecision d) => d.Candidates.Where(x => !x.IsNone).Select(x => x.Argument!.Text);

    // text, trigger, role, candidate, feature, reason
    [Theory]
    [InlineData("Troops shelled Alpha, Beta and Gamma on Monday.", "shelled", "Target", "Alpha, Beta and Gamma", "holds_comma",
        "a phrase over a comma is marked: it names more than one party (its first name is a candidate of its own)")]
    [InlineData("Troops shelled the village of Alpha and the camp on Monday.", "shelled", "Target", "the village of Alpha and the camp", "holds_coordination",
        "a phrase over a coordination is marked: it names more than one party")]
    [InlineData("Rebels attacked a checkpoint in Alpha province on Monday.", "attacked", "Target", "Alpha province", "locative_place",
        "a place after 'in' is marked as the scene of the event")]
    public void Candidates_carry_their_clause_structure(string text, string trigger, string role, string candidate, string feature, string why)
    {
        var d = Decision(text, trigger, Enum.Parse<RoleKind>(role));
        var c = d.Candidates.FirstOrDefault(x => !x.IsNone && x.Argument!.Text == candidate);
        Assert.True(c is not null, $"{why}: no candidate '{candidate}' among {string.Join(" | ", Texts(d))}");
        Assert.True(c!.Features.ContainsKey(feature), $"{why}: '{candidate}' has {string.Join(", ", c.Features.Keys)}");
    }

    // text, trigger, a phrase that must not be an actor candidate, a phrase that must stay one, reason
    [Theory]
    [InlineData("Militants attacked a checkpoint in Alpha on Monday, the Beta News agency reported.", "attacked", "the Beta News agency", "Militants",
        "the source that reports the event is not its actor: it is not the subject of the event's clause")]
    [InlineData("The army said it killed five militants near Alpha.", "killed", "", "The army",
        "a source that is the rules' actor of its own reported act ('said it killed') stays a candidate")]
    public void A_source_of_the_article_is_an_actor_only_as_the_subject_of_the_event_clause(string text, string trigger, string vetoed, string kept, string why)
    {
        var d = Decision(text, trigger, RoleKind.Actor);
        var texts = Texts(d).ToList();
        if (vetoed.Length > 0) Assert.True(!texts.Contains(vetoed), $"{why}: '{vetoed}' is among {string.Join(" | ", texts)}");
        Assert.True(texts.Contains(kept), $"{why}: '{kept}' is not among {string.Join(" | ", texts)}");
    }
}
