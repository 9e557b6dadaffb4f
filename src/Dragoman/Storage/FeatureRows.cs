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
/// "pg1m17"). The counts are read only for an event that occurred.
/// </summary>
public static class FeatureRows
{
    /// <summary>The select list over <c>events e JOIN articles a</c>, in the order <see cref="Read{T}"/> takes the cells.</summary>
    public const string Select =
        "e.article_id, a.title, a.published, e.event_id, e.ordinal, e.action, e.actor_text, e.actor_implied, e.target_text, " +
        "e.target_convention, e.place_text, e.place_name, e.lat, e.lon, e.country, e.admin1, e.place_precision, e.time_start, " +
        "e.time_end, e.time_precision, e.time_inherited, e.modality, e.occurred, CASE WHEN e.occurred THEN e.counts ELSE '[]' END, " +
        "e.sources, e.confidence, e.cameo, e.acled_type, e.main";

    /// <summary>A row of <see cref="Select"/> as an <see cref="EventRecord"/> with only a feature's fields filled (the hash is empty).</summary>
    public static EventRecord Read<T>(ref T c) where T : struct, IRowCells => new()
    {
        ArticleId = c.Long(), ArticleHash = "", ArticleTitle = c.NStr(), Published = c.NStr(),
        EventId = c.Str(), Ordinal = c.Int(), Action = c.Str(), Actor = c.NStr(), ActorImplied = c.Bool(), Target = c.NStr(),
        TargetConvention = c.Bool(), Place = c.NStr(), PlaceName = c.NStr(), Lat = c.NDbl(), Lon = c.NDbl(), Country = c.NStr(),
        Admin1 = c.NStr(), PlacePrecision = c.NStr(), TimeStart = c.NStr(),
        TimeEnd = c.NStr(), TimePrecision = c.NStr(), TimeInherited = c.Bool(), Modality = c.Str(), Occurred = c.Bool(), CountsJson = c.Str(),
        SourcesJson = c.Str(), Confidence = c.Dbl(), Cameo = c.NStr(), AcledType = c.NStr(), Main = c.Bool(),
    };
}
