using Dragoman.Tests.Support;
using Dragoman.Geo;

namespace Dragoman.Tests.Geo;

/// <summary>
/// The npm states file puts some divisions in another country (Colombia's Meta at Denver, Afghanistan's Helmand at
/// Baltimore): such a point links no code by nearness, and a state linked to none, lying outside its country, is left
/// out; a point inside its country is kept; two on one shared point (a geocoder's fallback) move to their own places. Places and states written here (GeoNames 19-column rows, country-state-city JSON).
/// </summary>
public class StrayStateTests
{
    private static string Row(int id, string name, double lat, double lon, string fcode, string cc, string a1, int pop) =>
        $"{id}\t{name}\t{name}\t\t{lat}\t{lon}\tP\t{fcode}\t{cc}\t\t{a1}\t\t\t\t{pop}\t\t0\tAmerica/Bogota\t2020-01-01";

    private static readonly string Places = string.Join('\n',
        Row(1, "Villavicencio", 4.1, -73.6, "PPLA", "CO", "11", 500_000),
        Row(2, "Granada", 3.5, -73.7, "PPL", "CO", "11", 60_000),
        Row(3, "Puerto Lopez", 4.1, -72.9, "PPL", "CO", "11", 30_000),
        Row(4, "Medellin", 6.2, -75.6, "PPLA", "CO", "02", 2_500_000),
        Row(5, "Rionegro", 6.1, -75.4, "PPL", "CO", "02", 100_000),
        Row(6, "Turbo", 8.1, -76.7, "PPL", "CO", "02", 120_000),
        Row(7, "Kabul", 34.5, 69.2, "PPLC", "AF", "13", 3_000_000),
        Row(8, "Kandahar", 31.6, 65.7, "PPLA", "AF", "23", 400_000),
        Row(9, "Herat", 34.3, 62.2, "PPLA", "AF", "11", 400_000),
        Row(10, "Riohacha", 11.5, -72.9, "PPLA", "CO", "17", 200_000));

    private const string States = """
        [{"name":"Meta","isoCode":"MET","countryCode":"CO","latitude":"39.77","longitude":"-104.98"},
         {"name":"Antioquia","isoCode":"ANT","countryCode":"CO","latitude":"9.5","longitude":"-75.5"},
         {"name":"Helmand","isoCode":"HEL","countryCode":"AF","latitude":"39.2989","longitude":"-76.6160"},
         {"name":"Kabul","isoCode":"KAB","countryCode":"AF","latitude":"34.5","longitude":"69.1"}]
        """;

    private static Gazetteer Build() => GeoFixture.BuildFromTexts(("cities.txt", Places), ("country-state-city-states.json", States));

    private static int Division(Gazetteer g, string name)
    {
        foreach (var i in g.LookupCanon(NameFolder.Canon(name)))
            if (g.FeatureCodeOf(i) == "ADM1") return i;
        return -1;
    }

    [Theory]
    [InlineData("Antioquia", 9.4, 9.6, -75.6, -75.4, "a point inside its country is kept though it lies 150 km beyond its few towns (North Darfur's towns sit in its settled south)")]
    [InlineData("Kabul", 34.4, 34.6, 69.0, 69.2, "a point inside its country is kept")]
    public void A_division_lies_among_its_places(string name, double latLo, double latHi, double lonLo, double lonHi, string reason)
    {
        var g = Build();
        int c = Division(g, name);
        Assert.True(c >= 0, $"{reason}: no division {name}");
        Assert.True(g.Lats[c] >= latLo && g.Lats[c] <= latHi && g.Lons[c] >= lonLo && g.Lons[c] <= lonHi, $"{reason}: at {g.Lats[c]}, {g.Lons[c]}");
    }

    /// <summary>Two Sudanese states on one source point inside both their boxes (as Central and East Darfur in the npm file).</summary>
    private static readonly string SharedPointPlaces = string.Join('\n',
        Row(11, "Kassala", 15.45, 36.4, "PPLA", "SD", "52", 400_000),
        Row(12, "Aroma", 15.8, 36.1, "PPL", "SD", "52", 50_000),
        Row(13, "Gedaref", 14.03, 35.38, "PPLA", "SD", "39", 350_000),
        Row(14, "Doka", 13.5, 35.8, "PPL", "SD", "39", 20_000));

