namespace Dragoman.Merge;

/// <summary>A report as a store keeps it: the report, its incident (0: not in one yet) and its article.</summary>
public sealed record StoredReport(MergeReport Report, long IncidentId, long ArticleId);

/// <summary>
/// What the merge stage reads and writes in a store, inside the store's write transaction. Every provider implements it
/// over its own tables (SQLite, PostgreSQL), so the merging itself (<see cref="IncidentMerging"/>) and its scoring
/// (<see cref="PairScorer"/>, <see cref="IncidentClusterer"/>) are one code for all of them.
/// </summary>
public interface IMergeTables
{
    /// <summary>
    /// For each of <paramref name="reports"/> (in order), the stored reports of its block (family, a window of days, place)
    /// that are in an incident and not of article <paramref name="articleId"/>. A provider may leave out reports it can
    /// prove score below the threshold, and the other reports of an incident once it returns one that reaches it (the
    /// caller asks only which incidents link); scoring is the caller's. One call for an article's reports, so a provider whose
    /// every statement is a round trip to a server can read them all at once.
    /// </summary>
    IReadOnlyList<IReadOnlyList<StoredReport>> Candidates(IReadOnlyList<MergeReport> reports, long articleId);

    /// <summary>Every report of these incidents.</summary>
    IReadOnlyList<StoredReport> ReportsOfIncidents(IReadOnlyCollection<long> incidents);

    /// <summary>
    /// The component of each of these incidents: a label (an incident id) that the incidents of one connected component of
    /// the "link at the threshold" graph share (<see cref="IncidentMerging.Recluster"/>). An incident without a label is
    /// its own component.
    /// </summary>
    IReadOnlyDictionary<long, long> ComponentsOf(IReadOnlyCollection<long> incidents);

    /// <summary>
    /// Every report of the incidents of these components, or null when they hold more than <paramref name="limit"/>
    /// reports: counted to one past the limit, not read, so a large component costs a bounded read.
    /// </summary>
    IReadOnlyList<StoredReport>? ReportsOfComponents(IReadOnlyCollection<long> components, int limit);

    /// <summary>Labels every incident of <paramref name="components"/>, and <paramref name="incidents"/>, with <paramref name="component"/>.</summary>
    void JoinComponents(IReadOnlyCollection<long> components, IReadOnlyCollection<long> incidents, long component);

    /// <summary>The incident of the report named <paramref name="reference"/> (null: unknown, or not merged yet).</summary>
    long? IncidentOfRef(string reference);

    /// <summary>The analysts' constraints that name any of <paramref name="refs"/>, each once, in a stable order.</summary>
    IReadOnlyList<MergeConstraint> ConstraintsOf(IReadOnlyCollection<string> refs);

    /// <summary>A new, empty incident's id.</summary>
    long NewIncident();

    /// <summary>Puts the report <paramref name="link"/> names into <paramref name="incidentId"/> with the link's partner, score and reasons.</summary>
    void Link(long incidentId, ReportLink link);

    void WriteFacts(long incidentId, IncidentFacts facts);

    /// <summary>Deletes the incident when no report is in it any more.</summary>
    void DeleteIfEmpty(long incidentId);
}

/// <summary>
/// The incremental merge (docs/merge.md): the new reports are re-clustered together with every stored incident one of
/// them links to at the threshold, and the groups are written back with their derived fields. Providers call it inside
/// the transaction that stores the article, so an article and its merging commit together.
/// </summary>
public static class IncidentMerging
{
    /// <summary>
    /// The most stored reports one re-clustering takes in: a component within it is re-clustered whole (its incidents do not
    /// depend on the order articles came in); past it only the incidents the new reports link to directly are, and the
    /// rest of the component stays as it is (there order may matter). Also the largest component the clusterer clusters at
    /// once; a larger one (one article of thousands of like events) is clustered in slices of this size
    /// (<see cref="IncidentClusterer"/>).
    /// </summary>
    public const int MaxComponentReports = 400;

