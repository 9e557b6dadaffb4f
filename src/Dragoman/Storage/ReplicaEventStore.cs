using Dragoman.Merge;

namespace Dragoman.Storage;

/// <summary>
/// A store whose writes go to the primary and whose reads go to a read replica (for example a PostgreSQL streaming
/// standby behind `serve --read-db`), so readers scale without loading the primary. A replica may lag: what was just
/// stored can take a moment to be listed. Incidents likewise: listings from the replica, the analysts' decisions and
/// re-merging on the primary (both must keep incidents, as every provider does). Disposes both.
/// </summary>
public sealed class ReplicaEventStore(IEventStore primary, IEventStore replica) : IEventStore, IIncidentStore
{
    private IIncidentStore Writer => primary as IIncidentStore ?? throw new NotSupportedException("the primary store keeps no incidents");

    private IIncidentStore Reader => replica as IIncidentStore ?? throw new NotSupportedException("the replica store keeps no incidents");

    public int SchemaVersion => primary.SchemaVersion;

    public IReadOnlyList<AddOutcome> Add(IReadOnlyList<StorableDocument> documents) => primary.Add(documents);

    public IReadOnlyList<AddOutcome> Add(IReadOnlyList<StorableDocument> documents, CancellationToken cancel) => primary.Add(documents, cancel);

    public Result<IReadOnlyList<EventRecord>> QueryEvents(EventQuery query) => replica.QueryEvents(query);
    public Result<IReadOnlyList<EventRecord>> QueryFeatureEvents(EventQuery query) => replica.QueryFeatureEvents(query);

    public Result<int> CountEvents(EventQuery query, int atMost) => replica.CountEvents(query, atMost);

    public IReadOnlyList<CellCount>? LocatedCells(bool all, BoundingBox? box) => replica.LocatedCells(all, box);

    public Result<IReadOnlyList<(double Lat, double Lon)>> QueryPoints(EventQuery query) => replica.QueryPoints(query);

    public IEnumerable<EventRecord> StreamEvents(EventQuery query, int? max = null) => replica.StreamEvents(query, max);

    public Result<IReadOnlyList<SearchHit>> Search(string query, int limit = 20, int offset = 0) => replica.Search(query, limit, offset);

    public ArticleDetail? GetArticle(long articleId) => replica.GetArticle(articleId);

    public IReadOnlyList<ArticleSummary> FindByHashPrefix(string prefix, int limit = 2) => replica.FindByHashPrefix(prefix, limit);

    public EventDetail? GetEvent(long articleId, string? eventId, int? ordinal = null) => replica.GetEvent(articleId, eventId, ordinal);

    public StoreCounts Counts() => replica.Counts();

    public IReadOnlyList<ActorSummary> ListActors(string? query = null, int limit = 100, int offset = 0) => replica.ListActors(query, limit, offset);

    public IReadOnlyList<PlaceSummary> ListPlaces(string? query = null, int limit = 100, int offset = 0) => replica.ListPlaces(query, limit, offset);

    public bool MergeOnAdd { get => Writer.MergeOnAdd; set => Writer.MergeOnAdd = value; }

    public double MergeThreshold { get => Writer.MergeThreshold; set => Writer.MergeThreshold = value; }

    public IReadOnlyList<IncidentSummary> ListIncidents(IncidentQuery query) => Reader.ListIncidents(query);

    public IncidentSummary? GetIncident(long incidentId) => Reader.GetIncident(incidentId);

    public IReadOnlyList<IncidentReport> ReportsOf(long incidentId) => Reader.ReportsOf(incidentId);

    public long? IncidentOf(long articleId, string eventId) => Reader.IncidentOf(articleId, eventId);

    public IReadOnlyList<EventRecord> ReportEvents(long incidentId) => Reader.ReportEvents(incidentId);

    public IReadOnlyDictionary<string, long> IncidentsOfArticle(long articleId) => Reader.IncidentsOfArticle(articleId);

    public IReadOnlyDictionary<long, IReadOnlyList<EventRecord>> ReportEventsOfEach(IReadOnlyCollection<long> incidentIds) => Reader.ReportEventsOfEach(incidentIds);

    public IReadOnlyDictionary<long, IReadOnlyList<IncidentReport>> ReportsOfEach(IReadOnlyCollection<long> incidentIds) => Reader.ReportsOfEach(incidentIds);

    public IReadOnlyDictionary<long, IReadOnlyDictionary<string, long>> IncidentsOfEachArticle(IReadOnlyCollection<long> articleIds) => Reader.IncidentsOfEachArticle(articleIds);

    public Result<long> MergeIncidents(long incidentId, long other, string? note = null) => Writer.MergeIncidents(incidentId, other, note);

    public Result<long> SplitReport(long incidentId, long articleId, string eventId, string? note = null) => Writer.SplitReport(incidentId, articleId, eventId, note);

    public int Remerge(bool newestFirst = false) => Writer.Remerge(newestFirst);

    public IReadOnlyList<MergeAuditEntry> Audit() => Reader.Audit();

    public void Dispose()
    {
        replica.Dispose();
        primary.Dispose();
    }
}
