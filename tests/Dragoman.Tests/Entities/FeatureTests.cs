using Dragoman.Documents;
using Dragoman.Entities;
using Dragoman.Text;

namespace Dragoman.Tests.Entities;

public class FeatureHashTests
{
    [Theory]
    [InlineData("1996-08-22", "2001-01-01", true, "digits fold to one form")]
    [InlineData("Paris", "PARIS", true, "case folds")]
    [InlineData("regime’s", "regime's", true, "curly and straight apostrophes fold")]
    [InlineData("Paris", "Pariz", false, "different words differ")]
    public void Normalised_word(string a, string b, bool same, string reason) =>
        Assert.True((FeatureHash.Norm(a) == FeatureHash.Norm(b)) == same, reason);

    [Theory]
    [InlineData("Blackburn", "Jo", true, true, "short shape of two title-case words is Xx")]
    [InlineData("Blackburn", "Jo", false, false, "the full shape keeps length")]
    [InlineData("1996-08-22", "2001-01-01", false, true, "the full shape of two ISO dates")]
    [InlineData("ISIS", "Isis", true, false, "all caps differs from title case")]
    public void Word_shape(string a, string b, bool collapse, bool same, string reason) =>
        Assert.True((FeatureHash.Shape(a, collapse) == FeatureHash.Shape(b, collapse)) == same, reason);

    [Theory]
    [InlineData("Syrian", "Iranian", 3, true, true, "shared suffix -ian")]
    [InlineData("Syrian", "Iranian", 4, true, false, "-rian and -nian differ")]
    [InlineData("al-Waleed", "al-Nablusi", 3, false, true, "shared prefix al-")]
    [InlineData("Abu", "Abu", 3, false, false, "no affix feature when the word is not longer than n")]
    public void Affixes(string a, string b, int n, bool suffix, bool same, string reason)
    {
        ulong ha = FeatureHash.Affix(a, n, suffix), hb = FeatureHash.Affix(b, n, suffix);
        Assert.True((ha != 0 && ha == hb) == same, reason);
    }
}

public class GazetteerTests
{
    private static readonly Gazetteer Lists = new(["group", "place"],
        [("Islamic State", 0), ("Khalid bin al-Waleed Army", 0), ("Iran", 1), ("New York", 1), ("York", 1)]);

    private static string Marks(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var hashes = tokens.Select(t => FeatureHash.Norm(text.AsSpan(t.Start, t.End - t.Start))).ToArray();
        var masks = new ulong[tokens.Length];
        Lists.Match(hashes, masks);
        string Mark(ulong m)
        {
            var parts = new List<string>();
            for (int k = 0; k < 2; k++)
                for (int p = 0; p < 4; p++)
                    if ((m & (1UL << (4 * k + p))) != 0) parts.Add("BILU"[p] + "-" + Lists.Kinds[k]);
            return parts.Count == 0 ? "O" : string.Join("+", parts);
        }
        return string.Join(" ", masks.Select(Mark));
    }

    [Theory]
    [InlineData("the Islamic State fighters", "O B-group L-group O", "a two-token name")]
    [InlineData("the khalid bin AL-WALEED army", "O B-group I-group I-group L-group", "matching ignores case")]
    [InlineData("from Iran .", "O U-place O", "a one-token name")]
    [InlineData("in New York today", "O B-place L-place+U-place O", "overlapping names are all marked")]
    [InlineData("Islamic rulings", "O O", "a prefix alone is no match")]
    public void Marks_matches_by_position_and_kind(string text, string expected, string reason) =>
        Assert.True(Marks(text) == expected, $"{reason}: got {Marks(text)}");
}

public class PhoenixNameTests
{
    [Theory]
    [InlineData("ISLAMIC_ARMY_OF_ADEN_(IAA)_", "IAA|ISLAMIC ARMY OF ADEN", "the acronym in brackets becomes its own entry")]
    [InlineData("FREE_SYRIAN_ARMY_", "FREE SYRIAN ARMY", "underscores are spaces, the trailing one goes")]
    [InlineData("DEV_SOL_(KARATAS_FACTION)_", "DEV SOL", "a bracketed note that is not an acronym is dropped")]
    public void Cleans_phoenix_names(string raw, string expected, string reason) =>
        Assert.True(string.Join("|", NameLists.Clean(raw)) == expected, $"{reason}: got {string.Join("|", NameLists.Clean(raw))}");
}

public class TokenFeatureTests
{
    private static readonly NerModel Empty = new(12, new Gazetteer(NameLists.Kinds, []), WordClusters.Empty, null, null);

    private static string Explain(string text, int token)
    {
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        return new NerFeatures().Explain(Empty, text, tokens, sentences)[token];
    }

    [Theory]
    [InlineData("Police in Homs arrested him.", 0, "InitCap, SentInitial, HasLetter", "a sentence-initial capitalised word")]
    [InlineData("Police in Homs arrested him.", 2, "InitCap, HasLetter", "a capitalised word inside a sentence")]
    [InlineData("SOCCER - JAPAN GET LUCKY WIN\n\nJapan won.", 2, "InitCap, AllCaps, Headline, HasLetter", "an all-caps headline")]
    [InlineData("Assad Regime Releases Islamic State Prisoners\n\nThe regime acted.", 1, "InitCap, Headline, HasLetter", "a title-case headline")]
    [InlineData("He paid 3,000 dollars.", 2, "HasDigit", "a number with a separator is not all digits")]
    [InlineData("the al-Waleed Army", 1, "Hyphen, InnerCap, HasLetter", "a hyphenated Arabic article before a capital")]
    public void Flags(string text, int token, string flags, string reason)
    {
        var got = Explain(text, token).Split('|')[0];
        Assert.True(got == flags, $"{reason}: got {got}");
    }

    [Theory]
    [InlineData("Regime forces left.\n\nThe regime said the Regime would stay.", 0, "title=1 lower=1", "the word capitalised and lowercase elsewhere (sentence starts do not count)")]
    [InlineData("Kanhoush spoke.\n\nLater Kanhoush left.", 0, "title=1 lower=0", "a name capitalised in mid-sentence elsewhere")]
    public void Document_case_counts(string text, int token, string counts, string reason)
    {
        var got = Explain(text, token).Split('|')[1];
        Assert.True(got == counts, $"{reason}: got {got}");
    }

    [Fact]
    public void Every_token_gets_static_features_within_bounds()
    {
        const string text = "Youssef al-Nablusi, known as Abu al-Baraa, led ISIS in the Yarmouk basin.";
        var tokens = Tokenizer.Tokenize(text);
        var explained = new NerFeatures().Explain(NerComponent.BundledModel, text, tokens, SentenceSplitter.Split(text, tokens));
        Assert.All(explained, e => Assert.InRange(int.Parse(e.Split("static=")[1]), 20, NerFeatures.MaxStatic));
    }
}