    /// <summary>
    /// Re-clusters the new reports of article <paramref name="articleId"/> with their component: the stored incidents one of
    /// them links to at the threshold (found in its blocks), the incidents an analyst tied any of them to, and every
    /// incident that shares a component with those. Average linkage only joins groups that have a pair at the threshold,
    /// so each connected component of the "link at the threshold" graph clusters on its own; re-clustering the whole
    /// component an article touches keeps every component clustered as if all its reports had come at once, so the
    /// incidents do not depend on the order articles are stored in (FA-KES dev: 657 in input order and 656 newest first
    /// when only the incidents linked directly were re-clustered). The store keeps each incident's component
    /// (<see cref="IMergeTables.ComponentsOf"/>: the components an article links are joined as it is merged, so the label
    /// covers every link ever found), so the component is one read instead of a candidate search per stored report; a
    /// component of more than <see cref="MaxComponentReports"/> stored reports is not read: the direct incidents alone are
    /// re-clustered, so an article's merge costs its blocks and a bounded read, whatever the size of the store.
    /// </summary>
    public static void Recluster(IMergeTables tables, IReadOnlyList<MergeReport> fresh, long articleId, double threshold)
    {
        long t = MergeTrace.Start();
        var direct = new SortedSet<long>();
        var mergeable = fresh.Where(m => m.Family is not null).ToList();
        var candidates = tables.Candidates(mergeable, articleId);
        for (int i = 0; i < mergeable.Count; i++)
            foreach (var c in candidates[i])
                if (c.IncidentId > 0 && !direct.Contains(c.IncidentId) && PairScorer.Value(mergeable[i], c.Report) >= threshold) // the score alone: no reasons list per candidate
                    direct.Add(c.IncidentId);
        t = MergeTrace.Add("3-candidates", t, candidates.Sum(c => c.Count));
        foreach (var c in tables.ConstraintsOf([.. fresh.Select(m => m.Ref)]).Where(c => c.Kind == MergeConstraintKind.Together))
            foreach (var r in new[] { c.RefA, c.RefB })
                if (tables.IncidentOfRef(r) is { } id) direct.Add(id);
        t = MergeTrace.Add("4-constraints", t);
        var component = new List<StoredReport>();
        if (direct.Count > 0)
        {
            var components = tables.ComponentsOf(direct).Values.Distinct().Order().ToList();
            component.AddRange(tables.ReportsOfComponents(components, MaxComponentReports) ?? tables.ReportsOfIncidents(direct));
        }
        var inComponent = new HashSet<string>(component.Select(c => c.Report.Ref), StringComparer.Ordinal);
        foreach (var m in fresh)
            if (inComponent.Add(m.Ref)) component.Add(new StoredReport(m, 0, articleId));
        MergeTrace.Add("5-component-read", t, component.Count);
        if (direct.Count == 0) MergeTrace.Count("5-no-link", 1);
        WriteGroups(tables, component, threshold);
    }

