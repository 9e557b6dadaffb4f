using Dragoman.Documents;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Geo;

/// <summary>The seed article: its places resolve by the general mechanisms (gazetteer, supplement, variants, typo, context).</summary>
public class SeedGeoTests
{
    private static readonly Lazy<List<PlaceResolution>> Places = new(() => PlaceResolverTests.Geoparse(File.ReadAllText(Paths.Seed)));

    [SharedTheory]
    [InlineData("Daraa", "SY", "P", "Daraa the city, where the text says sources in Daraa and north of Daraa")]
    [InlineData("Jabab", "SY", "P", "the town of Jabab, from the curated supplement")]
    [InlineData("Yarmouk basin", "SY", "L", "the Yarmouk basin")]
    [InlineData("Yamouk basin", "SY", "L", "the misspelled Yamouk basin")]
    [InlineData("Golan Heights", "SY", "T", "the Golan Heights")]
    [InlineData("Hemeimeem", "SY", "S", "the Hemeimeem base, Hmeimim")]
    public void Seed_places_resolve_with_a_precision(string mention, string country, string featureClass, string reason)
    {
        var p = Places.Value.Find(x => x.Text.Contains(mention, StringComparison.Ordinal) && x.IsResolved);
        Assert.True(p is not null, $"{reason}: not found among {string.Join("; ", Places.Value.Select(x => x.Text))}");
        Assert.True(p!.Country == country && p.Feature!.StartsWith(featureClass, StringComparison.Ordinal),
            $"{reason}: got {p.Name} {p.Country} {p.Feature}");
        Assert.True(Enum.IsDefined(p.Precision), reason);
    }

    [SharedFact]
    public void Nothing_in_the_Daraa_area_resolves_to_Jordan()
    {
        var jordan = Places.Value.Where(p => p.IsResolved && p.Country == "JO").Select(p => p.Text).ToList();
        Assert.True(jordan.Count == 0, "resolved in Jordan: " + string.Join(", ", jordan));
    }

    [SharedFact]
    public void North_of_Daraa_keeps_Daraa_as_anchor_with_precision_2()
    {
        var p = Places.Value.Find(x => x.Text == "Daraa" && x.Relation == "north of");
        Assert.True(p is { IsResolved: true, Precision: PlacePrecision.Near }, "north of Daraa: " + p?.Precision);
    }
}
