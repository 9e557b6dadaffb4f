using Dragoman.Merge;
using static Dragoman.Tests.Merge.MergeFixtures;

namespace Dragoman.Tests.Merge;

/// <summary>
/// The incremental merge (<see cref="IncidentMerging.Recluster"/>, what both stores run per article) gives the same
/// incidents whatever order the articles come in: each connected component of the "link at the threshold" graph ends
/// clustered as if all its reports had come at once. Checked on random articles of one region and three days (names,
/// tolls, days, undated reports that name a day of the year, a neighbouring country and placeless reports drawn so that links chain across incidents and countries)
/// over an in-memory store.
/// </summary>
public sealed class MergeOrderTests
{
    private const int Day = 738333;

    /// <summary>The tables of a store in memory: blocking as <see cref="MergeBlocking"/> says, every article one report.</summary>
    private sealed class MemoryTables : IMergeTables
    {
        public readonly Dictionary<string, (MergeReport Report, long Incident, long Article)> Rows = new(StringComparer.Ordinal);
        private long _next;

        /// <summary>How many reports the candidate searches were run for.</summary>
        public int Searched;

        public IReadOnlyList<IReadOnlyList<StoredReport>> Candidates(IReadOnlyList<MergeReport> reports, long articleId)
        {
            Searched += reports.Count;
            return [.. reports.Select(m => (IReadOnlyList<StoredReport>)[.. Rows.Values
                .Where(r => r.Article != articleId && r.Incident > 0 && MergeBlocking.WhyApart(m, r.Report) is null)
                .Select(r => new StoredReport(r.Report, r.Incident, r.Article))])];
        }

        public IReadOnlyList<StoredReport> ReportsOfIncidents(IReadOnlyCollection<long> incidents) =>
            [.. Rows.Values.Where(r => incidents.Contains(r.Incident)).Select(r => new StoredReport(r.Report, r.Incident, r.Article))];

        /// <summary>Each incident's component label (none: its own).</summary>
        public readonly Dictionary<long, long> Labels = [];

        /// <summary>The stored reports each re-clustering read as a component (0 when the component was past the bound).</summary>
        public readonly List<int> ComponentReads = [];

        public IReadOnlyDictionary<long, long> ComponentsOf(IReadOnlyCollection<long> incidents) =>
            incidents.Distinct().ToDictionary(i => i, i => Labels.GetValueOrDefault(i, i));

        public IReadOnlyList<StoredReport>? ReportsOfComponents(IReadOnlyCollection<long> components, int limit)
        {
            var list = Rows.Values.Where(r => r.Incident > 0 && components.Contains(Labels.GetValueOrDefault(r.Incident, r.Incident)))
                .Select(r => new StoredReport(r.Report, r.Incident, r.Article)).ToList();
            ComponentReads.Add(list.Count > limit ? 0 : list.Count);
            return list.Count > limit ? null : list;
        }

        public void JoinComponents(IReadOnlyCollection<long> components, IReadOnlyCollection<long> incidents, long component)
        {
            foreach (var i in Rows.Values.Select(r => r.Incident).Where(i => i > 0).Distinct().ToList())
                if (components.Contains(Labels.GetValueOrDefault(i, i))) Labels[i] = component;
            foreach (var i in incidents) Labels[i] = component;
        }

        public long? IncidentOfRef(string reference) => Rows.TryGetValue(reference, out var r) && r.Incident > 0 ? r.Incident : null;

        public IReadOnlyList<MergeConstraint> ConstraintsOf(IReadOnlyCollection<string> refs) => [];

        public long NewIncident() => ++_next;

        public void Link(long incidentId, ReportLink link) => Rows[link.Ref] = Rows[link.Ref] with { Incident = incidentId };

        public void WriteFacts(long incidentId, IncidentFacts facts) { }

        public void DeleteIfEmpty(long incidentId) { }

        public string Partition() => string.Join(" | ", Rows.Values.GroupBy(r => r.Incident)
            .Select(g => string.Join(",", g.Select(r => r.Report.Ref).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));
    }

