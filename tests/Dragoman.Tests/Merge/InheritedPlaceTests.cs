using Dragoman.Merge;
using static Dragoman.Tests.Merge.MergeFixtures;

namespace Dragoman.Tests.Merge;

/// <summary>
/// A place inherited from the article's focus (the sentence names none) is the article's guess: far from the other report's
/// place it counts as its country only, where two places the sentences name stay far apart.
/// </summary>
public sealed class InheritedPlaceTests
{
    /// <summary>The second report lies the given km north of the first (an exact place); an inherited place reads as a region
    /// (150 km), so near reaches 450 km and 600 km is beyond it.</summary>
    public static TheoryData<string, double, bool, string?, PairFeature> Cases() => new()
    {
        { "named places 600 km apart stay far apart", 600, false, null, PairFeature.PlaceFar },
        { "an inherited place 600 km away in the same country is country evidence", 600, true, null, PairFeature.PlaceSameCountryOnly },
        { "an inherited place 600 km away in another country is another country", 600, true, "BY", PairFeature.PlaceOtherCountry },
        { "an inherited place within three tolerances is still near", 300, true, null, PairFeature.PlaceNear },
        { "an inherited place 1 km away is within its tolerance", 1, true, null, PairFeature.PlaceWithinWide },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_place_feature_of_a_pair(string reason, double km, bool inherited, string? country, PairFeature expected)
    {
        var a = Report("a:ev1", Kremenchuk, 738333, ["amstor"]);
        var b = a with
        {
            Ref = "b:ev1", Lat = a.Lat + km / 111.195, GeonameId = null, PlaceInherited = inherited, Precision = "region",
            Country = country ?? a.Country,
        };
        var x = PairScorer.Features(a, b);
        var fired = Enum.GetValues<PairFeature>().Where(f => f.ToString().StartsWith("Place", StringComparison.Ordinal) && x[(int)f] != 0);
        Assert.True(fired.SequenceEqual([expected]), $"{reason}: {string.Join(", ", fired)}");
        // Symmetric: the inherited side may be either one.
        Assert.Equal(PairScorer.Value(a, b), PairScorer.Value(b, a));
    }
}
