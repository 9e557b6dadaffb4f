namespace Dragoman.Storage;

/// <summary>
/// The normalised columns of one event that a store writes and reads back alike (docs/storage.md): declared once here,
/// for the write side (<see cref="EventRow"/>, which adds what only querying needs) and the read side
/// (<see cref="EventRecord"/>, which adds the event's article). JSON columns hold the schema's arrays.
/// </summary>
public abstract record EventFields
{
    public required string EventId { get; init; }
    /// <summary>1-based position of the event in its article.</summary>
    public required int Ordinal { get; init; }
    public required string Action { get; init; }
    /// <summary>The trigger's text.</summary>
    public string? Trigger { get; init; }
    /// <summary>The actor argument's text, its entity id and actor code.</summary>
    public string? Actor { get; init; }
    public string? ActorEntity { get; init; }
    public string? ActorCode { get; init; }
    /// <summary>The text names no actor: <see cref="Actor"/> is the coder's category the event implies ("police" for an arrest), not a name.</summary>
    public bool ActorImplied { get; init; }
    /// <summary>The text names the target only generically ("two people"): <see cref="Target"/> is the coder's category from the convention (civilians, protesters, government; schema <c>target.name.from</c>), not the written words.</summary>
    public bool TargetConvention { get; init; }
    public string? Target { get; init; }
    public string? TargetEntity { get; init; }
    public string? TargetCode { get; init; }
    /// <summary>The place argument's text and entity id; the resolved place follows.</summary>
    public string? Place { get; init; }
    public string? PlaceEntity { get; init; }
    public string? PlaceName { get; init; }
    /// <summary>The resolved place's GeoNames id (or the supplement's id), when the place was resolved.</summary>
    public string? GeonameId { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public string? Country { get; init; }
    public string? Admin1 { get; init; }
    public string? PlacePrecision { get; init; }
    /// <summary>The place is the article's focus region, not a place the event's sentence names.</summary>
    public bool PlaceInherited { get; init; }
    public string? TimeText { get; init; }
    public string? TimeStart { get; init; }
    public string? TimeEnd { get; init; }
    public string? TimePrecision { get; init; }
    public bool TimeInherited { get; init; }
    public string CountsJson { get; init; } = "[]";
    public required string Modality { get; init; }
    public bool Occurred { get; init; }
    public string SourcesJson { get; init; } = "[]";
    public string EvidenceJson { get; init; } = "[]";
    public double Confidence { get; init; }
    /// <summary>The report's own news (salience model, models/events/README.md); lists show main events unless asked for all.</summary>
    public bool Main { get; init; } = true;
    /// <summary>Background: the event's own time lies before the report's time frame.</summary>
    public bool Historical { get; init; }
    public string? Cameo { get; init; }
    public string? PloverEvent { get; init; }
    public string? PloverMode { get; init; }
    public string? AcledType { get; init; }
    public string? AcledSubtype { get; init; }
    public int? QuadClass { get; init; }
    public double? Goldstein { get; init; }
}
