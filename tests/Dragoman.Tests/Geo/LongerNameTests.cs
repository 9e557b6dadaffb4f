using Dragoman.Documents;
using Dragoman.Geo;
using Dragoman.Tests.Support;
using Dragoman.Text;

namespace Dragoman.Tests.Geo;

/// <summary>
/// A recogniser that cuts a place name short ("San Antonio" | "de Rivas", "Sadr" | "city") leaves a piece of the name
/// after the mention: a particle and a capitalised word, an article-joined word, or a settlement noun
/// (data/gazetteer/name-pieces.txt). The mention is widened over it only when the gazetteer knows the longer name.
/// </summary>
public class LongerNameTests
{
    [Theory]
    [InlineData("Troops entered Villa Nueva del Campo at dawn.", "Villa Nueva", " del Campo", "a Spanish particle and a capitalised word")]
    [InlineData("Rebels held Porto da Areia for a week.", "Porto", " da Areia", "a Portuguese particle")]
    [InlineData("Shells fell on Tell al-Kabir overnight.", "Tell", " al-Kabir", "the Arabic article joined to a capitalised word")]
    [InlineData("A car bomb went off in Qarmoun city on Monday.", "Qarmoun", " city", "a settlement noun the name may carry")]
    [InlineData("Guards patrolled Qarmoun Village all night.", "Qarmoun", " Village", "the same noun capitalised")]
    [InlineData("Talks in Qarmoun de facto stalled.", "Qarmoun", "", "a particle before a lower-case word is no name's piece")]
    [InlineData("Shells fell on Tell al-kabir overnight.", "Tell", "", "an article before a lower-case word is no name's piece")]
    [InlineData("Shells fell on Qarmoun and Tell.", "Qarmoun", "", "a conjunction is no particle")]
    [InlineData("Shells fell on Qarmoun.", "Qarmoun", "", "the sentence ends")]
    public void The_piece_after_a_name_is_found(string text, string name, string piece, string reason)
    {
        int at = text.IndexOf(name, StringComparison.Ordinal);
        int end = GeoComponent.PieceEnd(text, at + name.Length);
        Assert.True(piece.Length == 0 ? end < 0 : end == at + name.Length + piece.Length, $"{reason}: end {end}");
    }

    private static Document Process(string text, string mentions)
    {
        var doc = new Document(new Article { Uri = "test:", Text = text }, null);
        new TextComponent().Process(doc);
        foreach (var q in GeoFixture.GivenQueries(text, mentions.Split('|')))
            doc.Mentions.Add(new Mention { Span = new TextSpan(q.Start, q.End), Type = EntityType.GPE, Text = text[q.Start..q.End], Source = "test" });
        new GeoComponent(GeoFixture.Resolver).Process(doc);
        return doc;
    }

    [SharedTheory]
    [InlineData("Dock workers in Santiago de Cuba walked out on Tuesday.", "Santiago|Cuba", "Santiago de Cuba", "CU",
        "the recogniser split a known name at its particle: one place, the city of the whole name, not Chile's capital and a country")]
    [InlineData("Aid flights landed in Kuwait City on Sunday.", "Kuwait", "Kuwait City", "KW",
        "a settlement noun that is part of a known name: the city, not the country")]
    [InlineData("Dock workers in Santiago de Nadiepueblo walked out on Tuesday.", "Santiago", "Santiago", null,
        "a longer name the gazetteer does not know is not taken: the mention stays as the recogniser read it")]
    public void A_name_cut_short_is_widened_to_the_name_the_gazetteer_knows(string text, string mentions, string place, string? country, string reason)
    {
        var doc = Process(text, mentions);
        Assert.True(doc.Places.Exists(p => p.Text == place), $"{reason}: places {string.Join(", ", doc.Places.Select(p => p.Text))}");
        if (country is not null)
            Assert.True(doc.Places.Single(p => p.Text == place) is { IsResolved: true } p && p.Country == country, $"{reason}: not resolved in {country}");
        // the swallowed mention is gone: one place for the whole name, not the name and its piece
        Assert.Equal(1, doc.Places.Count(p => place.Contains(p.Text, StringComparison.Ordinal)));
    }
}