    /// <summary>Stores the articles one by one (an article: its reports), merging each as the stores do.</summary>
    private static string Ingest(IReadOnlyList<MergeReport[]> articles)
    {
        var tables = new MemoryTables();
        for (int i = 0; i < articles.Count; i++)
        {
            foreach (var m in articles[i]) tables.Rows[m.Ref] = (m, 0, i + 1);
            IncidentMerging.Recluster(tables, articles[i], i + 1, PairScorer.Threshold);
        }
        return tables.Partition();
    }

    /// <summary>The batch answer: the link graph's connected components, each clustered at once.</summary>
    private static string Batch(IReadOnlyList<MergeReport> reports)
    {
        var parent = Enumerable.Range(0, reports.Count).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        for (int i = 0; i < reports.Count; i++)
            for (int j = i + 1; j < reports.Count; j++)
                if (MergeBlocking.WhyApart(reports[i], reports[j]) is null && PairScorer.Value(reports[i], reports[j]) >= PairScorer.Threshold)
                    parent[Find(i)] = Find(j);
        return string.Join(" | ", Enumerable.Range(0, reports.Count).GroupBy(Find)
            .SelectMany(g => IncidentClusterer.Cluster(g.Select(i => reports[i])))
            .Select(g => string.Join(",", g.Members.Select(m => m.Ref))).Order(StringComparer.Ordinal));
    }

    /// <summary>A report placed only at country level (its centroid within reach of Odesa, another country).</summary>
    private static MergeReport Moldova(MergeReport r) => r with { PlaceName = "Moldova", Precision = "country", GeonameId = "country:MD", Lat = 47.0, Lon = 28.5, Country = "MD" };

    /// <summary>A report without any place or country (compared with every country's reports of its window).</summary>
    private static MergeReport Placeless(MergeReport r) => r with { PlaceName = null, Precision = null, GeonameId = null, Lat = null, Lon = null, Country = null };

    /// <summary>An undated report whose article names its day without a year (compared by country and day of the year).</summary>
    private static MergeReport Named(MergeReport r)
    {
        var d = DateOnly.FromDayNumber(r.DayLo!.Value);
        return r with { DayLo = null, DayHi = null, MonthDays = [MonthDays.Of(d.Month, d.Day)] };
    }

    /// <summary>Articles of one to three reports, in one region over three days: links chain across incidents and countries.</summary>
    private static List<MergeReport[]> RandomArticles(int seed, int count)
    {
        var rng = new Random(seed);
        Place[] places = [Kremenchuk, Odesa, Odesa];
        string[] names = ["amstor", "karlov", "nusra", "serhiivka", "zeid"];
        MergeReport Random(int a, int e)
        {
            var r = Report($"a{a:00}:ev{e}", places[rng.Next(places.Length)], Day + rng.Next(3), [.. names.Where(_ => rng.Next(3) == 0)],
                rng.Next(4) == 0 ? null : rng.Next(2, 40), rng.Next(3) == 0 ? "shelling" : "bombing");
            return rng.Next(7) switch { 0 => Moldova(r), 1 => Placeless(r), 2 => Named(r), _ => r };
        }
        return [.. Enumerable.Range(0, count).Select(a => Enumerable.Range(1, 1 + rng.Next(3)).Select(e => Random(a, e)).ToArray())];
    }

    [Theory]
    [InlineData(1, "a week of strikes in two cities, seed 1")]
    [InlineData(2, "seed 2")]
    [InlineData(3, "seed 3")]
    [InlineData(4, "seed 4")]
    public void Any_storage_order_gives_the_batch_incidents(int seed, string reason)
    {
        var articles = RandomArticles(seed, 16);
        string batch = Batch([.. articles.SelectMany(a => a)]);
        // The case must be able to fail: some incidents hold several reports and some reports stay apart.
        Assert.True(batch.Contains(',', StringComparison.Ordinal) && batch.Contains('|', StringComparison.Ordinal), $"{reason}: {batch}");
        var rng = new Random(seed);
        Assert.True(batch == Ingest(articles), $"{reason}, input order: {Ingest(articles)} against {batch}");
        for (int k = 0; k < 6; k++)
        {
            var shuffled = articles.OrderBy(_ => rng.Next()).ToList();
            Assert.True(batch == Ingest(shuffled), $"{reason}, shuffle {k}");
        }
    }

