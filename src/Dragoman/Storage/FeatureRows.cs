namespace Dragoman.Storage;

/// <summary>A result row read left to right, one cell per call; each store's reader (SQLite, PostgreSQL) implements it.</summary>
public interface IRowCells
{
    string Str();
    long Long();
    int Int();
    double Dbl();
    bool Bool();
    string? NStr();
    int? NInt();
    double? NDbl();
}

/// <summary>
/// The map feed's narrow event read, the same in every store: a map feature's fields (Dragoman.Export.EventFeature: id,
/// point, action, parties, place, time, modality, counts, sources, confidence, codes), not the evidence, trigger,
/// entity ids or PLOVER codes, which were most of the feed's read at 1M events (docs/benchmarks.md, "mapfeed15",
/// "pg1m17"). The counts are read only for an event that occurred. The article's title and date are not joined row by
/// row: <see cref="WithArticles"/> reads them once per article after the rows (5,000 features name about 2,000 articles).
/// The source chain and the fatalities are read as the writer stored them (schema 23), not parsed from the sources and
/// counts JSON, which were 1.8 of the 3.0 MB of 5,000 rows (docs/benchmarks.md, "pgfeed19", "mapfeed20"); a row stored
/// without them (NULL: only a hand-written insert) has its JSON read instead and derived as before.
/// </summary>
public static class FeatureRows
{
    /// <summary>The select list over <c>events e</c> alone, in the order <see cref="Read{T}"/> takes the cells.</summary>
    public const string Select =
        "e.article_id, e.event_id, e.ordinal, e.action, e.actor_text, e.actor_implied, e.target_text, " +
        "e.target_convention, e.place_text, e.place_name, e.lat, e.lon, e.country, e.admin1, e.place_precision, e.time_start, " +
        "e.time_end, e.time_precision, e.time_inherited, e.modality, e.occurred, " +
        "e.fatalities, CASE WHEN e.fatalities IS NULL AND e.occurred THEN e.counts END, e.source_chain, CASE WHEN e.source_chain IS NULL THEN e.sources END, " +
        "e.confidence, e.cameo, e.acled_type, e.main";

    /// <summary>A row of <see cref="Select"/> as an <see cref="EventRecord"/> with only a feature's fields filled (the hash is
    /// empty; the article's title and date come from <see cref="WithArticles"/>; the counts and sources JSON are empty
    /// unless the row lacks its stored fatalities or source chain).</summary>
    public static EventRecord Read<T>(ref T c) where T : struct, IRowCells => new()
    {
        ArticleId = c.Long(), ArticleHash = "",
        EventId = c.Str(), Ordinal = c.Int(), Action = c.Str(), Actor = c.NStr(), ActorImplied = c.Bool(), Target = c.NStr(),
        TargetConvention = c.Bool(), Place = c.NStr(), PlaceName = c.NStr(), Lat = c.NDbl(), Lon = c.NDbl(), Country = c.NStr(),
        Admin1 = c.NStr(), PlacePrecision = c.NStr(), TimeStart = c.NStr(),
        TimeEnd = c.NStr(), TimePrecision = c.NStr(), TimeInherited = c.Bool(), Modality = c.Str(), Occurred = c.Bool(),
        Fatalities = c.NInt(), CountsJson = c.NStr() ?? "[]", SourceChain = c.NStr(), SourcesJson = c.NStr() ?? "[]",
        Confidence = c.Dbl(), Cameo = c.NStr(), AcledType = c.NStr(), Main = c.Bool(),
    };

    /// <summary>The distinct article ids of <paramref name="rows"/>, in first-seen order: what <see cref="WithArticles"/> needs read.</summary>
    public static long[] ArticleIds(IReadOnlyList<EventRecord> rows)
    {
        var seen = new HashSet<long>();
        var ids = new List<long>();
        foreach (var e in rows)
            if (seen.Add(e.ArticleId)) ids.Add(e.ArticleId);
        return [.. ids];
    }

    /// <summary>
    /// <paramref name="rows"/> with each article's title and date of publication from <paramref name="articles"/> (id to
    /// title and date, read once per article); a row whose article is missing keeps neither, as a join would not list it.
    /// </summary>
    public static IReadOnlyList<EventRecord> WithArticles(IReadOnlyList<EventRecord> rows, IReadOnlyDictionary<long, (string? Title, string? Published)> articles)
    {
        var result = new List<EventRecord>(rows.Count);
        foreach (var e in rows)
            if (articles.TryGetValue(e.ArticleId, out var a)) result.Add(e with { ArticleTitle = a.Title, Published = a.Published });
        return result;
    }
}
