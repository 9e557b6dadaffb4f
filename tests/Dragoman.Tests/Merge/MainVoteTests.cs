using Dragoman.Merge;
using Dragoman.Storage;
using static Dragoman.Tests.Merge.MergeFixtures;

namespace Dragoman.Tests.Merge;

/// <summary>
/// An article's main report (<see cref="MergeReports.ArticleMainOf"/>: the salience model's most confident report,
/// political violence first) and its vote in the clusterer's group link: where both articles of a pair have theirs in
/// the groups compared, placed by their own sentences, the pair votes with the two main reports' best matches.
/// Invented reports and events: places, days and names written for these tests.
/// </summary>
public sealed class MainVoteTests
{
    private const int Day = 738333;

    private static string Partition(IEnumerable<IncidentGroup> groups) =>
        string.Join(" | ", groups.Select(g => string.Join(",", g.Members.Select(m => m.Ref))));

    /// <summary>
    /// Article a1 tells a bombing (ev1) and the clash that followed (ev2); both name the market and its street, so they
    /// group first. Article b1 tells the bombing once, naming the market: it meets a1's bombing well, a1's clash weakly.
    /// </summary>
    private static MergeReport[] BombingAndClash(string? mainOfA1, bool b1Main, bool b1Inherited) =>
    [
        Report("a1:ev1", Kremenchuk, Day, ["amstor", "kryukiv"]) with { ArticleMain = mainOfA1 == "ev1" },
        Report("a1:ev2", Kremenchuk, Day, ["amstor", "kryukiv"], action: "clash") with { AcledType = "Battles", ArticleMain = mainOfA1 == "ev2" },
        Report("b1:ev1", Kremenchuk, Day, ["amstor"]) with { ArticleMain = b1Main, PlaceInherited = b1Inherited },
    ];

    /// <summary>Where the threshold lies: between the best-match vote and the best report pair, or above that pair.</summary>
    public enum Cut { BelowBestPair, AboveBestPair }

    public static TheoryData<string, string?, bool, bool, Cut, string> Votes() => new()
    {
        { "both bombing reports are their articles' main reports: the news meet, a1's clash does not dilute the vote",
            "ev1", true, false, Cut.BelowBestPair, "a1:ev1,a1:ev2,b1:ev1" },
        { "no main report marked (reports stored before the column): the best-match vote, under the threshold",
            null, false, false, Cut.BelowBestPair, "a1:ev1,a1:ev2 | b1:ev1" },
        { "only one article has its main report: the pair votes with best matches",
            "ev1", false, false, Cut.BelowBestPair, "a1:ev1,a1:ev2 | b1:ev1" },
        { "b1's main report is placed by its article's focus, not its sentence: no better evidence than its other reports",
            "ev1", true, true, Cut.BelowBestPair, "a1:ev1,a1:ev2 | b1:ev1" },
        { "a1's news is the clash: its best match in b1 is weak, so the vote is under the best-match vote",
            "ev2", true, false, Cut.BelowBestPair, "a1:ev1,a1:ev2 | b1:ev1" },
        { "the main vote never exceeds the best report pair: above it the groups stay apart",
            "ev1", true, false, Cut.AboveBestPair, "a1:ev1,a1:ev2 | b1:ev1" },
    };

    [Theory]
    [MemberData(nameof(Votes))]
    public void An_article_pair_votes_with_its_main_reports_best_matches(string reason, string? mainOfA1, bool b1Main, bool b1Inherited, Cut cut, string expected)
    {
        var r = BombingAndClash(mainOfA1, b1Main, b1Inherited);
        double bomb = PairScorer.Value(r[0], r[2]), clash = PairScorer.Value(r[1], r[2]), inside = PairScorer.Value(r[0], r[1]);
        Assert.True(inside > bomb && bomb > clash, $"the fixture's premise: a1's reports group first ({inside:0.00}), b1 meets the bombing ({bomb:0.00}) better than the clash ({clash:0.00})");
        // The best-match vote: a1's side, each report's best against b1; b1's side, its one report's best against a1.
        double bestMatch = ((bomb + clash) / 2 + bomb) / 2;
        double threshold = cut == Cut.BelowBestPair ? (bestMatch + bomb) / 2 : bomb + 0.01;
        Assert.True(expected == Partition(IncidentClusterer.Cluster(r, threshold: threshold)), reason);
        Assert.True(expected == Partition(IncidentClusterer.Cluster(r.Reverse(), threshold: threshold)), reason + " (reversed input)");
    }

    private static EventRow Event(int ordinal, string? acledType, double confidence, bool main = true, bool historical = false) => new()
    {
        EventId = "ev" + ordinal, Ordinal = ordinal, Action = "attack", Modality = "asserted",
        AcledType = acledType, Confidence = confidence, Main = main, Historical = historical,
    };

    private const string Battle = "Battles", Blast = "Explosions/Remote violence", Protest = "Protests", Statement = "Make statement";

    public static TheoryData<string, EventRow[], string?> Mains() => new()
    {
        { "the most confident report of political violence", [Event(1, Blast, 0.4), Event(2, Battle, 0.7), Event(3, Blast, 0.5)], "ev2" },
        { "violence before a more confident protest: the attack is what a follow-up protest reacts to", [Event(1, Protest, 0.9), Event(2, Blast, 0.3)], "ev2" },
        { "a protest when the article tells no violence", [Event(1, Statement, 0.9), Event(2, Protest, 0.4)], "ev2" },
        { "only reports count: an event not shown as news or historical is no main report",
            [Event(1, Blast, 0.9, main: false), Event(2, Blast, 0.8, historical: true), Event(3, Battle, 0.2)], "ev3" },
        { "ties go to the earlier event", [Event(1, Blast, 0.5), Event(2, Battle, 0.5)], "ev1" },
        { "no mergeable report: none", [Event(1, Statement, 0.9), Event(2, null, 0.8)], null },
    };

    [Theory]
    [MemberData(nameof(Mains))]
    public void An_articles_main_report_is_its_most_confident_report_violence_first(string reason, EventRow[] events, string? expected)
    {
        Assert.True(expected == MergeReports.ArticleMainOf(events)?.EventId, reason);
        Assert.True(expected == MergeReports.ArticleMainOf([.. events.Reverse()])?.EventId, reason + " (the events in reverse order)");
    }
}