    private const string SharedPointStates = """
        [{"name":"Kassala","isoCode":"KA","countryCode":"SD","latitude":"14.7","longitude":"35.8"},
         {"name":"Gedaref","isoCode":"GD","countryCode":"SD","latitude":"14.7","longitude":"35.8"}]
        """;

    [Theory]
    [InlineData("Kassala", 15.4, 15.9, 36.0, 36.5, "its point is shared with Gedaref: a fallback, so it takes its own places' centre")]
    [InlineData("Gedaref", 13.5, 14.1, 35.3, 35.9, "the other division on the shared point moves to its own places too")]
    public void Divisions_on_one_shared_point_lie_among_their_own_places(string name, double latLo, double latHi, double lonLo, double lonHi, string reason)
    {
        var g = GeoFixture.BuildFromTexts(("cities.txt", SharedPointPlaces), ("country-state-city-states.json", SharedPointStates));
        int c = Division(g, name);
        Assert.True(c >= 0, $"{reason}: no division {name}");
        Assert.True(g.Lats[c] >= latLo && g.Lats[c] <= latHi && g.Lons[c] >= lonLo && g.Lons[c] <= lonHi, $"{reason}: at {g.Lats[c]}, {g.Lons[c]}");
    }

    [Theory]
    [InlineData("Helmand", "its source point is in Maryland and no Afghan code links it: better no entry than a point 11,000 km away")]
    [InlineData("Meta", "its source point is at Denver: nearness to Colorado links it to no code (it took a wrong code's towns, 300 km off), and no seat bears its name")]
    public void A_division_placed_in_another_country_and_linked_to_no_places_is_left_out(string name, string reason) =>
        Assert.True(Division(Build(), name) < 0, reason);
}

/// <summary>
/// A first-level division or country resolves to a point inside it: near its capital or centre, within 161 km of a
/// sourced coordinate (GeoNames ids named per row). Over the development gazetteer (GeoNames tables in ../shared plus
/// the project's supplement and aliases).
/// </summary>
public class DivisionPointTests
{
    [SharedTheory]
    [InlineData("Fighting spread across Central Darfur state, Sudan.", "Central Darfur", 12.909, 23.471, "capital Zalingei, GeoNames 363533")]
    [InlineData("Fighting spread across East Darfur state, Sudan.", "East Darfur", 11.462, 26.126, "capital Ed Daein, GeoNames 380148")]
    [InlineData("Cartel violence in Michoacán state, Mexico, left five dead.", "Michoacán", 19.701, -101.184, "capital Morelia, GeoNames 3995402; the short name of Michoacán de Ocampo")]
    [InlineData("Rebels advanced in the Democratic Republic of the Congo.", "Democratic Republic of the Congo", -2.5, 23.5, "GeoNames 203312")]
    [InlineData("Two soldiers were killed in Abia, Nigeria, on Tuesday.", "Abia", 5.526, 7.489, "capital Umuahia (cities15000); Abuja is a spelling variant away, the state bears the name itself")]
    [InlineData("Clashes were reported in the departments of Antioquia, Meta and Chocó, Colombia.", "Meta", 4.142, -73.627, "capital Villavicencio, GeoNames 3665900 (supplement; the npm point is at Denver)")]
    public void A_division_or_country_lies_near_its_sourced_point(string text, string name, double lat, double lon, string source)
    {
        var place = GeoFixture.Resolver.Resolve(text, GeoFixture.GivenQueries(text, name)).Single(p => p is not null && p.Text == name)!;
        Assert.True(place.IsResolved, $"{name} unresolved");
        double km = GeoMath.Km(place.Lat!.Value, place.Lon!.Value, lat, lon);
        Assert.True(km <= 161, $"{name} at {place.Lat}, {place.Lon} ({place.Name}, {place.Feature}): {km:0} km from {source}");
    }
}