    /// <summary>The partition of the incidents by their component labels.</summary>
    private static string Components(MemoryTables tables) => string.Join(" | ", tables.Rows.Values.Where(r => r.Incident > 0)
        .GroupBy(r => tables.Labels.GetValueOrDefault(r.Incident, r.Incident))
        .Select(g => string.Join(",", g.Select(r => r.Report.Ref).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData(1, "seed 1")]
    [InlineData(2, "seed 2")]
    [InlineData(3, "seed 3")]
    public void The_component_is_read_not_searched_and_labels_built_afresh_equal_the_kept_ones(int seed, string reason)
    {
        var articles = RandomArticles(seed, 16);
        var kept = new MemoryTables();
        for (int i = 0; i < articles.Count; i++)
        {
            foreach (var m in articles[i]) kept.Rows[m.Ref] = (m, 0, i + 1);
            IncidentMerging.Recluster(kept, articles[i], i + 1, PairScorer.Threshold);
        }
        // One candidate search per new report: the stored reports of the component are read by their label, never searched.
        Assert.Equal(articles.Sum(a => a.Length), kept.Searched);
        // Some component holds more than one incident, so the labels say more than the incidents do.
        Assert.True(kept.Rows.Values.Where(r => r.Incident > 0).GroupBy(r => kept.Labels.GetValueOrDefault(r.Incident, r.Incident))
            .Any(g => g.Select(r => r.Incident).Distinct().Count() > 1), reason);
        // A store written before labels were kept, labelled from scratch (what opening it does), gets the same components.
        var fresh = new MemoryTables();
        foreach (var (key, row) in kept.Rows) fresh.Rows[key] = row;
        IncidentMerging.BuildComponents(fresh, [.. fresh.Rows.Values.Select(r => new StoredReport(r.Report, r.Incident, r.Article))], PairScorer.Threshold);
        Assert.Equal(Components(kept), Components(fresh));
    }

    [Theory]
    [InlineData(10, 11, "a small component is read whole: the incident linked and the ten others sharing its label")]
    [InlineData(IncidentMerging.MaxComponentReports - 1, IncidentMerging.MaxComponentReports, "a component at the bound is still read whole")]
    [InlineData(IncidentMerging.MaxComponentReports, 0, "one report past the bound: not read, the incident linked directly re-clustered alone")]
    public void A_component_past_the_bound_is_not_read(int others, int read, string reason)
    {
        var tables = new MemoryTables();
        // The incident the new report links to, and others of its component (far away: they link to nothing new).
        var linked = Report("s00:ev1", Odesa, Day, ["amstor"], 12, "bombing");
        tables.Rows[linked.Ref] = (linked, 1, 1);
        for (int i = 0; i < others; i++)
        {
            var far = Report($"s{i + 1:000}:ev1", Kremenchuk, Day + 100 + i, ["zeid"], 3, "shelling");
            tables.Rows[far.Ref] = (far, 2 + i, 2 + i);
            tables.Labels[2 + i] = 1;
        }
        var fresh = Report("n01:ev1", Odesa, Day, ["amstor"], 12, "bombing");
        tables.Rows[fresh.Ref] = (fresh, 0, 10_000);
        IncidentMerging.Recluster(tables, [fresh], 10_000, PairScorer.Threshold);
        Assert.True(tables.ComponentReads.SequenceEqual([read]), $"{reason}: read {string.Join(",", tables.ComponentReads)}");
        Assert.True(tables.Rows[fresh.Ref].Incident == 1, $"{reason}: the new report joins the incident it links to");
        Assert.True(tables.Rows.Values.Where(r => r.Report.Ref.StartsWith('s') && r.Report.Ref != linked.Ref).All(r => tables.Labels[r.Incident] == 1),
            $"{reason}: the others keep the component's label");
    }
}
