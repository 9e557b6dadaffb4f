namespace Dragoman.Merge;

/// <summary>An analyst's decision the clusterer must keep: two reports together (merge) or apart (split).</summary>
public sealed record MergeConstraint(MergeConstraintKind Kind, string RefA, string RefB);

public enum MergeConstraintKind { Together, Apart }

/// <summary>A report's place in its group: the member it is linked to most strongly, the score and the reasons.</summary>
public sealed record ReportLink(string Ref, string? Partner, double? Score, IReadOnlyList<LinkReason> Reasons);

/// <summary>
/// A group of reports the clusterer found to be one incident, in <see cref="MergeReport.Ref"/> order. Groups of one
/// linked component (reports joined by links at the threshold, or by an analyst) share <see cref="Component"/>, a number
/// that means something only within one <see cref="IncidentClusterer.Cluster"/> result.
/// </summary>
public sealed record IncidentGroup(IReadOnlyList<ReportLink> Members)
{
    public int Component { get; init; }
}

/// <summary>
/// Groups reports into incidents: average-linkage agglomeration over <see cref="PairScorer"/> scores, merging the best
/// pair of groups while their average link (each pair of articles one vote: <see cref="GroupLink"/>) is at least the
/// threshold. The input order does not matter (reports are
/// sorted by their stable <see cref="MergeReport.Ref"/> and ties broken by it), so ingest order and re-merging give the
/// same groups. Analyst constraints win: "together" pairs start in one group (which then takes any report whose best
/// link to it reaches the threshold), "apart" pairs never share one.
/// </summary>
/// <remarks>
/// Cost (docs/benchmarks.md, "merge cost"): groups of different linked components never merge, so the links are found
/// first, scoring only the pairs of one block (<see cref="MergeBlocking"/>) that are not linked already, and each
/// component is clustered on its own with matrices of its own size. A component larger than
/// <see cref="IncidentMerging.MaxComponentReports"/> (one article of thousands of like events) is clustered in slices of
/// that size in date order, so no input costs more than linear time in slices of bounded cubic cost.
/// </remarks>
public static class IncidentClusterer
{

    /// <summary>The score a pair of different families counts as in an average (finite, so averages stay defined).</summary>
    private const double ApartScore = -10;

    /// <summary>Room for rounding: between <see cref="PairScorer.UpperBound"/> and the score, and between a group link and its best pair.</summary>
    private const double BoundSlack = 1e-9;

    /// <summary>
    /// An n-by-n matrix in one array rented from the shared pool, filled with <paramref name="empty"/>. A re-clustering of
    /// 400 reports needs five of up to 1.3 MB, which as new arrays were large-object allocations for every article merged.
    /// </summary>
    private readonly struct Square<T>(int n, T empty) : IDisposable
    {
        private readonly T[] cells = Rented(n, empty);

        private static T[] Rented(int n, T empty)
        {
            var a = System.Buffers.ArrayPool<T>.Shared.Rent(n * n);
            Array.Fill(a, empty, 0, n * n);
            return a;
        }

        public ref T this[int i, int j] => ref cells[i * n + j];

        public void Dispose() => System.Buffers.ArrayPool<T>.Shared.Return(cells);
    }

    /// <summary>A component's pair scores (local numbering), each computed once, when first read.</summary>
    private sealed class PairTable(MergeReport[] rs, int[] ids) : IDisposable
    {
        private readonly Square<double> raw = new(ids.Length, double.NaN);

        public void Dispose() => raw.Dispose();

        /// <summary>The pair's score (negative infinity for different families).</summary>
        public double Raw(int i, int j)
        {
            double p = raw[i, j];
            if (double.IsNaN(p)) raw[i, j] = raw[j, i] = p = PairScorer.Value(rs[ids[i]], rs[ids[j]]);
            return p;
        }

        /// <summary>The pair's score as averages count it (finite).</summary>
        public double Score(int i, int j)
        {
            double p = Raw(i, j);
            return double.IsNegativeInfinity(p) ? ApartScore : p;
        }
    }

