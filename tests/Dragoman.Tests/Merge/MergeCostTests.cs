using Dragoman.Merge;
using static Dragoman.Tests.Merge.MergeFixtures;

namespace Dragoman.Tests.Merge;

/// <summary>
/// The clusterer's cost (docs/benchmarks.md, "merge cost"): it scores only the pairs of a block, clusters each linked
/// component on its own and rescans only the rows a merge changed, and must still give exactly what the plain
/// algorithm gives (every pair scored, dense matrices, a full best-pair search per merge: <see cref="Reference"/>, kept
/// here as the oracle). A component past <see cref="IncidentMerging.MaxComponentReports"/> is clustered in slices.
/// </summary>
public sealed class MergeCostTests
{
    private const int Day = 738333;

    /// <summary>Random reports over a week in two cities and a neighbouring country, some undated or placeless, two families.</summary>
    private static List<MergeReport> RandomReports(int seed, int count)
    {
        var rng = new Random(seed);
        Place[] places = [Kremenchuk, Odesa, Odesa];
        string[] names = ["amstor", "karlov", "nusra", "serhiivka", "zeid"];
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var r = Report($"r{rng.Next(1000):000}:{i}", places[rng.Next(places.Length)], Day + rng.Next(7), [.. names.Where(_ => rng.Next(3) == 0)],
                rng.Next(4) == 0 ? null : rng.Next(2, 40), rng.Next(3) == 0 ? "shelling" : "bombing", dated: rng.Next(8) != 0);
            r = rng.Next(10) == 0 ? r with { Family = MergeFamilies.Demonstration } : r;
            return rng.Next(8) switch
            {
                0 => r with { PlaceName = "Moldova", Precision = "country", GeonameId = "country:MD", Lat = 47.0, Lon = 28.5, Country = "MD" },
                1 => r with { PlaceName = null, Precision = null, GeonameId = null, Lat = null, Lon = null, Country = null },
                _ => r,
            };
        })];
    }

    private static List<MergeConstraint> RandomConstraints(int seed, List<MergeReport> reports, int count)
    {
        var rng = new Random(seed * 7919);
        return [.. Enumerable.Range(0, count).Select(_ => new MergeConstraint(rng.Next(2) == 0 ? MergeConstraintKind.Together : MergeConstraintKind.Apart,
            reports[rng.Next(reports.Count)].Ref, reports[rng.Next(reports.Count)].Ref))];
    }

    /// <summary>Every group with each member's partner and score, so that a different link shows as well as a different group.</summary>
    private static string Show(IReadOnlyList<IncidentGroup> groups) => string.Join(" | ", groups.Select(g =>
        string.Join(",", g.Members.Select(m => $"{m.Ref}>{m.Partner}:{m.Score:0.######}"))));

    [Theory]
    [InlineData(1, 60, 0, "sixty reports, no analyst")]
    [InlineData(2, 120, 0, "a hundred and twenty reports: long chains across days and the border")]
    [InlineData(3, 80, 6, "analysts' merges and splits")]
    [InlineData(4, 150, 12, "many decisions, some contradicting each other")]
    [InlineData(5, 40, 3, "few reports, ties likely")]
    public void Gives_exactly_what_the_plain_algorithm_gives(int seed, int count, int decisions, string reason)
    {
        var reports = RandomReports(seed, count);
        var constraints = RandomConstraints(seed, reports, decisions);
        string expected = Show(Reference.Cluster(reports, constraints, PairScorer.Threshold));
        // The case must be able to fail: some groups hold several reports and some reports stay apart.
        Assert.True(expected.Contains(',', StringComparison.Ordinal) && expected.Contains('|', StringComparison.Ordinal), $"{reason}: {expected}");
        Assert.True(expected == Show(IncidentClusterer.Cluster(reports, constraints)), reason);
    }

    [Theory]
    [InlineData(400, 1, "one component exactly as large as allowed: clustered at once, one incident")]
    [InlineData(1000, 3, "one article's thousand like events: three slices, each one incident")]
    public void A_component_past_the_bound_is_clustered_in_slices(int count, int groups, string reason)
    {
        var reports = Enumerable.Range(0, count).Select(i => Report($"a:{i:0000}", Odesa, Day, ["nusra"], 7)).ToList();
        var result = IncidentClusterer.Cluster(reports);
        Assert.True(groups == result.Count, $"{reason}: {result.Count} groups");
        Assert.True(result.All(g => g.Members.Count <= IncidentMerging.MaxComponentReports), reason);
        Assert.Equal(count, result.SelectMany(g => g.Members).Select(m => m.Ref).Distinct().Count());
    }

    /// <summary>The plain algorithm the clusterer replaced (main before the session 8 merge-cost change), as the oracle.</summary>
    private static class Reference
    {
        private const double ApartScore = -10;

        public static IReadOnlyList<IncidentGroup> Cluster(
            IEnumerable<MergeReport> reports, IReadOnlyCollection<MergeConstraint>? constraints, double threshold)
        {
            double floor = threshold;
            var rs = reports.DistinctBy(r => r.Ref).OrderBy(r => r.Ref, StringComparer.Ordinal).ToArray();
            int n = rs.Length;
            var index = new Dictionary<string, int>(n, StringComparer.Ordinal);
            for (int i = 0; i < n; i++) index[rs[i].Ref] = i;

            var raw = new double[n, n];
            var score = new double[n, n];
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++)
                {
                    double p = PairScorer.Value(rs[i], rs[j]);
                    raw[i, j] = raw[j, i] = p;
                    score[i, j] = score[j, i] = double.IsNegativeInfinity(p) ? ApartScore : p;
                }

            // Union-find over "together" constraints first; "apart" constraints become a set of forbidden report pairs.
            var parent = Enumerable.Range(0, n).ToArray();
            int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
            var apart = new HashSet<(int, int)>();
            foreach (var c in constraints ?? [])
            {
                if (!index.TryGetValue(c.RefA, out int a) || !index.TryGetValue(c.RefB, out int b) || a == b) continue;
                if (c.Kind == MergeConstraintKind.Apart) apart.Add((Math.Min(a, b), Math.Max(a, b)));
            }
            foreach (var c in constraints ?? [])
            {
                if (c.Kind != MergeConstraintKind.Together || !index.TryGetValue(c.RefA, out int a) || !index.TryGetValue(c.RefB, out int b)) continue;
                int ra = Find(a), rb = Find(b);
                if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
            }

            // Linked components: reports joined by a link at the threshold inside a block (MergeBlocking), or by an analyst.
            // Groups of different components never merge, so clustering a set is clustering each component on its own; the
            // incremental merge re-clusters whole components (IncidentMerging), and the incidents do not depend on which
            // components happened to be re-clustered together.
            var linked = Enumerable.Range(0, n).ToArray();
            int Linked(int x) { while (linked[x] != x) x = linked[x] = linked[linked[x]]; return x; }
            for (int i = 0; i < n; i++)
            {
                linked[Linked(i)] = Linked(Find(i));
                for (int j = i + 1; j < n; j++)
                    if (raw[i, j] >= floor && MergeBlocking.WhyApart(rs[i], rs[j]) is null) linked[Linked(i)] = Linked(j);
            }

            var groups = new List<List<int>>();
            var groupOf = new Dictionary<int, int>();
            for (int i = 0; i < n; i++)
            {
                int root = Find(i);
                if (!groupOf.TryGetValue(root, out int g)) { g = groups.Count; groupOf[root] = g; groups.Add([]); }
                groups[g].Add(i);
            }

            var alive = groups.Select(_ => true).ToArray();
            // A group an analyst joined is heterogeneous by design: it takes a report that links well to any of its members
            // (its best link), where other groups need a good average link.
            var pinned = groups.Select(g => g.Count > 1).ToArray();
            var sum = new double[groups.Count, groups.Count];
            var max = new double[groups.Count, groups.Count];
            for (int x = 0; x < groups.Count; x++)
                for (int y = x + 1; y < groups.Count; y++)
                {
                    double t = 0, m = double.NegativeInfinity;
                    foreach (int i in groups[x]) foreach (int j in groups[y]) { t += score[i, j]; m = Math.Max(m, score[i, j]); }
                    sum[x, y] = sum[y, x] = t;
                    max[x, y] = max[y, x] = m;
                }

            while (true)
            {
                int bx = -1, by = -1;
                double best = floor;
                for (int x = 0; x < groups.Count; x++)
                {
                    if (!alive[x]) continue;
                    for (int y = x + 1; y < groups.Count; y++)
                    {
                        if (!alive[y] || Linked(groups[x][0]) != Linked(groups[y][0])) continue;
                        double avg = pinned[x] || pinned[y] ? max[x, y] : sum[x, y] / (groups[x].Count * groups[y].Count);
                        if (avg >= best && (bx < 0 || avg > best) && !Forbidden(groups[x], groups[y], apart)) { best = avg; bx = x; by = y; }
                    }
                }
                if (bx < 0) break;
                groups[bx].AddRange(groups[by]);
                alive[by] = false;
                pinned[bx] |= pinned[by];
                for (int z = 0; z < groups.Count; z++)
                    if (alive[z] && z != bx)
                    {
                        sum[bx, z] += sum[by, z]; sum[z, bx] = sum[bx, z];
                        max[bx, z] = Math.Max(max[bx, z], max[by, z]); max[z, bx] = max[bx, z];
                    }
            }

            var result = new List<IncidentGroup>();
            for (int x = 0; x < groups.Count; x++)
            {
                if (!alive[x]) continue;
                var members = groups[x].Order().ToArray();
                result.Add(new IncidentGroup([.. members.Select(i => BestLink(i, members, rs, raw))]));
            }
            return [.. result.OrderBy(g => g.Members[0].Ref, StringComparer.Ordinal)];
        }

        private static bool Forbidden(List<int> a, List<int> b, HashSet<(int, int)> apart)
        {
            if (apart.Count == 0) return false;
            foreach (int i in a) foreach (int j in b) if (apart.Contains((Math.Min(i, j), Math.Max(i, j)))) return true;
            return false;
        }

        private static ReportLink BestLink(int i, int[] members, MergeReport[] rs, double[,] raw)
        {
            int bestJ = -1;
            foreach (int j in members)
                if (j != i && (bestJ < 0 || raw[i, j] > raw[i, bestJ])) bestJ = j;
            if (bestJ < 0) return new ReportLink(rs[i].Ref, null, null, []);
            var p = PairScorer.Score(rs[i], rs[bestJ]);
            return new ReportLink(rs[i].Ref, rs[bestJ].Ref, double.IsNegativeInfinity(p.Score) ? null : p.Score, p.Reasons);
        }
    }
}
