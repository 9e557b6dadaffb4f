namespace Dragoman.Storage;

/// <summary>
/// The event store: articles (once each, by content hash), their entities, places, times and events,
/// full-text search over articles and a spatial index over event places. Providers: SQLite
/// (Dragoman.Storage.Sqlite); every provider passes the same contract tests (tests/Dragoman.Tests/Storage).
/// One writer at a time: <see cref="Add"/> is not to be called concurrently; reads may run beside it.
/// Untrusted query text (FTS queries) yields a failed <see cref="Result{T}"/> with a clear message, never an exception.
/// </summary>
public interface IEventStore : IDisposable
{
    /// <summary>The schema version the store is at (after migrations).</summary>
    int SchemaVersion { get; }

    /// <summary>
    /// Stores a batch in one transaction. A document whose hash is already stored is a duplicate and changes nothing;
    /// a document that cannot be stored is reported as failed and the others are still stored.
    /// </summary>
    IReadOnlyList<AddOutcome> Add(IReadOnlyList<StorableDocument> documents);

    /// <summary>
    /// <see cref="Add(IReadOnlyList{StorableDocument})"/> that stops between documents once <paramref name="cancel"/> is
    /// cancelled: the documents handled so far are committed and their outcomes returned (a prefix of
    /// <paramref name="documents"/>, possibly empty); the rest were not stored. By default the whole batch is stored.
    /// </summary>
    IReadOnlyList<AddOutcome> Add(IReadOnlyList<StorableDocument> documents, CancellationToken cancel) => Add(documents);

    Result<IReadOnlyList<EventRecord>> QueryEvents(EventQuery query);

    /// <summary>
    /// The events of <see cref="QueryEvents"/> (same filters, same order) with at least the fields a map feature shows
    /// (Dragoman.Export.EventFeature); a provider may leave the others empty (evidence, trigger, entity ids, hash): the
    /// map feed reads thousands of rows at once. By default the full listing.
    /// </summary>
    Result<IReadOnlyList<EventRecord>> QueryFeatureEvents(EventQuery query) => QueryEvents(query);

    /// <summary>
    /// The kept counts of located events per base cell of the map grid (<see cref="EventCells"/>) that
    /// <paramref name="box"/> touches (every cell without one): main events, or every event with <paramref name="all"/>.
    /// Null where the provider keeps none (the feed then counts and reads the events).
    /// </summary>
    IReadOnlyList<CellCount>? LocatedCells(bool all, BoundingBox? box) => null;

    /// <summary>
    /// The points of the located events among the first <c>Limit</c> events <paramref name="query"/> lists (same filters,
    /// same order): what clustering a filtered map feed needs of each. By default read from the feed's rows.
    /// </summary>
    Result<IReadOnlyList<(double Lat, double Lon)>> QueryPoints(EventQuery query)
    {
        var rows = QueryFeatureEvents(query);
        if (!rows.IsOk) return Result<IReadOnlyList<(double, double)>>.Fail(rows.Error!);
        return Result<IReadOnlyList<(double, double)>>.Ok([.. rows.Value!.Where(e => e.Lat is not null && e.Lon is not null).Select(e => (e.Lat!.Value, e.Lon!.Value))]);
    }

    /// <summary>
    /// Every event <paramref name="query"/> matches from its offset or cursor on, in the listing's order, at most
    /// <paramref name="max"/>, read as the caller consumes them (the exports): memory stays bounded whatever the count.
    /// By default page after page through <see cref="QueryEvents"/> (<see cref="EventPaging"/>); a provider whose keyset
    /// pages re-read the table overrides it with one streamed query. A filter that cannot run is an
    /// <see cref="InvalidOperationException"/> with the reason.
    /// </summary>
    IEnumerable<EventRecord> StreamEvents(EventQuery query, int? max = null) => EventPaging.Pages(this, query, max);

    /// <summary>
    /// How many events <paramref name="query"/> lists from its cursor on (its limit and offset ignored), counting no
    /// further than <paramref name="atMost"/>: an exact total at a million events is a walk over all of them, so callers
    /// say "at least" when the count reaches the bound. By default the listing itself, bounded; providers count in SQL.
    /// </summary>
    Result<int> CountEvents(EventQuery query, int atMost)
    {
        var page = QueryEvents(query with { Limit = Math.Max(0, atMost), Offset = 0 });
        return page.IsOk ? Result<int>.Ok(page.Value!.Count) : Result<int>.Fail(page.Error!);
    }

    Result<IReadOnlyList<SearchHit>> Search(string query, int limit = 20, int offset = 0);

    ArticleDetail? GetArticle(long articleId);

    /// <summary>Articles whose hash starts with <paramref name="prefix"/> (lower-case hex), at most <paramref name="limit"/>.</summary>
    IReadOnlyList<ArticleSummary> FindByHashPrefix(string prefix, int limit = 2);

    /// <summary>The event with id <paramref name="eventId"/> ("ev3"), or at 1-based position <paramref name="ordinal"/>, in an article.</summary>
    EventDetail? GetEvent(long articleId, string? eventId, int? ordinal = null);

    StoreCounts Counts();

    /// <summary>
    /// Persons, organisations and groups across articles, grouped by name (case-insensitive): how many articles name
    /// them and how many events they are the actor of; most active first. <paramref name="query"/> filters by name or code.
    /// </summary>
    IReadOnlyList<ActorSummary> ListActors(string? query = null, int limit = 100, int offset = 0);

    /// <summary>Resolved places across articles, grouped by gazetteer id (else name): articles and events there; busiest first.</summary>
    IReadOnlyList<PlaceSummary> ListPlaces(string? query = null, int limit = 100, int offset = 0);
}

/// <summary>Reading every event of a query in pages of <see cref="PageSize"/>, each after the last event of the one before.</summary>
public static class EventPaging
{
    public const int PageSize = 5000;

    /// <summary>
    /// The query's own offset (or cursor) is where the first page starts; each next page starts after the last event of
    /// the one before (keyset paging: no page re-reads the ones before it where the store's order is indexed).
    /// </summary>
    public static IEnumerable<EventRecord> Pages(IEventStore store, EventQuery query, int? max = null)
    {
        int yielded = 0;
        var next = query;
        while (true)
        {
            int want = max is int m ? Math.Min(PageSize, m - yielded) : PageSize;
            if (want <= 0) yield break;
            var result = store.QueryEvents(next with { Limit = want });
            if (!result.IsOk) throw new InvalidOperationException(result.Error);
            var rows = result.Value!;
            foreach (var r in rows) { yield return r; yielded++; }
            if (rows.Count < want) yield break;
            next = query with { Offset = 0, After = EventCursor.Of(rows[^1]) };
        }
    }
}
