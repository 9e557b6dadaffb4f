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
    public void Co_reports_of_one_article_vote_once_in_a_groups_average()
    {
        // Article a1 gives three reports of one strike (its co-reports) that link well to each other and to c1's; b1 names
        // the mall a1 never names and links to a1's reports weakly, to c1's well. Averaged over report pairs a1 outvotes c1
        // three to one; averaged over article pairs each article votes once.
        MergeReport A(string id) => Report("a1:" + id, Kremenchuk, Day, ["kryukiv"]);
        MergeReport[] reports = [A("ev1"), A("ev2"), A("ev3"), Report("b1:ev1", Kremenchuk, Day, ["amstor"]), Report("c1:ev1", Kremenchuk, Day, ["amstor", "kryukiv"])];
        double weak = PairScorer.Value(reports[0], reports[3]), strong = PairScorer.Value(reports[0], reports[4]);
        Assert.True(weak < strong && PairScorer.Value(reports[3], reports[4]) == strong, "the fixture's premise: b1 links to a1 weakly, to c1 as a1 does");
        double byReports = (3 * weak + strong) / 4, byArticles = (weak + strong) / 2;
        double threshold = (byReports + byArticles) / 2;
        Assert.Equal("a1:ev1,a1:ev2,a1:ev3,b1:ev1,c1:ev1", Partition(IncidentClusterer.Cluster(reports, threshold: threshold)));
    }

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
