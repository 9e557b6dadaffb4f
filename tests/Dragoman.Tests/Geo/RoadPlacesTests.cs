using Dragoman.Documents;
using Dragoman.Geo;

namespace Dragoman.Tests.Geo;

/// <summary>Roads named by the places they join: found in the text, and placed from their resolved ends.</summary>
public class RoadPlacesTests
{
    [Theory]
    [InlineData("an ambush on the Juba-Nimule highway on Thursday", "Juba-Nimule highway|Juba|Nimule", "two names joined by a hyphen before a road noun")]
    [InlineData("children hit on the Ganders–Afrin road", "Ganders–Afrin road|Ganders|Afrin", "an en dash")]
    [InlineData("the Syrian Ganders-Afrin road", "Ganders-Afrin road|Ganders|Afrin", "one word before the hyphen: the adjective is no part of the end")]
    [InlineData("a convoy on the al-Bab-Manbij road", "al-Bab-Manbij road|al-Bab|Manbij", "an end led by an Arabic article")]
    [InlineData("shelling near the Al-Alan road", "", "an Arabic article before a name is no end of a road")]
    [InlineData("on a highway between Tame and La Cabuya in Arauca", "highway between Tame and La Cabuya|Tame|La Cabuya", "'between A and B' after a road noun, an end of two words")]
    [InlineData("on the highway connecting Chilchota and Zamora", "highway connecting Chilchota and Zamora|Chilchota|Zamora", "'connecting'")]
    [InlineData("the road from Aleppo's countryside to Idlib", "", "a possessive ends no name: not a road between two places")]
    [InlineData("fighting between Hezbollah and Israel", "", "'between' without a road noun is no road")]
    [InlineData("the Beirut-based group", "", "a hyphen before another word than a road noun")]
    public void Road_phrases_are_found_with_their_two_ends(string text, string expected, string reason)
    {
        var got = string.Join("||", RoadPlaces.Find(text).Select(r =>
            $"{text[r.Span.Start..r.Span.End]}|{text[r.From.Start..r.From.End]}|{text[r.To.Start..r.To.End]}"));
        Assert.True(got == expected, $"{reason}: {got}");
    }

    private static PlaceResolution? At(double lat, double lon, PlacePrecision precision = PlacePrecision.Exact, string cc = "SS") =>
        new() { Span = new TextSpan(0, 1), Text = "x", GeonameId = $"{lat},{lon}", Lat = lat, Lon = lon, Country = cc, Precision = precision, Confidence = 0.9 };

    public static TheoryData<PlaceResolution?, PlaceResolution?, double?, double?, string> Ends => new()
    {
        { At(4.85, 31.58), At(3.6, 32.06), 4.225, 31.82, "both ends resolved: midway" },
        { At(4.85, 31.58), null, 4.85, 31.58, "one end resolved: the road starts there" },
        { null, null, null, null, "no end resolved: no place" },
        { At(33.5, 36.3), At(37.05, 41.23), null, null, "ends over 400 km apart: a route across a country, not one place" },
        { At(35, 38.5, PlacePrecision.Country, "SY"), At(33, 44, PlacePrecision.Country, "IQ"), null, null, "countries are no road's ends" },
    };

    [Theory]
    [MemberData(nameof(Ends))]
    public void A_road_lies_between_its_resolved_ends(PlaceResolution? from, PlaceResolution? to, double? lat, double? lon, string reason)
    {
        const string text = "the Juba-Nimule highway";
        var road = RoadPlaces.Find(text).Single();
        var place = RoadPlaces.Place(text, road, from, to);
        Assert.True(place?.Lat is var la && (la is null ? lat is null : lat is not null && Math.Abs(la.Value - lat.Value) < 1e-6)
            && (place?.Lon is var lo && (lo is null ? lon is null : lon is not null && Math.Abs(lo.Value - lon.Value) < 1e-6)),
            $"{reason}: {place?.Lat},{place?.Lon}");
        if (place is not null)
            Assert.True(place.Text == "Juba-Nimule highway" && place.Precision == PlacePrecision.Near && place.Relation == "between" && place.IsResolved,
                $"{reason}: the whole phrase is the evidence, precision near ({place.Text}, {place.Precision})");
    }
}
