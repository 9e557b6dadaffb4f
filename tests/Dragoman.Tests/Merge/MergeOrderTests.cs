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

        public IReadOnlyList<IReadOnlyList<StoredReport>> Candidates(IReadOnlyList<MergeReport> reports, long articleId) =>
            [.. reports.Select(m => (IReadOnlyList<StoredReport>)[.. Rows.Values
                .Where(r => r.Article != articleId && r.Incident > 0 && MergeBlocking.WhyApart(m, r.Report) is null)
                .Select(r => new StoredReport(r.Report, r.Incident, r.Article))])];

        public IReadOnlyList<StoredReport> ReportsOfIncidents(IReadOnlyCollection<long> incidents) =>
            [.. Rows.Values.Where(r => incidents.Contains(r.Incident)).Select(r => new StoredReport(r.Report, r.Incident, r.Article))];

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
}
