using System.Text.Json;
using Dragoman.Export;
using Dragoman.Merge;
using Dragoman.Storage;
using static Dragoman.Tests.Merge.MergeFixtures;

namespace Dragoman.Tests.Merge;

/// <summary>
/// The batched incident reads the exports use (one query for a page of incidents or a chunk of events) give what one read
/// per incident or article gives, and the exports written through them are byte for byte those written one read at a time.
/// </summary>
public abstract class BatchedReadsContract<TStores> : StoreContract<TStores> where TStores : ITestStores, new()
{
    private const long Unknown = 999_999;

    /// <summary>Two strikes of several reports each, and one reported once.</summary>
    private IIncidentStore Filled()
    {
        var (events, incidents) = NewStore();
        events.Add([.. TwoStrikes(), Strike("Wire One", Ankara, StrikeDay.AddDays(30), 2, "Kizilay")]);
        return incidents;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);

    [SkippableTheory]
    [InlineData("report events", "each incident's stored events, in report order")]
    [InlineData("reports", "each incident's reports with their links and scores, in report order")]
    [InlineData("incidents of articles", "each article's events mapped to their incidents")]
    public void A_batched_read_gives_what_one_read_per_id_gives(string read, string reason)
    {
        var store = Filled();
        var incidents = store.ListIncidents(new IncidentQuery { All = true, Limit = 1000 }).Select(i => i.Id).ToList();
        Assert.Equal(3, incidents.Count);
        var articles = incidents.SelectMany(i => store.ReportsOf(i)).Select(r => r.ArticleId).Distinct().ToList();
        Assert.True(articles.Count >= 4, "the corpus has several articles");
        var (expected, batched) = read switch
        {
            "report events" => (Json(incidents.Append(Unknown).ToDictionary(i => i, store.ReportEvents)), Json(store.ReportEventsOfEach([.. incidents, Unknown, incidents[0]]))),
            "reports" => (Json(incidents.Append(Unknown).ToDictionary(i => i, store.ReportsOf)), Json(store.ReportsOfEach([.. incidents, Unknown, incidents[0]]))),
            _ => (Json(articles.Append(Unknown).ToDictionary(a => a, store.IncidentsOfArticle)), Json(store.IncidentsOfEachArticle([.. articles, Unknown, articles[0]]))),
        };
        Assert.True(Sorted(expected) == Sorted(batched), $"{read} ({reason}):\none by one: {expected}\nbatched:    {batched}");
    }

    /// <summary>The JSON of a dictionary with its keys in order (a dictionary's own order is not part of the contract).</summary>
    private static string Sorted(string json) =>
        string.Join(",", JsonDocument.Parse(json).RootElement.EnumerateObject().OrderBy(p => long.Parse(p.Name, System.Globalization.CultureInfo.InvariantCulture)).Select(p => p.Name + ":" + p.Value.GetRawText()));

    [SkippableTheory]
    [InlineData("acled-csv", 0, "incidents: a page's reports read together")]
    [InlineData("gdelt-tsv", 0, "incidents: the GDELT table")]
    [InlineData("jsonl", 1, "events with their incident, one article's lookup per chunk of one event")]
    [InlineData("jsonl", 1000, "events with their incident, every article of the export in one lookup")]
    public async Task An_export_through_batched_reads_is_the_export_read_one_by_one(string format, int chunk, string reason)
    {
        var store = Filled();
        var oneByOne = new CountingReads(store, batched: false);
        Assert.Equal(await Export(oneByOne, format, chunk, batched: false), await Export(store, format, chunk, batched: true));
        Assert.True((await Export(store, format, chunk, batched: true)).Length > 200, $"{reason}: the export holds rows");
    }

