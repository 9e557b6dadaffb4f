using Dragoman.Geo;

namespace Dragoman.Tests.Geo;

/// <summary>
/// GeoNames lists every administrative seat, and gives some of them no population (0). The resolver's prior reads such
/// a seat as a typical seat of its rank (the median population of the gazetteer's seats of that code), not as an empty
/// place, so a district seat in the story's country is not beaten by a populated namesake abroad one spelling away; a
/// place that is no seat keeps its 0. Invented sentences; the places' coordinates and codes are GeoNames facts (Al
/// Qāmishlī's row has population 0 there); the other populations are set here to give the seats a median.
/// </summary>
public class SeatPopulationTests
{
    private static string Row(int id, string name, string alternates, double lat, double lon, string fcode, string cc, string a1, int pop) =>
        $"{id}\t{name}\t{name}\t{alternates}\t{lat}\t{lon}\tP\t{fcode}\t{cc}\t\t{a1}\t\t\t\t{pop}\t\t0\tAsia/Damascus\t2020-01-01";

    private static readonly string Places = string.Join('\n',
        Row(1, "Al Qamishli", "Qamishli", 37.05, 41.23, "PPLA2", "SY", "01", 0),
        Row(2, "Al Hasakah", "Hasakah,Hasakeh", 36.50, 40.75, "PPLA", "SY", "01", 188_160),
        Row(3, "Manbij", "", 36.53, 37.95, "PPLA2", "SY", "09", 99_497),
        Row(4, "Al Malikiyah", "Dayrik", 37.18, 42.14, "PPLA2", "SY", "01", 26_311),
        Row(5, "Ras al Ayn", "", 36.85, 40.07, "PPLA2", "SY", "01", 29_347),
        Row(6, "Tall Tamr", "", 36.65, 40.37, "PPL", "SY", "01", 0),
        Row(7, "Cimislia", "", 46.52, 28.78, "PPLA", "MD", "60", 12_464),
        Row(8, "Aleppo", "", 36.20, 37.16, "PPLA", "SY", "09", 1_602_264),
        Row(9, "Erbil", "", 36.19, 44.01, "PPLA", "IQ", "11", 932_800));

    private const string Countries = """[{"cca2":"SY","latlng":[35,38],"name":{"common":"Syria"}},{"cca2":"MD","latlng":[47,29],"name":{"common":"Moldova"}},{"cca2":"IQ","latlng":[33,44],"name":{"common":"Iraq"}},{"cca2":"TR","latlng":[39,35],"name":{"common":"Turkey"}}]""";

    private static readonly Lazy<PlaceResolver> Resolver = new(() =>
    {
        var g = GeoFixture.BuildFromTexts(("cities.txt", Places), ("world-countries.json", Countries));
        var d = Demonyms.Load(GazetteerInstaller.DemonymsPath(GeoFixture.DataDir));
        Assert.True(d.IsOk, d.Error);
        return new PlaceResolver(g, d.Value!);
    });

    private static int Entry(string name)
    {
        var g = Resolver.Value.Gazetteer;
        foreach (var i in g.LookupCanon(NameFolder.Canon(name)))
            if (g.FeatureClassOf(i) == 'P') return i;
        return -1;
    }

    [Theory]
    [InlineData("Al Qamishli", 29_347, "a district seat (PPLA2) without a population reads as the median of the district seats that have one (26k, 29k, 99k)")]
    [InlineData("Manbij", 99_497, "a seat with a population keeps its own")]
    [InlineData("Tall Tamr", 0, "a place that is no seat keeps 0: nothing says it is more than a village")]
    [InlineData("Cimislia", 12_464, "a provincial seat keeps its own population")]
    public void The_prior_reads_a_seats_missing_population_as_a_typical_seats(string name, int expected, string reason)
    {
        int c = Entry(name);
        Assert.True(c >= 0, $"{reason}: no entry {name}");
        Assert.Equal(expected, Resolver.Value.PriorPopulation(c));
    }

    [Theory]
    [InlineData("A drone struck a car near Qamishlo in Syria, a monitor in Erbil, Iraq, said; Turkey did not comment.", "Qamishlo|Syria|Erbil|Iraq|Turkey", "Qamishlo", "SY",
        "a story over three countries gives Syria a third of the focus: with 0 people, the Syrian seat lost to a town of 12k in Moldova (and that far choice was then left as text)")]
    [InlineData("A drone struck a car near Qamishlo on Friday, and two more died in Hasakah.", "Qamishlo|Hasakah", "Qamishlo", "SY",
        "beside a Syrian city the seat wins as before")]
    public void A_seat_without_a_population_in_the_storys_country_wins_over_a_namesake_abroad(string text, string mentions, string mention, string country, string reason)
    {
        var names = mentions.Split('|');
        var p = Resolver.Value.Resolve(text, GeoFixture.GivenQueries(text, names))[Array.IndexOf(names, mention)];
        string got = p is null ? "nothing" : p.IsResolved ? $"{p.Name} in {p.Country}" : $"text, candidates {string.Join(", ", p.Candidates)}";
        Assert.True(p is { IsResolved: true } && p.Country == country, $"{reason}: got {got}");
    }
}
