using Dragoman.Merge;
using static Dragoman.Tests.Merge.MergeFixtures;

namespace Dragoman.Tests.Merge;

/// <summary>The merge stage's pure core: pair scores, clustering (order independence, analysts' constraints), derived facts.</summary>
public sealed class IncidentMergeTests
{
    private const int Day = 738333; // 2022-06-27

    public static TheoryData<string, MergeReport, MergeReport, bool> Pairs() => new()
    {
        { "same mall, same day, the mall named in both", Report("a:ev1", Kremenchuk, Day, ["amstor"], 18), Report("b:ev1", Kremenchuk, Day, ["amstor"], 20), true },
        { "same place, same day, nothing else shared: place and date together suffice", Report("a:ev1", Kremenchuk, Day, []), Report("b:ev1", Kremenchuk, Day, []), true },
        { "same place a week later: another attack", Report("a:ev1", Kremenchuk, Day, ["amstor"]), Report("b:ev1", Kremenchuk, Day + 7, ["amstor"]), false },
        { "the same hotel a year earlier", Report("a:ev1", Ankara, Day, ["hablod"]), Report("b:ev1", Ankara, Day - 365, ["hablod"]), false },
        { "same day, two cities 400 km apart", Report("a:ev1", Kremenchuk, Day, []), Report("b:ev1", Odesa, Day, []), false },
        { "different countries", Report("a:ev1", Ankara, Day, ["karlov"]), Report("b:ev1", Odesa, Day, ["karlov"]), false },
        { "both undated, same place and a shared name", Report("a:ev1", Ankara, 0, ["karlov"], dated: false), Report("b:ev1", Ankara, 0, ["karlov"], dated: false), true },
        { "one says nobody died, the other 30 dead, nothing else shared", Report("a:ev1", Ankara, Day, [], 0), Report("b:ev1", Ankara, Day, [], 30), false },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void A_pair_is_one_incident_only_when_its_evidence_adds_up(string reason, MergeReport a, MergeReport b, bool together)
    {
        var ab = PairScorer.Score(a, b);
        Assert.Equal(ab.Score, PairScorer.Score(b, a).Score); // symmetric: the order of comparison never matters
        Assert.True(together == ab.Score >= PairScorer.Threshold, $"{reason}: score {ab.Score:0.00} ({string.Join("; ", ab.Reasons)})");
        Assert.NotEmpty(ab.Reasons);
    }

    private const string Battles = "Battles";

    /// <summary>The names and type features a pair fires (the feature vector, whatever the model's weights).</summary>
    public static TheoryData<string, MergeReport, MergeReport, PairFeature[]> NameAndTypeFeatures() => new()
    {
        { "both name someone, nobody in common: evidence of two events", Report("a:ev1", Ankara, Day, ["karlov"]), Report("b:ev1", Ankara, Day, ["anadolu"]),
            [PairFeature.NamesNoneShared, PairFeature.TypeSameAction] },
        { "one report names nobody: silence, not disagreement", Report("a:ev1", Ankara, Day, ["karlov"]), Report("b:ev1", Ankara, Day, []),
            [PairFeature.TypeSameAction] },
        { "one shared name among others: the shared one counts, the others do not count against", Report("a:ev1", Ankara, Day, ["karlov", "mevlut"]),
            Report("b:ev1", Ankara, Day, ["anadolu", "karlov"]), [PairFeature.NamesShared, PairFeature.TypeSameAction] },
        { "other action, same ACLED type", Report("a:ev1", Ankara, Day, [], action: "shooting"), Report("b:ev1", Ankara, Day, []),
            [PairFeature.TypeSameAcledType] },
        { "other action and another ACLED type: a battle against a bombing", Report("a:ev1", Ankara, Day, [], action: "clash") with { AcledType = Battles },
            Report("b:ev1", Ankara, Day, []), [PairFeature.TypeOtherAcledType] },
        { "other action, an ACLED type on one side only: nothing to compare", Report("a:ev1", Ankara, Day, [], action: "clash") with { AcledType = null },
            Report("b:ev1", Ankara, Day, []), [] },
    };

    [Theory]
    [MemberData(nameof(NameAndTypeFeatures))]
    public void Names_and_types_fire_for_agreement_and_for_disagreement_only_when_both_sides_say_something(
        string reason, MergeReport a, MergeReport b, PairFeature[] expected)
    {
        PairFeature[] group = [PairFeature.NamesShared, PairFeature.NamesNoneShared, PairFeature.TypeSameAction, PairFeature.TypeSameAcledType, PairFeature.TypeOtherAcledType];
        var fired = PairScorer.Features(a, b);
        Assert.Equal(fired, PairScorer.Features(b, a)); // symmetric
        Assert.True(expected.Order().SequenceEqual(group.Where(f => fired[(int)f] != 0).Order()),
            $"{reason}: fired {string.Join(", ", group.Where(f => fired[(int)f] != 0))}");
    }

    /// <summary>An invented village and the places around it (one degree of latitude is about 111 km).</summary>
    private static MergeReport Placed(string reference, string name, double lat, string precision, string? division, string country = "NG") =>
        Report(reference, new Place(name, "99" + reference[0], lat, 8.0, country), Day, []) with { Precision = precision, Admin1 = division };

    /// <summary>The place feature a pair fires: two places of different precision agree at the coarser one's precision.</summary>
    public static TheoryData<string, MergeReport, MergeReport, PairFeature> PlaceFeatures() => new()
    {
        { "a village and the province it lies in, 78 km from the province's centre: one place at the province's precision",
            Placed("a:ev1", "Dorvani", 10.0, "exact", "Upper Lanta"), Placed("b:ev1", "Upper Lanta", 10.7, "region", "Upper Lanta"), PairFeature.PlaceSameDivision },
        { "a village and the next province's centre, 89 km away: within the province's tolerance, but another province",
            Placed("a:ev1", "Dorvani", 10.0, "exact", "Upper Lanta"), Placed("b:ev1", "Kessa", 10.8, "region", "Kessa"), PairFeature.PlaceOtherDivision },
        { "two villages 11 km apart on either side of a border: the distance at exact precision says more than the divisions",
            Placed("a:ev1", "Dorvani", 10.0, "exact", "Upper Lanta"), Placed("b:ev1", "Mbeli", 10.1, "exact", "Kessa"), PairFeature.PlaceWithinTight },
        { "a province and its country: a country lies in no one division, the distance within its tolerance decides",
            Placed("a:ev1", "Upper Lanta", 10.7, "region", "Upper Lanta"), Placed("b:ev1", "Nigeria", 9.0, "country", null), PairFeature.PlaceWithinWide },
        { "the division unknown on a side: the distance decides",
            Placed("a:ev1", "Dorvani", 10.0, "exact", null), Placed("b:ev1", "Upper Lanta", 10.7, "region", "Upper Lanta"), PairFeature.PlaceWithinWide },
        { "one division's name in two countries: not one division",
            Placed("a:ev1", "Dorvani", 10.0, "exact", "Upper Lanta"), Placed("b:ev1", "Upper Lanta", 10.7, "region", "Upper Lanta", "NE"), PairFeature.PlaceWithinWide },
        { "the same division 1,100 km apart (a place resolved in the wrong part of it): beyond three tolerances, far",
            Placed("a:ev1", "Dorvani", 10.0, "exact", "Upper Lanta"), Placed("b:ev1", "Upper Lanta", 20.0, "region", "Upper Lanta"), PairFeature.PlaceFar },
    };

    [Theory]
    [MemberData(nameof(PlaceFeatures))]
    public void Places_of_different_precision_agree_at_the_coarser_precision(string reason, MergeReport a, MergeReport b, PairFeature expected)
    {
        var place = Enum.GetValues<PairFeature>().Where(f => PairModel.Key(f).StartsWith("place.", StringComparison.Ordinal)).ToArray();
        var fired = PairScorer.Features(a, b);
        Assert.Equal(fired, PairScorer.Features(b, a)); // symmetric
        var firedPlace = place.Where(f => fired[(int)f] != 0).ToArray();
        Assert.True(firedPlace.SequenceEqual([expected]), $"{reason}: fired {string.Join(", ", firedPlace)}");
    }

    private static readonly MergeReport[] Mixed =
    [
        Report("k1:ev1", Kremenchuk, Day, ["amstor"], 18),
        Report("k2:ev1", Kremenchuk, Day, ["amstor"], 20),
        Report("k3:ev1", Kremenchuk, Day, [], 22),
        Report("o1:ev1", Odesa, Day + 4, ["serhiivka"], 19),
        Report("o2:ev1", Odesa, Day + 4, ["serhiivka"], 21),
        Report("k4:ev1", Kremenchuk, Day + 7, ["other"], 2),
    ];

    private static string Partition(IEnumerable<IncidentGroup> groups) =>
        string.Join(" | ", groups.Select(g => string.Join(",", g.Members.Select(m => m.Ref))));

    [Fact]
    public void Any_input_order_gives_the_same_incidents()
    {
        var expected = Partition(IncidentClusterer.Cluster(Mixed));
        Assert.Equal("k1:ev1,k2:ev1,k3:ev1 | k4:ev1 | o1:ev1,o2:ev1", expected);
        var random = new Random(7);
        for (int i = 0; i < 30; i++)
            Assert.Equal(expected, Partition(IncidentClusterer.Cluster(Mixed.OrderBy(_ => random.Next()))));
    }

    public static TheoryData<string, MergeConstraint[], string> Constraints() => new()
    {
        { "an analyst's merge (every report tied to the first, as the store records it) joins what the scores keep apart",
            [new(MergeConstraintKind.Together, "k1:ev1", "k2:ev1"), new(MergeConstraintKind.Together, "k1:ev1", "k3:ev1"), new(MergeConstraintKind.Together, "k1:ev1", "k4:ev1")],
            "k1:ev1,k2:ev1,k3:ev1,k4:ev1 | o1:ev1,o2:ev1" },
        { "a report tied to one member joins that member's incident, which takes what links well to any member", [new(MergeConstraintKind.Together, "k4:ev1", "k1:ev1")], "k1:ev1,k2:ev1,k3:ev1,k4:ev1 | o1:ev1,o2:ev1" },
        { "an analyst's split keeps a report out of the incident it scores into", [new(MergeConstraintKind.Apart, "k3:ev1", "k1:ev1"), new(MergeConstraintKind.Apart, "k3:ev1", "k2:ev1")], "k1:ev1,k2:ev1 | k3:ev1 | k4:ev1 | o1:ev1,o2:ev1" },
        { "a constraint on a report not in the set changes nothing", [new(MergeConstraintKind.Together, "zz:ev1", "k1:ev1")], "k1:ev1,k2:ev1,k3:ev1 | k4:ev1 | o1:ev1,o2:ev1" },
    };

    [Theory]
    [MemberData(nameof(Constraints))]
    public void Analysts_decisions_win_over_scores(string reason, MergeConstraint[] constraints, string expected) =>
        Assert.True(expected == Partition(IncidentClusterer.Cluster(Mixed, constraints)), reason);

    [Fact]
    public void Conflicting_tolls_are_kept_as_a_range_with_the_conservative_value()
    {
        var facts = IncidentFacts.Derive([(Mixed[0], 1L), (Mixed[1], 2L), (Mixed[2], 3L)]);
        Assert.Equal((18, 22, 18), (facts.KilledMin, facts.KilledMax, facts.Fatalities));
        Assert.Equal((Day, Day), (facts.DayLo, facts.DayHi));
        Assert.Equal(3, facts.Articles);
        Assert.StartsWith("agreed by 3", facts.DateBasis, StringComparison.Ordinal);
    }
}