    /// <summary>
    /// Labels a store's incidents with their components from scratch (a store written before components were kept):
    /// every report's candidates (its blocks) scored as <see cref="Recluster"/> scores them, and the analysts' "together"
    /// ties, joined by union-find. <paramref name="reports"/> is every stored report in an incident. No article is left out of
    /// the searches: reports of one article that link are one component, as the clusterer counts them.
    /// </summary>
    public static void BuildComponents(IMergeTables tables, IReadOnlyList<StoredReport> reports, double threshold)
    {
        var parent = new Dictionary<long, long>();
        long Find(long x)
        {
            while (parent.TryGetValue(x, out long p) && p != x) { parent[x] = parent.GetValueOrDefault(p, p); x = p; }
            return x;
        }
        void Union(long a, long b)
        {
            long ra = Find(a), rb = Find(b);
            if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
        foreach (var r in reports) parent.TryAdd(r.IncidentId, r.IncidentId);
        long t = MergeTrace.Start();
        foreach (var article in reports.Where(r => r.IncidentId > 0).GroupBy(r => r.ArticleId))
        {
            var list = article.Where(r => r.Report.Family is not null).ToList();
            var candidates = tables.Candidates([.. list.Select(r => r.Report)], 0);
            t = MergeTrace.Add("L1-candidates", t, list.Count);
            for (int i = 0; i < list.Count; i++)
                foreach (var c in candidates[i])
                    if (c.IncidentId > 0 && Find(c.IncidentId) != Find(list[i].IncidentId)
                        && PairScorer.Value(list[i].Report, c.Report) >= threshold)
                        Union(c.IncidentId, list[i].IncidentId);
            foreach (var c in tables.ConstraintsOf([.. article.Select(r => r.Report.Ref)]).Where(c => c.Kind == MergeConstraintKind.Together))
                if (tables.IncidentOfRef(c.RefA) is { } a && tables.IncidentOfRef(c.RefB) is { } b) Union(a, b);
            t = MergeTrace.Add("L2-score-constraints", t);
        }
        foreach (var g in parent.Keys.Where(i => i > 0).GroupBy(Find))
            tables.JoinComponents([], [.. g], g.Key);
        MergeTrace.Add("L3-join", t);
    }

    /// <summary>
    /// Clusters <paramref name="component"/> and writes the groups: each group keeps the smallest old incident id among its
    /// reports that no earlier group took, else gets a new one; old incidents left without reports are deleted. A group
    /// that is exactly an old incident is left as it is: its links and fields depend on its members alone. The incidents of
    /// each linked component the clusterer found join the components of the old incidents among them under one label (the
    /// smallest; a component of new reports alone: its first incident's id), so labels follow links, not articles.
    /// </summary>
    public static void WriteGroups(IMergeTables tables, IReadOnlyList<StoredReport> component, double threshold)
    {
        long t = MergeTrace.Start();
        var byRef = component.ToDictionary(c => c.Report.Ref, StringComparer.Ordinal);
        var constraints = tables.ConstraintsOf(byRef.Keys);
        t = MergeTrace.Add("6-constraints", t);
        var groups = IncidentClusterer.Cluster(component.Select(c => c.Report), constraints, threshold);
        t = MergeTrace.Add("7-cluster", t, groups.Count);
        // The component holds every report of each old incident it touches, so these are the incidents' sizes.
        var oldSize = component.Where(c => c.IncidentId > 0).GroupBy(c => c.IncidentId).ToDictionary(g => g.Key, g => g.Count());
        var used = new HashSet<long>();
        var labelOf = oldSize.Count > 0 ? tables.ComponentsOf(oldSize.Keys) : new Dictionary<long, long>();
        // Per linked component of the clusterer: its incidents, and the labels of the old incidents among its reports.
        var linked = new SortedDictionary<int, (List<long> Incidents, SortedSet<long> Labels)>();
        foreach (var g in groups)
        {
            var members = g.Members.Select(m => byRef[m.Ref]).ToList();
            if (!linked.TryGetValue(g.Component, out var part)) linked[g.Component] = part = ([], []);
            foreach (var m in members.Where(m => m.IncidentId > 0)) part.Labels.Add(labelOf.GetValueOrDefault(m.IncidentId, m.IncidentId));
            long first = members[0].IncidentId;
            if (first > 0 && members.All(m => m.IncidentId == first) && oldSize[first] == members.Count)
            {
                used.Add(first);
                part.Incidents.Add(first);
                continue;
            }
            long id = members.Select(m => m.IncidentId).Where(i => i > 0 && !used.Contains(i)).DefaultIfEmpty(0).Min();
            if (id == 0) id = tables.NewIncident();
            used.Add(id);
            part.Incidents.Add(id);
            foreach (var link in g.Members) tables.Link(id, link);
            tables.WriteFacts(id, IncidentFacts.Derive([.. members.Select(m => (m.Report, m.ArticleId))]));
        }
        foreach (var old in oldSize.Keys.Where(i => !used.Contains(i)))
            tables.DeleteIfEmpty(old);
        t = MergeTrace.Add("8-write-groups", t);
        // Two parts that hold one old label (a bounded re-clustering: linked through incidents it did not read) take one label.
        var root = new Dictionary<long, long>();
        long Find(long x) { while (root.TryGetValue(x, out long p) && p != x) x = p; return x; }
        foreach (var part in linked.Values)
            foreach (var label in part.Labels)
            {
                long a = Find(label), b = Find(part.Labels.Min);
                root[Math.Max(a, b)] = Math.Min(a, b);
            }
        foreach (var join in linked.Values.GroupBy(p => p.Labels.Count > 0 ? Find(p.Labels.Min) : p.Incidents[0]))
            // The label kept is not passed: its incidents carry it already, and a large component's are many.
            tables.JoinComponents([.. join.SelectMany(p => p.Labels).Distinct().Where(l => l != join.Key)], [.. join.SelectMany(p => p.Incidents)], join.Key);
        MergeTrace.Add("9-join", t);
    }

    /// <summary>
    /// The JSON a link's reasons are stored as (what <c>show</c> and the API print). A reason that rules the pair out (an
    /// infinite weight: reports of different kinds that an analyst's merge keeps together; the link then has no score)
    /// is written with weight 0 and says so, since JSON has no infinity.
    /// </summary>
    public static string ReasonsJson(ReportLink link) =>
        System.Text.Json.JsonSerializer.Serialize(link.Reasons.Select(r => double.IsFinite(r.Weight)
            ? new { feature = r.Feature, weight = r.Weight, detail = r.Detail }
            : new { feature = r.Feature, weight = 0.0, detail = r.Detail + ": no score, kept together by an analyst" }));
}
