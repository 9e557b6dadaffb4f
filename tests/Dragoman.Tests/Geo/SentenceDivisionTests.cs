using Dragoman.Geo;

namespace Dragoman.Tests.Geo;

/// <summary>
/// A first-level division the sentence names as one ("in the Donetsk region", "Donetsk Oblast", "the Kramatorsk
/// countryside") holds that sentence's other places: a homonym inside it wins over a larger one elsewhere, and a small
/// place far outside it, with nothing else of the article near, stays text rather than resolving to a namesake across
/// the country. Invented villages and sentences; GeoNames' codes and the oblasts' names are facts.
/// </summary>
public class SentenceDivisionTests
{
    private static string Row(int id, string name, double lat, double lon, string fcode, string a1, int pop) =>
        $"{id}\t{name}\t{name}\t\t{lat}\t{lon}\tP\t{fcode}\tUA\t\t{a1}\t\t\t\t{pop}\t\t0\tEurope/Kyiv\t2020-01-01";

    /// <summary>Donetsk oblast (UA.05) in the east; Khmelnytskyi oblast (UA.09) about 700 km west of it.</summary>
    private static readonly string Places = string.Join('\n',
        Row(1, "Kramatorsk", 48.72, 37.56, "PPLA2", "05", 150_000),
        Row(2, "Toretsk", 48.40, 37.85, "PPL", "05", 30_000),
        Row(3, "Novoselivka", 48.55, 37.70, "PPL", "05", 900),
        Row(4, "Kurakhove", 47.98, 37.28, "PPL", "05", 18_000),
        Row(5, "Siversk", 48.87, 38.10, "PPL", "05", 11_000),
        Row(6, "Khmelnytskyi", 49.42, 26.99, "PPLA", "09", 270_000),
        Row(7, "Vasylivka", 49.30, 27.10, "PPL", "09", 900),
        Row(8, "Novoselivka", 49.60, 26.60, "PPL", "09", 2_500),
        Row(9, "Starokostiantyniv", 49.76, 27.20, "PPL", "09", 35_000),
        Row(10, "Horodok", 49.17, 26.58, "PPL", "09", 16_000),
        Row(11, "Polonne", 50.12, 27.52, "PPL", "09", 20_000));

    private const string Countries = """[{"cca2":"UA","latlng":[49,32],"name":{"common":"Ukraine"}}]""";
    private const string Admin1 = """[{"code":"UA.05","name":"Donetsk"},{"code":"UA.09","name":"Khmelnytskyi"}]""";

    private static readonly Lazy<PlaceResolver> Resolver = new(() =>
    {
        var g = GeoFixture.BuildFromTexts(("cities.txt", Places), ("world-countries.json", Countries), ("geonames-admin1.json", Admin1));
        var d = Demonyms.Load(GazetteerInstaller.DemonymsPath(GeoFixture.DataDir));
        Assert.True(d.IsOk, d.Error);
        return new PlaceResolver(g, d.Value!);
    });

    [Theory]
    [InlineData("Shelling hit Vasylivka and Toretsk in the Donetsk region overnight, the governor said.", "Vasylivka|Toretsk|Donetsk", "Vasylivka", null,
        "a village 700 km outside the division its sentence names, with no other place of the article near it, stays text")]
    [InlineData("Drones struck Vasylivka and Siversk in Donetsk Oblast on Monday.", "Vasylivka|Siversk|Donetsk Oblast", "Vasylivka", null,
        "the same with the division noun inside the mention")]
    [InlineData("Troops shelled Vasylivka in the Kramatorsk countryside, residents said.", "Vasylivka|Kramatorsk", "Vasylivka", null,
        "a town's countryside names the town's division")]
    [InlineData("Shelling hit Novoselivka and Toretsk in the Donetsk region overnight, the governor said.", "Novoselivka|Toretsk|Donetsk", "Novoselivka", "05",
        "of two homonyms, the one inside the named division wins over the larger one elsewhere")]
    [InlineData("Shelling hit Khmelnytskyi and Toretsk in the Donetsk region overnight, the governor said.", "Khmelnytskyi|Toretsk|Donetsk", "Khmelnytskyi", "09",
        "a city of 100k stands on its own name outside the division")]
    [InlineData("Shelling hit Vasylivka and Horodok overnight. Toretsk in the Donetsk region was calm.", "Vasylivka|Horodok|Toretsk|Donetsk", "Vasylivka", "09",
        "a division named in another sentence does not constrain this one")]
    [InlineData("Shelling hit Vasylivka and Horodok in the Donetsk region overnight, the governor said.", "Vasylivka|Horodok|Donetsk", "Vasylivka", "09",
        "an exact name outside the division with another choice of the article within 80 km stands")]
    public void The_division_a_sentence_names_holds_its_places(string text, string mentions, string mention, string? admin1, string reason)
    {
        var names = mentions.Split('|');
        var g = Resolver.Value;
        var p = g.Resolve(text, GeoFixture.GivenQueries(text, names))[Array.IndexOf(names, mention)];
        string got = p is null ? "nothing" : p.IsResolved ? $"{p.Name} ({p.Lat}, {p.Lon}) in {p.Admin1}" : $"text, candidates {string.Join(", ", p.Candidates)}";
        if (admin1 is null)
            Assert.True(p is { IsResolved: false } && p.Candidates.Count > 0, $"{reason}: got {got}");
        else
            Assert.True(p is { IsResolved: true } && (admin1 == "05" ? p.Lon > 36 : p.Lon < 30), $"{reason}: got {got}");
    }
}
