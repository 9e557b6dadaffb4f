using Dragoman.Actors;

namespace Dragoman.Tests.Actors;

/// <summary>Dictionary phrases and text tokens fold to one form whatever the spelling's accents and transliteration.</summary>
public sealed class NameFoldingTests
{
    [Theory]
    [InlineData("Moïse Katumbi", "moise katumbi", "a diaeresis: the dictionary writes MOISE")]
    [InlineData("Erdoğan", "erdogan", "a Turkish breve (Latin Extended-A)")]
    [InlineData("Ḥamā", "hama", "scholarly transliteration's dot below and macron (Latin Extended Additional)")]
    [InlineData("ÉMILE", "emile", "an accented capital")]
    [InlineData("Straße", "strase", "sharp s reads as s (then the doubled letter collapses)")]
    [InlineData("al-Waleed", "al waled", "the hyphen-attached article read as al, the doubled vowel as one")]
    [InlineData("Youssef", "yusef", "ou reads as u, doubled letters as one")]
    public void A_phrase_folds_to_its_plain_form(string phrase, string folded, string reason) =>
        Assert.True(folded == NameFolding.FoldPhrase(phrase), $"{reason}: got '{NameFolding.FoldPhrase(phrase)}'");
}
