using Dragoman.Documents;
using Dragoman.Events.Counts;
using Dragoman.Text;
using Dragoman.Text.Syntax;

namespace Dragoman.Tests.Events;

public class CountParserTests
{
    private static CountPhrase? Parse(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var sentence = new Sentence(0, text.Length, 0, tokens.Length);
        var v = new SentenceView(text, tokens, sentence, new Tagger(null).TagSentence(text, tokens, 0, tokens.Length));
        var found = CountParser.Find(v, 0, v.Count);
        return found.Count > 0 ? found[0] : null;
    }

    [Theory]
    [InlineData("more than 30 fighters", 31, null, "ACLED: 'more than N' is at least N+1, no upper bound")]
    [InlineData("over 30 fighters", 31, null, "'over N' is 'more than N'")]
    [InlineData("at least 29 Syrian rebels", 29, null, "'at least N' is N with no upper bound; modifiers between number and noun")]
    [InlineData("about 3,000 fighters", 3000, 3000, "'about N' takes the stated figure; thousands separator")]
    [InlineData("dozens of civilians", 12, null, "ACLED: 'dozens' is 12 at least")]
    [InlineData("hundreds of people", 100, null, "ACLED: 'hundreds' is 100 at least")]
    [InlineData("two dozen soldiers", 24, 24, "number word times dozen")]
    [InlineData("thirty civilians", 30, 30, "number word")]
    [InlineData("twenty-five people", 25, 25, "hyphenated number word")]
    [InlineData("a dozen detainees", 12, 12, "'a dozen'")]
    [InlineData("up to 10 people", 1, 10, "'up to N' bounds above only")]
    [InlineData("tens of civilians", 10, null, "ACLED: 'tens' is 10 at least (articles-gold README)")]
    [InlineData("tens of thousands of people", 10000, null, "'tens of thousands' counts thousands: 10,000 at least")]
    [InlineData("hundreds of thousands of refugees", 100000, null, "'hundreds of thousands' is 100,000 at least")]
    [InlineData("thousands of villagers", 1000, null, "'thousands' alone is 1,000 at least")]
    public void Reads_counts_with_acled_rules(string text, int min, int? max, string reason)
    {
        var c = Parse(text);
        Assert.True(c is not null, reason);
        Assert.Equal(min, c!.Min);
        Assert.Equal(max, c.Max);
    }

    [Theory]
    [InlineData("a number of members", "'a number of' states no figure")]
    [InlineData("several fighters", "'several' states no figure")]
    [InlineData("in 2018 the army", "a year is not a count")]
    [InlineData("six months ago", "a duration is not a count of people")]
    public void States_no_count(string text, string reason) => Assert.True(Parse(text) is null, reason);

    [Theory]
    [InlineData("six civilians", "civilian", "civilians are civilians")]
    [InlineData("three children", "child", "children")]
    [InlineData("two women", "woman", "women")]
    [InlineData("12 soldiers", "combatant", "soldiers are combatants")]
    [InlineData("22 people", null, "'people' does not say who")]
    public void Says_who_was_counted(string text, string? who, string reason)
    {
        var tokens = Tokenizer.Tokenize(text);
        var v = new SentenceView(text, tokens, new Sentence(0, text.Length, 0, tokens.Length), new Tagger(null).TagSentence(text, tokens, 0, tokens.Length));
        var c = CountParser.Find(v, 0, v.Count).Single();
        Assert.True(who == CountParser.Who(v, c), reason);
    }
}
