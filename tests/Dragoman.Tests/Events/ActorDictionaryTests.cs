using Dragoman.Documents;
using Dragoman.Events.Petrarch;
using Dragoman.Text;
using Dragoman.Text.Syntax;

namespace Dragoman.Tests.Events;

public class ActorDictionaryTests
{
    private const string Actors = """
        <!-- a comment -->
        ARNOR_  [ARN]
        DAGOLATH  [DAG]
        +TELEMAR
        ZAIRE  [COD]
        	[ZBW >20130101]
        NEW_ZEALAND [NZE]
        """;

    private const string Agents = """
        !PERSON! = MAN, WOMAN
        PRIME_MINISTER [~GOV]
        CONGRESS!PERSON! [~LEG]
        """;

    [Theory]
    [InlineData("Arnor restored ties.", 19950101, "ARN", "exact name with trailing underscore")]
    [InlineData("Telemar left.", 19950101, "DAG", "a '+' synonym shares the entry's code")]
    [InlineData("New Zealand protested.", 19950101, "NZE", "multi-word name")]
    [InlineData("Zaire protested.", 19950101, "COD", "first code before the dated one")]
    [InlineData("The prime minister left.", 19950101, "GOV", "agent code without the ~")]
    [InlineData("The congresswoman left.", 19950101, "LEG", "!PERSON! substitution")]
    [InlineData("Dagolathi troops left.", 19950101, "DAG", "a word without '_' also matches as a stem")]
    public void Finds_actor_codes(string text, int date, string code, string reason)
    {
        var d = ActorDictionary.Parse(Actors, Agents);
        var tokens = Tokenizer.Tokenize(text);
        var v = new SentenceView(text, tokens, new Sentence(0, text.Length, 0, tokens.Length), new Tagger(null).TagSentence(text, tokens, 0, tokens.Length));
        var found = d.Find(v, date);
        Assert.True(found.Count > 0 && found[0].Code == code, reason);
    }
}
