namespace Dragoman.Merge;

/// <summary>An analyst's decision the clusterer must keep: two reports together (merge) or apart (split).</summary>
public sealed record MergeConstraint(MergeConstraintKind Kind, string RefA, string RefB);

public enum MergeConstraintKind { Together, Apart }

/// <summary>A report's place in its group: the member it is linked to most strongly, the score and the reasons.</summary>
public sealed record ReportLink(string Ref, string? Partner, double? Score, IReadOnlyList<LinkReason> Reasons);

/// <summary>A group of reports the clusterer found to be one incident, in <see cref="MergeReport.Ref"/> order.</summary>
public sealed record IncidentGroup(IReadOnlyList<ReportLink> Members);

/// <summary>
/// Groups reports into incidents: average-linkage agglomeration over <see cref="PairScorer"/> scores, merging the best
/// pair of groups while their average link is at least the threshold. The input order does not matter (reports are
/// sorted by their stable <see cref="MergeReport.Ref"/> and ties broken by it), so ingest order and re-merging give the
/// same groups. Analyst constraints win: "together" pairs start in one group (which then takes any report whose best
/// link to it reaches the threshold), "apart" pairs never share one.
/// </summary>
public static class IncidentClusterer
{
    /// <summary>The score a pair of different families counts as in an average (finite, so averages stay defined).</summary>
    private const double ApartScore = -10;

    public static IReadOnlyList<IncidentGroup> Cluster(
        IEnumerable<MergeReport> reports, IReadOnlyCollection<MergeConstraint>? constraints = null, double? threshold = null)
    {
        double floor = threshold ?? PairScorer.Threshold;
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
