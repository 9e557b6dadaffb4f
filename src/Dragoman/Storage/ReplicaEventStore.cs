namespace Dragoman.Storage;

/// <summary>
/// A store whose writes go to the primary and whose reads go to a read replica (for example a PostgreSQL streaming
/// standby behind `serve --read-db`), so readers scale without loading the primary. A replica may lag: what was just
/// stored can take a moment to be listed. Disposes both.
/// </summary>
public sealed class ReplicaEventStore(IEventStore primary, IEventStore replica) : IEventStore
{
    public int SchemaVersion => primary.SchemaVersion;

    public IReadOnlyList<AddOutcome> Add(IReadOnlyList<StorableDocument> documents) => primary.Add(documents);

    public Result<IReadOnlyList<EventRecord>> QueryEvents(EventQuery query) => replica.QueryEvents(query);

    public Result<IReadOnlyList<SearchHit>> Search(string query, int limit = 20, int offset = 0) => replica.Search(query, limit, offset);

    public ArticleDetail? GetArticle(long articleId) => replica.GetArticle(articleId);

    public IReadOnlyList<ArticleSummary> FindByHashPrefix(string prefix, int limit = 2) => replica.FindByHashPrefix(prefix, limit);

    public EventDetail? GetEvent(long articleId, string? eventId, int? ordinal = null) => replica.GetEvent(articleId, eventId, ordinal);

    public StoreCounts Counts() => replica.Counts();

    public IReadOnlyList<ActorSummary> ListActors(string? query = null, int limit = 100, int offset = 0) => replica.ListActors(query, limit, offset);

    public IReadOnlyList<PlaceSummary> ListPlaces(string? query = null, int limit = 100, int offset = 0) => replica.ListPlaces(query, limit, offset);

    public void Dispose()
    {
        replica.Dispose();
        primary.Dispose();
    }
}
