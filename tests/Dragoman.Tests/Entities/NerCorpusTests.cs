using Dragoman.Entities;

namespace Dragoman.Tests.Entities;

public class NerCorpusTests
{
    private static string Spans(NerDocument d) =>
        string.Join(" | ", Enumerable.Range(0, d.Sentences.Length).SelectMany(s => d.GoldSpans(s).Select(t =>
            $"{NerLabels.Classes[t.Class]}:{d.Text[d.Tokens[d.Sentences[s].FirstToken + t.Start].Start..d.Tokens[d.Sentences[s].FirstToken + t.End - 1].End]}")));

    [Theory]
    [InlineData("EU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\n", "ORG:EU | MISC:German", "IOB2 four-column CoNLL")]
    [InlineData("Peter NNP B-NP I-PER\nBlackburn NNP I-NP I-PER\nsaid VBD B-VP O\n", "PER:Peter Blackburn", "IOB1: I- after O opens a span")]
    [InlineData("New B-LOC\nYork I-LOC\nTimes I-ORG\n", "LOC:New York | ORG:Times", "a type change closes the open span")]
    [InlineData("a O\nB-LOC B-LOC\nC B-LOC\n", "LOC:B-LOC | LOC:C", "two adjacent B- tags are two entities")]
    [InlineData("Syrian\tB-Nationality\nrebels\tB-Organisation\nin\tO\nDaraa\tB-Location\n", "MISC:Syrian | ORG:rebels | LOC:Daraa", "re3d classes map to CoNLL classes")]
    [InlineData("Monday\tB-Temporal\nthree\tB-Quantity\n", "", "re3d types outside the four classes are dropped")]
    [InlineData("Apple\tB-corporation\niPhone\tB-product\nDrake\tB-person\n", "ORG:Apple | MISC:iPhone | PER:Drake", "WNUT-17 types map to CoNLL classes")]
    public void Reads_conll_tags(string text, string expected, string reason)
    {
        var docs = NerCorpus.ReadConll(new StringReader(text), "t");
        Assert.True(docs.IsOk, docs.Error);
        Assert.True(Spans(docs.Value!.Single()) == expected, $"{reason}: got {Spans(docs.Value!.Single())}");
    }

    [Theory]
    [InlineData("-DOCSTART- -X- O O\n\nA B-PER\n\n-DOCSTART- -X- O O\n\nB B-PER\n\nC O\n", 2, "-DOCSTART- separates documents")]
    [InlineData("HEADLINE O\n\nLONDON B-LOC\n1996-08-22 O\n\nText O\n\nOTHER O\n\nPARIS B-LOC\n1996-08-23 O\n\nMore O\n", 2, "without -DOCSTART-, a dateline starts a document at the headline before it")]
    [InlineData("One O\n\nTwo O\n\nThree O\n", 1, "no boundaries at all: one document")]
    public void Splits_documents(string text, int count, string reason)
    {
        var docs = NerCorpus.ReadConll(new StringReader(text), "t");
        Assert.True(docs.IsOk, docs.Error);
        Assert.True(docs.Value!.Count == count, $"{reason}: got {docs.Value.Count}");
    }

    [Theory]
    [InlineData("word\n", "expected a token and a tag", "a line with one column")]
    [InlineData("word X-PER\n", "is not an IOB tag", "a tag that is not IOB")]
    [InlineData("\n\n", "no sentences", "an empty file")]
    public void Rejects_malformed_conll(string text, string error, string reason)
    {
        var docs = NerCorpus.ReadConll(new StringReader(text), "t");
        Assert.False(docs.IsOk, reason);
        Assert.True(docs.Error!.Contains(error), $"{reason}: {docs.Error}");
    }

    [Theory]
    [InlineData("Sentence #,Word,POS,Tag\nSentence: 1,Iraqi,JJ,B-gpe\n,troops,NNS,O\n,in,IN,O\n,Baghdad,NNP,B-geo\n,on,IN,O\n,Monday,NNP,B-tim\n", "MISC:Iraqi | LOC:Baghdad", "GMB gpe (demonyms) to MISC, geo to LOC, tim dropped")]
    [InlineData("Sentence #,Word,POS,Tag\nSentence: 1,\"1,000\",CD,O\n,people,NNS,O\n,from,IN,O\n,Human,NNP,B-org\n,Rights,NNP,I-org\n,Watch,NNP,I-org\n", "ORG:Human Rights Watch", "a quoted word holding a comma")]
    public void Reads_gmb_csv(string text, string expected, string reason)
    {
        var docs = NerCorpus.ReadGmb(new StringReader(text), "t");
        Assert.True(docs.IsOk, docs.Error);
        Assert.True(Spans(docs.Value!.Single()) == expected, $"{reason}: got {Spans(docs.Value!.Single())}");
    }

    [Theory]
    [InlineData("the\tB-Organisation\nUnited\tI-Organisation\nStates\tI-Organisation\n", "ORG:United States", "a leading determiner is not part of the name")]
    [InlineData("She\tB-Person\nleft\tO\n", "", "a pronoun is not a name")]
    [InlineData("the\tB-Organisation\nrebels\tI-Organisation\n", "", "a nominal mention with no capitalised word is not a name")]
    public void Re3d_is_reduced_to_names(string text, string expected, string reason)
    {
        var docs = NerCorpus.ReadConll(new StringReader(text), "t", NerCorpus.NamesOnly);
        Assert.True(docs.IsOk, docs.Error);
        Assert.True(Spans(docs.Value!.Single()) == expected, $"{reason}: got {Spans(docs.Value!.Single())}");
    }
}