    public static IReadOnlyList<IncidentGroup> Cluster(
        IEnumerable<MergeReport> reports, IReadOnlyCollection<MergeConstraint>? constraints = null, double? threshold = null)
    {
        double floor = threshold ?? PairScorer.Threshold;
        var rs = reports.DistinctBy(r => r.Ref).OrderBy(r => r.Ref, StringComparer.Ordinal).ToArray();
        int n = rs.Length;
        var index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++) index[rs[i].Ref] = i;

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
        for (int i = 0; i < n; i++) linked[Linked(i)] = Linked(Find(i));
        foreach (var (i, j) in BlockPairs(rs))
            if (Linked(i) != Linked(j) && PairScorer.Value(rs[i], rs[j]) >= floor) linked[Linked(i)] = Linked(j);

        // The starting groups (an analyst's "together" set, else one report) of each component, in report order.
        var units = new Dictionary<int, List<int>>();
        var components = new Dictionary<int, List<List<int>>>();
        for (int i = 0; i < n; i++)
        {
            int root = Find(i);
            if (units.TryGetValue(root, out var unit)) { unit.Add(i); continue; }
            units[root] = unit = [i];
            int component = Linked(i);
            if (!components.TryGetValue(component, out var list)) components[component] = list = [];
            list.Add(unit);
        }

