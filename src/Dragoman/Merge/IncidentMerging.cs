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
    /// The most reports one re-clustering takes in: past it the closure below stops growing (each stored report read is
    /// a store read and a candidate search), and the result may then depend on the order articles came in. Also the
    /// largest component the clusterer clusters at once; a larger one (one article of thousands of like events) is
    /// clustered in slices of this size (<see cref="IncidentClusterer"/>).
    /// </summary>
    public const int MaxComponentReports = 400;

    /// <summary>
    /// Re-clusters the new reports of article <paramref name="articleId"/> with their whole component: every stored
    /// incident one of them links to at the threshold, the incidents those incidents' reports link to, and so on, and
    /// the incidents an analyst tied any of them to. Average linkage only joins groups that have a pair at the threshold,
    /// so each connected component of the "link at the threshold" graph clusters on its own; re-clustering the whole
    /// component an article touches keeps every component clustered as if all its reports had come at once, so the
    /// incidents do not depend on the order articles are stored in (FA-KES dev: 657 in input order and 656 newest first
    /// when only the incidents linked directly were re-clustered).
    /// </summary>
    public static void Recluster(IMergeTables tables, IReadOnlyList<MergeReport> fresh, long articleId, double threshold)
    {
        var touched = new SortedSet<long>();
        var component = new List<StoredReport>();
        var inComponent = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<MergeReport> frontier = fresh;
        while (frontier.Count > 0)
        {
            var found = new SortedSet<long>();
            var mergeable = frontier.Where(m => m.Family is not null).ToList();
            var candidates = tables.Candidates(mergeable, articleId);
            for (int i = 0; i < mergeable.Count; i++)
                foreach (var c in candidates[i])
                    if (c.IncidentId > 0 && !touched.Contains(c.IncidentId) && PairScorer.Value(mergeable[i], c.Report) >= threshold) // the score alone: no reasons list per candidate
                        found.Add(c.IncidentId);
            foreach (var c in tables.ConstraintsOf([.. frontier.Select(m => m.Ref)]).Where(c => c.Kind == MergeConstraintKind.Together))
                foreach (var r in new[] { c.RefA, c.RefB })
                    if (tables.IncidentOfRef(r) is { } id && !touched.Contains(id)) found.Add(id);
            if (found.Count == 0) break;
            touched.UnionWith(found);
            var added = tables.ReportsOfIncidents(found).Where(c => inComponent.Add(c.Report.Ref)).ToList();
            component.AddRange(added);
            // The reports just taken in are searched in turn, until nothing new links or the component is as large as allowed.
            frontier = component.Count >= MaxComponentReports ? [] : [.. added.Select(c => c.Report)];
        }
        foreach (var m in fresh)
            if (inComponent.Add(m.Ref)) component.Add(new StoredReport(m, 0, articleId));
        WriteGroups(tables, component, threshold);
    }

    /// <summary>
    /// Clusters <paramref name="component"/> and writes the groups: each group keeps the smallest old incident id among its
    /// reports that no earlier group took, else gets a new one; old incidents left without reports are deleted. A group
    /// that is exactly an old incident is left as it is: its links and fields depend on its members alone.
    /// </summary>
    public static void WriteGroups(IMergeTables tables, IReadOnlyList<StoredReport> component, double threshold)
    {
        var byRef = component.ToDictionary(c => c.Report.Ref, StringComparer.Ordinal);
        var constraints = tables.ConstraintsOf(byRef.Keys);
        var groups = IncidentClusterer.Cluster(component.Select(c => c.Report), constraints, threshold);
        // The component holds every report of each old incident it touches, so these are the incidents' sizes.
        var oldSize = component.Where(c => c.IncidentId > 0).GroupBy(c => c.IncidentId).ToDictionary(g => g.Key, g => g.Count());
        var used = new HashSet<long>();
        foreach (var g in groups)
        {
            var members = g.Members.Select(m => byRef[m.Ref]).ToList();
            long first = members[0].IncidentId;
            if (first > 0 && members.All(m => m.IncidentId == first) && oldSize[first] == members.Count)
            {
                used.Add(first);
                continue;
            }
            long id = members.Select(m => m.IncidentId).Where(i => i > 0 && !used.Contains(i)).DefaultIfEmpty(0).Min();
            if (id == 0) id = tables.NewIncident();
            used.Add(id);
            foreach (var link in g.Members) tables.Link(id, link);
            tables.WriteFacts(id, IncidentFacts.Derive([.. members.Select(m => (m.Report, m.ArticleId))]));
        }
        foreach (var old in oldSize.Keys.Where(i => !used.Contains(i)))
            tables.DeleteIfEmpty(old);
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
