namespace Dragoman.Storage;

/// <summary>
/// The whole event read, the same in every store: the article's columns (id, hash, title, published, uri) and then
/// the event's field columns in the order each store's <c>EventFieldColumns</c> lists them (the same names in both
/// stores; a test holds them equal). One reader so that a column added to the stores is read in one place.
/// </summary>
public static class EventRows
{
    /// <summary>The article columns that precede the event's field columns in a store's event select.</summary>
    public const string ArticleSelect = "e.article_id, a.hash, a.title, a.published, a.uri";

    /// <summary>A row of a store's event select as an <see cref="EventRecord"/>.</summary>
    public static EventRecord Read<T>(ref T c) where T : struct, IRowCells => new()
    {
        ArticleId = c.Long(), ArticleHash = c.Str(), ArticleTitle = c.NStr(), Published = c.NStr(), ArticleUri = c.NStr(),
        EventId = c.Str(), Ordinal = c.Int(), Action = c.Str(), Trigger = c.NStr(),
        Actor = c.NStr(), ActorEntity = c.NStr(), ActorCode = c.NStr(),
        Target = c.NStr(), TargetEntity = c.NStr(), TargetCode = c.NStr(),
        Place = c.NStr(), PlaceEntity = c.NStr(), PlaceName = c.NStr(),
        GeonameId = c.NStr(), Lat = c.NDbl(), Lon = c.NDbl(), Country = c.NStr(),
        Admin1 = c.NStr(), PlacePrecision = c.NStr(), PlaceInherited = c.Bool(),
        TimeText = c.NStr(), TimeStart = c.NStr(), TimeEnd = c.NStr(),
        TimePrecision = c.NStr(), TimeInherited = c.Bool(),
        CountsJson = c.Str(), Modality = c.Str(), Occurred = c.Bool(),
        SourcesJson = c.Str(), EvidenceJson = c.Str(), Confidence = c.Dbl(),
        Cameo = c.NStr(), PloverEvent = c.NStr(), PloverMode = c.NStr(),
        AcledType = c.NStr(), AcledSubtype = c.NStr(), QuadClass = c.NInt(),
        Goldstein = c.NDbl(), Main = c.Bool(), Historical = c.Bool(),
        ActorImplied = c.Bool(), TargetConvention = c.Bool(),
    };
}
