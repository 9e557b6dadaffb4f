using Dragoman.Merge;
using static Dragoman.Tests.Merge.MergeFixtures;

namespace Dragoman.Tests.Merge;

/// <summary>
/// How two groups of reports link (<see cref="IncidentClusterer"/>): one vote per pair of articles, each vote the best
/// matches of the two articles' reports (each report's best score against the other article's reports, averaged), the
/// group link the mean of the votes. Invented reports: places, days and names written for these tests.
/// </summary>
public sealed class GroupLinkTests
{
    private const int Day = 738333;

    /// <summary>An invented town in Nigeria.</summary>
    private static readonly Place Tarvo = new("Tarvo", "9990101", 9.00, 7.00, "NG");

    private static string Partition(IEnumerable<IncidentGroup> groups) =>
        string.Join(" | ", groups.Select(g => string.Join(",", g.Members.Select(m => m.Ref))));

    /// <summary>
    /// Article a1 tells one bombing twice: the bombing itself (ev1) and the clash that followed (ev2, another action and
    /// ACLED type); both name the market and its street, so they group first. Article b1 tells the bombing once, naming
    /// the market. b1's report meets a1's bombing well and a1's clash weakly.
    /// </summary>
    private static MergeReport[] OneArticleTwoKinds() =>
    [
        Report("a1:ev1", Kremenchuk, Day, ["amstor", "kryukiv"]),
        Report("a1:ev2", Kremenchuk, Day, ["amstor", "kryukiv"], action: "clash") with { AcledType = "Battles" },
        Report("b1:ev1", Kremenchuk, Day, ["amstor"]),
    ];

    /// <summary>Where the threshold lies against the two ways of voting: between them, or above the best-match vote.</summary>
    public enum Cut { BetweenMeanAndBestMatch, BetweenBestMatchAndBestPair }

    public static TheoryData<string, Cut, string> Votes() => new()
    {
        { "the bombing meets the bombing: a1's clash report does not outvote its bombing report (the mean of all pairs would)",
            Cut.BetweenMeanAndBestMatch, "a1:ev1,a1:ev2,b1:ev1" },
        { "the vote is not the best pair alone: a1's weak clash report still counts, so a cut above the vote keeps them apart",
            Cut.BetweenBestMatchAndBestPair, "a1:ev1,a1:ev2 | b1:ev1" },
    };

    [Theory]
    [MemberData(nameof(Votes))]
    public void An_article_pair_votes_with_the_best_matches_of_its_reports(string reason, Cut cut, string expected)
    {
        var r = OneArticleTwoKinds();
        double bomb = PairScorer.Value(r[0], r[2]), clash = PairScorer.Value(r[1], r[2]), inside = PairScorer.Value(r[0], r[1]);
        Assert.True(inside > bomb && bomb > clash, $"the fixture's premise: a1's reports group first ({inside:0.00}), b1 meets the bombing ({bomb:0.00}) better than the clash ({clash:0.00})");
        double mean = (bomb + clash) / 2;
        double bestMatch = (mean + bomb) / 2; // a1's side: each report's best against b1; b1's side: its best against a1
        double threshold = cut == Cut.BetweenMeanAndBestMatch ? (mean + bestMatch) / 2 : (bestMatch + bomb) / 2;
        Assert.True(expected == Partition(IncidentClusterer.Cluster(r, threshold: threshold)), reason);
        Assert.True(expected == Partition(IncidentClusterer.Cluster(r.Reverse(), threshold: threshold)), reason + " (reversed input)");
    }

    /// <summary>
    /// Hard negatives: two attacks of one country a day apart. Four articles tell a prison attack at Tarvo (they share the
    /// prison's name); one article of a convoy ambush, its place only the country, shares two name words with one of the
    /// four (the same officials named in both) and none with the others.
    /// </summary>
    private static MergeReport[] PrisonAndAmbush(int prisonReportsPerArticle)
    {
        var list = new List<MergeReport>();
        for (int a = 1; a <= 4; a++)
            for (int e = 1; e <= prisonReportsPerArticle; e++)
                list.Add(Report($"p{a}:ev{e}", Tarvo, Day, a == 4 ? ["kuvo", "dorin", "zamfa"] : ["kuvo"], action: e == 1 ? "bombing" : "attack"));
        list.Add(Report("b1:ev1", Tarvo, Day + 1, ["dorin", "zamfa"], action: "ambush") with
        {
            Lat = null, Lon = null, PlaceName = null, Precision = null, GeonameId = null, PlaceInherited = true,
        });
        return [.. list];
    }

    public static TheoryData<string, int> HardNegatives() => new()
    {
        { "one report per article: the ambush links to one prison article, not to the group of four", 1 },
        { "two reports per prison article: best matches raise the prison articles' votes among themselves, not the ambush's", 2 },
    };

    [Theory]
    [MemberData(nameof(HardNegatives))]
    public void An_attack_that_links_to_one_article_of_another_incident_stays_apart_from_its_group(string reason, int perArticle)
    {
        var r = PrisonAndAmbush(perArticle);
        var ambush = r[^1];
        double best = r.Max(p => p == ambush ? double.NegativeInfinity : PairScorer.Value(p, ambush));
        Assert.True(best >= PairScorer.Threshold, $"the fixture's premise: the ambush links to the fourth prison article ({best:0.00})");
        var groups = Partition(IncidentClusterer.Cluster(r));
        string prison = string.Join(",", r.Take(r.Length - 1).Select(p => p.Ref).Order(StringComparer.Ordinal));
        Assert.True(groups == "b1:ev1 | " + prison, $"{reason}: {groups}");
    }
}