    [SkippableTheory]
    [InlineData(3, 1, "a page of incidents (the API's listing): one read of their reports' events")]
    [InlineData(2500, 3, "a listing longer than a chunk (the CLI's --no-limit): one read per 1,000 incidents")]
    public void The_incident_listing_reads_its_reports_per_chunk_not_per_incident(int repeat, int reads, string reason)
    {
        var store = Filled();
        var page = store.ListIncidents(new IncidentQuery { All = true, Limit = 1000 });
        // the same incidents listed again and again stand for a long listing
        var list = Enumerable.Range(0, repeat).Select(k => page[k % page.Count]).ToList();
        var counting = new CountingReads(store);
        var items = IncidentViews.Items(counting, list);
        Assert.Equal(Json(list.Select(i => IncidentViews.Item(i, store.ReportEvents(i.Id)))), Json(items));
        Assert.True(counting.OneByOne == 0 && counting.Batched == reads, $"{reason}: {counting.OneByOne} reads of one incident, {counting.Batched} batched reads");
    }

    private static async Task<string> Export(IIncidentStore incidents, string format, int chunk, bool batched)
    {
        using var output = new MemoryStream();
        if (format == "jsonl")
        {
            var store = (IEventStore)(incidents is CountingReads o ? o.Inner : incidents);
            var events = EventExporters.Enumerate(store, new EventQuery { Limit = int.MaxValue });
            if (batched)
            {
                var lookup = new EventIncidents(incidents, chunk);
                await new JsonLinesExporter { IncidentOf = lookup.Of }.WriteAsync(lookup.Prefetch(events), output);
            }
            else await new JsonLinesExporter { IncidentOf = e => incidents.IncidentOf(e.ArticleId, e.EventId) }.WriteAsync(events, output);
        }
        else
        {
            var rows = IncidentExporters.Enumerate(incidents, new IncidentQuery { Limit = int.MaxValue });
            await IncidentExporters.Find(format)!.WriteAsync(rows, output);
        }
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }
}

/// <summary>
/// A store's incidents, counting the reads of report events one incident at a time and in batches. Without
/// <paramref name="batched"/> it reads one id at a time as the interface's defaults do (its other batched reads are those defaults).
/// </summary>
internal sealed class CountingReads(IIncidentStore inner, bool batched = true) : IIncidentStore
{
    public IIncidentStore Inner => inner;
    public int OneByOne { get; private set; }
    public int Batched { get; private set; }
    public bool MergeOnAdd { get => inner.MergeOnAdd; set => inner.MergeOnAdd = value; }
    public double MergeThreshold { get => inner.MergeThreshold; set => inner.MergeThreshold = value; }
    public IReadOnlyList<IncidentSummary> ListIncidents(IncidentQuery query) => inner.ListIncidents(query);
    public IncidentSummary? GetIncident(long incidentId) => inner.GetIncident(incidentId);
    public IReadOnlyList<IncidentReport> ReportsOf(long incidentId) => inner.ReportsOf(incidentId);
    public long? IncidentOf(long articleId, string eventId) => inner.IncidentOf(articleId, eventId);
    public IReadOnlyList<EventRecord> ReportEvents(long incidentId) { OneByOne++; return inner.ReportEvents(incidentId); }
    public IReadOnlyDictionary<long, IReadOnlyList<EventRecord>> ReportEventsOfEach(IReadOnlyCollection<long> incidentIds)
    {
        Batched++;
        return batched ? inner.ReportEventsOfEach(incidentIds) : incidentIds.Distinct().ToDictionary(id => id, ReportEvents);
    }
    public IReadOnlyDictionary<string, long> IncidentsOfArticle(long articleId) => inner.IncidentsOfArticle(articleId);
    public Result<long> MergeIncidents(long incidentId, long other, string? note = null) => inner.MergeIncidents(incidentId, other, note);
    public Result<long> SplitReport(long incidentId, long articleId, string eventId, string? note = null) => inner.SplitReport(incidentId, articleId, eventId, note);
    public int Remerge(bool newestFirst = false) => inner.Remerge(newestFirst);
    public IReadOnlyList<MergeAuditEntry> Audit() => inner.Audit();
}

public sealed class SqliteBatchedReadsTests : BatchedReadsContract<SqliteStores>;

public sealed class PostgresBatchedReadsTests : BatchedReadsContract<PostgresStores>;