        var result = new List<IncidentGroup>();
        int number = 0;
        foreach (var component in components.Values)
        {
            foreach (var slice in Slices(component, rs))
                foreach (var members in ClusterComponent(slice, rs, apart, floor))
                    result.Add(members with { Component = number });
            number++;
        }
        return [.. result.OrderBy(g => g.Members[0].Ref, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The pairs (i &lt; j) that <see cref="MergeBlocking.WhyApart"/> compares, without visiting the others: per family,
    /// dated reports by a sweep over their first day, and every pair with an undated report by its shared place, within
    /// its country by the days of the year it names, or by its name words.
    /// </summary>
    private static IEnumerable<(int, int)> BlockPairs(MergeReport[] rs)
    {
        foreach (var family in Enumerable.Range(0, rs.Length).Where(i => rs[i].Family is not null).GroupBy(i => rs[i].Family!))
        {
            var dated = family.Where(i => rs[i].Dated).OrderBy(i => rs[i].DayLo!.Value).ThenBy(i => i).ToArray();
            for (int a = 0; a < dated.Length; a++)
                for (int b = a + 1; b < dated.Length && rs[dated[b]].DayLo!.Value - rs[dated[a]].DayHi!.Value <= PairScorer.WindowDays; b++)
                    if (MergeBlocking.WhyApart(rs[dated[a]], rs[dated[b]]) is null)
                        yield return (Math.Min(dated[a], dated[b]), Math.Max(dated[a], dated[b]));
            foreach (var place in family.Where(i => rs[i].GeonameId is not null).GroupBy(i => rs[i].GeonameId!, StringComparer.Ordinal))
            {
                var ids = place.ToArray();
                for (int a = 0; a < ids.Length; a++)
                    for (int b = a + 1; b < ids.Length; b++)
                        if (!rs[ids[a]].Dated || !rs[ids[b]].Dated) yield return (ids[a], ids[b]);
            }
            // An undated report that names days of the year meets the reports of its country on days within the window
            // (the stores' incident_report_days): looked up by day, not by visiting every report of the country.
            foreach (var country in family.Where(i => rs[i].Country is not null).GroupBy(i => rs[i].Country!, StringComparer.Ordinal))
            {
                var onDay = new Dictionary<int, List<int>>();
                foreach (int i in country)
                    foreach (int d in MonthDays.DaysOf(rs[i]))
                        (onDay.TryGetValue(d, out var list) ? list : onDay[d] = []).Add(i);
                foreach (int u in country.Where(i => !rs[i].Dated && rs[i].MonthDays.Count > 0))
                    foreach (int v in MonthDays.Around(rs[u].MonthDays, PairScorer.WindowDays).SelectMany(d => onDay.GetValueOrDefault(d) ?? []).Distinct())
                        if (v != u && (rs[v].Dated || u < v) && MergeBlocking.WhyApart(rs[u], rs[v]) is null)
                            yield return (Math.Min(u, v), Math.Max(u, v));
            }
            // An undated report meets the reports of any country and day that share two of its name words (the names key):
            // looked up by word (the stores' incident_report_names).
            var carriers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (int i in family)
                foreach (var name in rs[i].Names)
                    (carriers.TryGetValue(name, out var list) ? list : carriers[name] = []).Add(i);
            foreach (int u in family.Where(i => !rs[i].Dated && rs[i].Names.Count >= MergeBlocking.SharedNameWords))
                foreach (int v in rs[u].Names.SelectMany(name => carriers[name]).Distinct())
                    if (v != u && (rs[v].Dated || u < v) && MergeBlocking.WhyApart(rs[u], rs[v]) is null)
                        yield return (Math.Min(u, v), Math.Max(u, v));
        }
    }

    /// <summary>
    /// A component as slices of at most <see cref="IncidentMerging.MaxComponentReports"/> reports (whole starting groups,
    /// by their earliest day, undated last, then report order), so one huge component costs linear time; a component
    /// within the bound is one slice and clusters exactly.
    /// </summary>
    private static IEnumerable<List<List<int>>> Slices(List<List<int>> component, MergeReport[] rs)
    {
        int size = component.Sum(u => u.Count);
        if (size <= IncidentMerging.MaxComponentReports) { yield return component; yield break; }
        var slice = new List<List<int>>();
        int count = 0;
        foreach (var unit in component.OrderBy(u => u.Min(i => rs[i].DayLo ?? int.MaxValue)).ThenBy(u => u[0]))
        {
            if (count > 0 && count + unit.Count > IncidentMerging.MaxComponentReports)
            {
                yield return [.. slice.OrderBy(u => u[0])];
                slice = [];
                count = 0;
            }
            slice.Add(unit);
            count += unit.Count;
        }
        if (slice.Count > 0) yield return [.. slice.OrderBy(u => u[0])];
    }

    /// <summary>
    /// Average linkage over one component's starting groups (in report order). Each group keeps its best partner among
    /// the groups after it (the first on ties), so a merge rescans only the rows it changed instead of every pair; the
    /// pair chosen is the same as a full scan's: the best average, the first pair in order on ties.
    /// </summary>
    private static List<IncidentGroup> ClusterComponent(List<List<int>> units, MergeReport[] rs, HashSet<(int, int)> apart, double floor)
    {
        if (units.Count == 1 && units[0].Count == 1)
            return [new IncidentGroup([new ReportLink(rs[units[0][0]].Ref, null, null, [])])];
        // Local numbering: the component's reports in report order.
        var ids = units.SelectMany(u => u).Order().ToArray();
        int k = ids.Length;
        var local = new Dictionary<int, int>(k);
        for (int i = 0; i < k; i++) local[ids[i]] = i;
        using var pairs = new PairTable(rs, ids);
        // Which report pairs link (score at the floor): only pairs whose cheap bound reaches it are scored. Two groups
        // with no linking pair between them cannot link (their average never exceeds their best pair, GroupLink), so
        // their average is never needed; the others' pairs are scored when a group link first reads them.
        using var links = new Square<bool>(k, false);
        for (int i = 0; i < k; i++)
            for (int j = i + 1; j < k; j++)
                if (PairScorer.UpperBound(rs[ids[i]], rs[ids[j]]) >= floor - BoundSlack && pairs.Raw(i, j) >= floor - BoundSlack)
                    links[i, j] = links[j, i] = true;
        var groups = units.Select(u => u.Select(i => local[i]).ToList()).ToList();
        int g = groups.Count;
        using var linked = new Square<bool>(g, false);
        for (int x = 0; x < g; x++)
            for (int y = x + 1; y < g; y++)
                linked[x, y] = linked[y, x] = AnyLink(groups[x], groups[y], links);
        var alive = groups.Select(_ => true).ToArray();
        // A group an analyst joined is heterogeneous by design: it takes a report that links well to any of its members
        // (its best link), where other groups need a good average link.
        var pinned = groups.Select(x => x.Count > 1).ToArray();
        // The article of each report: co-reports of one article (its several events of one incident) vote once.
        var articleOf = new int[k];
        var articles = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < k; i++)
        {
            var r = rs[ids[i]].Ref;
            int colon = r.IndexOf(':');
            var article = colon < 0 ? r : r[..colon];
            if (!articles.TryGetValue(article, out int a)) articles[article] = a = articles.Count;
            articleOf[i] = a;
        }
        // The article's main report votes for it where its place is its sentence's own: one inherited from the article's
        // focus is the article's guess, no better evidence than its other reports (GroupLink).
        var articleMain = new bool[k];
        for (int i = 0; i < k; i++) articleMain[i] = rs[ids[i]].ArticleMain && !rs[ids[i]].PlaceInherited;
        using var avg = new Square<double>(g, 0);
        using var max = new Square<double>(g, 0);
        for (int x = 0; x < g; x++)
            for (int y = x + 1; y < g; y++)
            {
                if (!linked[x, y]) continue;
                var (v, m) = GroupLink(groups[x], groups[y], pairs, articleOf, articleMain);
                avg[x, y] = avg[y, x] = v;
                max[x, y] = max[y, x] = m;
            }

        // The average link of a pair of groups, or NaN where they may not merge (below the floor, or split by an analyst).
        double Link(int x, int y)
        {
            if (!linked[x, y]) return double.NaN;
            double v = pinned[x] || pinned[y] ? max[x, y] : avg[x, y];
            return v >= floor && !Forbidden(groups[x], groups[y], ids, apart) ? v : double.NaN;
        }
        var rowBest = new double[g];
        var rowArg = new int[g];
        void Rescan(int x)
        {
            rowArg[x] = -1;
            for (int y = x + 1; y < g; y++)
            {
                if (!alive[y]) continue;
                double v = Link(x, y);
                if (!double.IsNaN(v) && (rowArg[x] < 0 || v > rowBest[x])) { rowBest[x] = v; rowArg[x] = y; }
            }
        }
        for (int x = 0; x < g; x++) Rescan(x);

        while (true)
        {
            int bx = -1;
            for (int x = 0; x < g; x++)
                if (alive[x] && rowArg[x] >= 0 && (bx < 0 || rowBest[x] > rowBest[bx])) bx = x;
            if (bx < 0) break;
            int by = rowArg[bx];
            groups[bx].AddRange(groups[by]);
            alive[by] = false;
            pinned[bx] |= pinned[by];
            for (int z = 0; z < g; z++)
                if (alive[z] && z != bx)
                {
                    linked[bx, z] = linked[z, bx] = linked[bx, z] || linked[by, z];
                    if (!linked[bx, z]) continue;
                    var (v, m) = GroupLink(groups[bx], groups[z], pairs, articleOf, articleMain);
                    avg[bx, z] = avg[z, bx] = v;
                    max[bx, z] = max[z, bx] = m;
                }
            Rescan(bx);
            // Rows before the merged pair see their entry for bx change and their entry for by go.
            for (int z = 0; z < by; z++)
            {
                if (!alive[z] || z == bx) continue;
                if (rowArg[z] == bx || rowArg[z] == by) { Rescan(z); continue; }
                if (z > bx) continue;
                double v = Link(z, bx);
                if (!double.IsNaN(v) && (rowArg[z] < 0 || v > rowBest[z] || (v == rowBest[z] && bx < rowArg[z]))) { rowBest[z] = v; rowArg[z] = bx; }
            }
        }

        var result = new List<IncidentGroup>();
        for (int x = 0; x < g; x++)
        {
            if (!alive[x]) continue;
            var members = groups[x].Order().ToArray();
            result.Add(new IncidentGroup([.. members.Select(i => BestLink(i, members, ids, rs, pairs))]));
        }
        return result;
    }

    /// <summary>Some report of <paramref name="x"/> links to some report of <paramref name="y"/>.</summary>
    private static bool AnyLink(List<int> x, List<int> y, Square<bool> links)
    {
        foreach (int i in x)
            foreach (int j in y)
                if (links[i, j]) return true;
        return false;
    }

    /// <summary>
    /// The average link of two groups, one vote per pair of articles, and their best report pair. An article's several
    /// reports of one incident (its co-reports: "an attack", "killed", "abducted") count as one article, so that weak
    /// co-reports of one article do not outvote the group's other articles (merge-gold dev: B-cubed 0.860 to 0.871, no hard
    /// negative merged). A pair of articles votes with its best match: each report's best score against the other
    /// article's reports in the other group, averaged over the reports of each side and the two sides, so a report of
    /// one kind meets its own kind (an airstrike the airstrike, a death toll the toll) instead of every report of the
    /// other article (the mean of all its report pairs: dev pairwise F1 0.821 to 0.862, B-cubed 0.893 to 0.914, no hard
    /// negative merged; the pair's best alone merged 2 dev and 6 held hard negatives). The vote never exceeds the pair's
    /// best report pair, so two groups link only if some report pair links (the components stay independent).
    /// Where both articles have their main report (<see cref="MergeReport.ArticleMain"/>, placed by its own sentence) in
    /// the groups, of one family, the pair votes with the two main reports' best matches instead: the main report's best
    /// score against the other article's reports, averaged over the two sides, so an article's news meets the other
    /// article's nearest report and its side stories do not dilute the vote (merge-gold dev: pairwise F1 0.862 to 0.872,
    /// B-cubed 0.914 to 0.925, no hard negative merged; held unchanged; docs/benchmarks.md, mainvote17).
    /// </summary>
    private static (double Average, double Max) GroupLink(List<int> x, List<int> y, PairTable pairs, int[] articleOf, bool[] articleMain)
    {
        if (x.Count == 1 && y.Count == 1) return (pairs.Score(x[0], y[0]), pairs.Score(x[0], y[0]));
        // Flat arrays instead of dictionaries: this runs for every pair of groups at every step of the clustering.
        var (slotX, articlesX) = ArticleSlots(x, articleOf);
        var (slotY, articlesY) = ArticleSlots(y, articleOf);
        int nx = articlesX, ny = articlesY;
        // Each article's main report among the group's reports (an index into x or y; -1: not in this group).
        var mainX = MainOf(x, slotX, nx, articleMain);
        var mainY = MainOf(y, slotY, ny, articleMain);
        // bestX[i * ny + b]: report i of x against article b of y; bestY[j * nx + a]: report j of y against article a of x.
        var bestX = new double[x.Count * ny];
        var bestY = new double[y.Count * nx];
        Array.Fill(bestX, double.NegativeInfinity);
        Array.Fill(bestY, double.NegativeInfinity);
        double max = double.NegativeInfinity;
        for (int i = 0; i < x.Count; i++)
            for (int j = 0; j < y.Count; j++)
            {
                double s = pairs.Score(x[i], y[j]);
                max = Math.Max(max, s);
                ref double bx = ref bestX[i * ny + slotY[j]];
                bx = Math.Max(bx, s);
                ref double by = ref bestY[j * nx + slotX[i]];
                by = Math.Max(by, s);
            }
        // Per article pair (a of x, b of y): the mean best match of a's reports and of b's, averaged; summed in the order
        // of the articles' first reports.
        var sumX = new double[nx * ny];
        var sumY = new double[nx * ny];
        var countX = new int[nx];
        var countY = new int[ny];
        for (int i = 0; i < x.Count; i++)
        {
            countX[slotX[i]]++;
            for (int b = 0; b < ny; b++) sumX[slotX[i] * ny + b] += bestX[i * ny + b];
        }
        for (int j = 0; j < y.Count; j++)
        {
            countY[slotY[j]]++;
            for (int a = 0; a < nx; a++) sumY[a * ny + slotY[j]] += bestY[j * nx + a];
        }
        double sum = 0;
        for (int a = 0; a < nx; a++)
            for (int b = 0; b < ny; b++)
            {
                int ma = mainX[a], mb = mainY[b];
                sum += ma >= 0 && mb >= 0 && !double.IsNegativeInfinity(pairs.Raw(x[ma], y[mb]))
                    ? (bestX[ma * ny + b] + bestY[mb * nx + a]) / 2
                    : (sumX[a * ny + b] / countX[a] + sumY[a * ny + b] / countY[b]) / 2;
            }
        return (sum / (nx * ny), max);
    }

    /// <summary>For each article slot of a group, the index of its voting main report in the group, or -1.</summary>
    private static int[] MainOf(List<int> reports, int[] slots, int articles, bool[] articleMain)
    {
        var main = new int[articles];
        Array.Fill(main, -1);
        for (int i = 0; i < reports.Count; i++)
            if (articleMain[reports[i]] && main[slots[i]] < 0) main[slots[i]] = i;
        return main;
    }

    /// <summary>Each report's article as a slot 0..n-1, numbered in the order of the articles' first reports, and n.</summary>
    private static (int[] Slots, int Articles) ArticleSlots(List<int> reports, int[] articleOf)
    {
        var slots = new int[reports.Count];
        int n = 0;
        for (int i = 0; i < reports.Count; i++)
        {
            int slot = -1;
            for (int k = 0; k < i; k++)
                if (articleOf[reports[k]] == articleOf[reports[i]]) { slot = slots[k]; break; }
            slots[i] = slot >= 0 ? slot : n++;
        }
        return (slots, n);
    }

    private static bool Forbidden(List<int> a, List<int> b, int[] ids, HashSet<(int, int)> apart)
    {
        if (apart.Count == 0) return false;
        foreach (int i in a)
            foreach (int j in b)
                if (apart.Contains((Math.Min(ids[i], ids[j]), Math.Max(ids[i], ids[j])))) return true;
        return false;
    }

    private static ReportLink BestLink(int i, int[] members, int[] ids, MergeReport[] rs, PairTable raw)
    {
        int bestJ = -1;
        foreach (int j in members)
            if (j != i && (bestJ < 0 || raw.Raw(i, j) > raw.Raw(i, bestJ))) bestJ = j;
        if (bestJ < 0) return new ReportLink(rs[ids[i]].Ref, null, null, []);
        // The score is the table's (PairScorer.Value adds what Score adds, in the same order); the reasons are built only
        // when read: a re-clustering writes the links of the groups that changed, not of every incident it took in.
        double p = raw.Raw(i, bestJ);
        return new ReportLink(rs[ids[i]].Ref, rs[ids[bestJ]].Ref, double.IsNegativeInfinity(p) ? null : p, new LazyReasons(rs[ids[i]], rs[ids[bestJ]]));
    }

    /// <summary>A pair's <see cref="PairScorer.Score"/> reasons, computed on first read.</summary>
    private sealed class LazyReasons(MergeReport a, MergeReport b) : IReadOnlyList<LinkReason>
    {
        private IReadOnlyList<LinkReason>? reasons;
        private IReadOnlyList<LinkReason> Reasons => reasons ??= PairScorer.Score(a, b).Reasons;
        public LinkReason this[int index] => Reasons[index];
        public int Count => Reasons.Count;
        public IEnumerator<LinkReason> GetEnumerator() => Reasons.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
