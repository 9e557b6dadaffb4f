using Dragoman.Tests.Support;
using Dragoman.Geo;

namespace Dragoman.Tests.Geo;

/// <summary>
/// A place name followed by a generic noun the text writes as part of the name ("X port", "X plain", "X 2") is one
/// mention of the whole phrase, placed at the named place (data/gazetteer/name-nouns.txt holds the nouns).
/// </summary>
public class NameNounTests
{
    [Theory]
    [InlineData("Smoke rose over the Qarmoun port on Friday.", "Qarmoun", " port", "a feature noun after the name")]
    [InlineData("Families fled the Tell Sabah plain at night.", "Tell Sabah", " plain", "a landform noun")]
    [InlineData("Fishermen left the Qarmoun harbour, officials said.", "Qarmoun", " harbour", "lower-case noun the text writes as part of the name")]
    [InlineData("Fishermen left the Qarmoun Harbour, officials said.", "Qarmoun", " Harbour", "the same capitalised")]
    [InlineData("Aid reached Dabel camp and its clinic.", "Dabel", " camp", "a camp named after its place")]
    [InlineData("Soldiers burned Kombo 2, then Kombo 3.", "Kombo", " 2", "a numbered part of a settlement")]
    [InlineData("Soldiers burned Kombo 1 and Kombo 3.", "Kombo", " 1", "a numbered part before 'and'")]
    [InlineData("Shells hit the Qarmoun valley of Beit Sayed.", "Qarmoun", "", "'X valley of Y' names Y, not a part of X")]
    [InlineData("Gunmen raided Qarmoun village at night.", "Qarmoun", "", "'village' says what kind of place Qarmoun is: the place stays Qarmoun")]
    [InlineData("Gunmen raided Qarmoun city at night.", "Qarmoun", "", "so does 'city' after a town's name")]
    [InlineData("He spoke at Qarmoun Airport Hotel on Monday.", "Qarmoun", "", "a capitalised word after the noun makes a name of its own")]
    [InlineData("Shells fell on Kombo 3 km from the border.", "Kombo", "", "a number before a unit is a distance, not a part")]
    [InlineData("Clashes in Kombo 2 killed several.", "Kombo", "", "a number before a word is no part's number")]
    [InlineData("Residents of Qarmoun said the market was shut.", "Qarmoun", "", "no noun after the name")]
    [InlineData("Shelling hit Qarmoun 2.5 km away.", "Qarmoun", "", "a decimal is a distance")]
    public void A_name_noun_or_part_number_after_a_name_belongs_to_it(string text, string name, string noun, string reason)
    {
        int at = text.IndexOf(name, StringComparison.Ordinal);
        int end = NameNouns.PhraseEnd(text, at + name.Length);
        Assert.True(noun.Length == 0 ? end < 0 : end == at + name.Length + noun.Length, $"{reason}: end {end}");
    }

    [Theory]
    [InlineData("Beirut port", "Beirut", "a feature noun")]
    [InlineData("Ngarbuh 2", "Ngarbuh", "a part's number")]
    [InlineData("Mosul", null, "one word")]
    [InlineData("Baghdad Gate", null, "a last word that is no name noun")]
    [InlineData("Homs 12", null, "two digits are no part's number")]
    public void The_head_of_a_phrase_is_the_name_before_its_noun(string phrase, string? head, string reason) =>
        Assert.True(NameNouns.Head(phrase) == head, $"{reason}: {NameNouns.Head(phrase)}");

    [SharedTheory]
    [InlineData("Warehouses burned at the Jablah port overnight.", "Jablah port", "Jablah", "a port written after its town is at the town")]
    [InlineData("Farmers left the Manbij plain after the shelling.", "Manbij plain", "Manbij", "a plain named after its town")]
    [InlineData("Militiamen stormed Manbij 2 before dawn.", "Manbij 2", "Manbij", "a numbered part is at the named place")]
    public void A_phrase_with_a_name_noun_is_placed_at_its_head(string text, string mention, string head, string reason)
    {
        var r = GeoFixture.Resolver.Resolve(text, GeoFixture.GivenQueries(text, mention))[0];
        var alone = "They met in " + head + ".";
        var town = GeoFixture.Resolver.Resolve(alone, GeoFixture.GivenQueries(alone, head))[0];
        Assert.True(r is { IsResolved: true } && town is { IsResolved: true }, $"{reason}: not resolved ({r?.Name}, {town?.Name})");
        Assert.True(GeoMath.Km(r!.Lat!.Value, r.Lon!.Value, town!.Lat!.Value, town.Lon!.Value) < 25, $"{reason}: at {r.Name}, not at {town.Name}");
        Assert.Equal(mention, r.Text);
    }
}
