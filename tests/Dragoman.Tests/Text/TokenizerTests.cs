using Dragoman.Text;

namespace Dragoman.Tests.Text;

public class TokenizerTests
{
    [Theory]
    [InlineData("the Khalid bin al-Waleed Army", "the|Khalid|bin|al-Waleed|Army", "hyphenated Arabic article stays with its noun")]
    [InlineData("about 3,000 fighters", "about|3,000|fighters", "thousands separator inside a number")]
    [InlineData("the regime’s grip", "the|regime|’s|grip", "curly possessive split off")]
    [InlineData("Dar'a province", "Dar'a|province", "inner apostrophe of a transliteration kept")]
    [InlineData("U.S. forces left.", "U.S.|forces|left|.", "dotted abbreviation kept whole")]
    [InlineData("(ISIS),", "(|ISIS|)|,", "brackets and comma are tokens")]
    [InlineData("درعا البلد", "درعا|البلد", "Arabic script words")]
    public void Splits_words_numbers_and_punctuation(string text, string expected, string reason)
    {
        var tokens = Tokenizer.Tokenize(text);
        Assert.True(string.Join("|", tokens.Select(t => text[t.Start..t.End])) == expected, reason);
    }
}

public class SentenceSplitterTests
{
    [Theory]
    [InlineData("He left. She stayed.", 2, "two plain sentences")]
    [InlineData("Gen. Smith arrived in Homs. Talks began.", 2, "title abbreviation is not a boundary")]
    [InlineData("George W. Bush spoke.", 1, "an initial is not a boundary")]
    [InlineData("Title line\n\nBody starts here. And goes on.", 3, "a paragraph break always ends a sentence")]
    [InlineData("He said: \"It is over.\" Then he left.", 2, "closing quote stays with its sentence")]
    [InlineData("The U.S. Army withdrew.", 1, "dotted abbreviation inside a sentence")]
    public void Splits_sentences(string text, int count, string reason)
    {
        var sentences = SentenceSplitter.Split(text, Tokenizer.Tokenize(text));
        Assert.True(sentences.Length == count, $"{reason}: got {sentences.Length}: {string.Join(" || ", sentences.Select(s => text[s.Start..s.End]))}");
    }
}
