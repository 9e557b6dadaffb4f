using System.Text.Json;
using System.Text.Json.Serialization;
using Dragoman.Storage;

namespace Dragoman.Export;

/// <summary>
/// The properties of an event's GeoJSON Feature (the geojson export and GET /api/events.geojson), typed: each member's
/// JSON type is its C# type's (string, integer, number, boolean; nullable ones may be null), names in snake_case.
/// docs/exports.md ("geojson") lists them with their meaning; a test table checks the written JSON against this type.
/// </summary>
/// <param name="Id">The event id users type: a12:ev3.</param>
/// <param name="Article">The article id: a12.</param>
/// <param name="Title">The article's title.</param>
/// <param name="Action">The event type (Dragoman's action).</param>
/// <param name="Actor">The actor argument's text.</param>
/// <param name="ActorImplied">The text names no actor: <c>actor</c> is the coder's category the event implies ("police" for an arrest), not a name.</param>
/// <param name="Target">The target argument's text; for a target the text names only generically, the coder's category (civilians).</param>
/// <param name="TargetConvention">The text names the target only generically ("two people"): <c>target</c> is the convention's category, not the written words.</param>
/// <param name="Place">The resolved place's name, else the place argument's text.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of the place's country.</param>
/// <param name="Admin1">The first-level division (province, governorate) the place lies in.</param>
/// <param name="Precision">exact, near, region or country: what the point stands for.</param>
/// <param name="GeoPrecision">ACLED geo_precision: 1 a town or site, 2 near a town or part of a region, 3 a region or country.</param>
/// <param name="Date">The date the event is filed under (yyyy-MM-dd): its time's start, else its article's publication date.</param>
/// <param name="TimeStart">The event's own time, first day (yyyy-MM-dd).</param>
/// <param name="TimeEnd">The event's own time, last day (yyyy-MM-dd).</param>
/// <param name="TimePrecision">day, week, month, season, year or unknown.</param>
/// <param name="TimeInherited">The time is the article's (on or shortly before publication), not one the text gives the event.</param>
/// <param name="Modality">asserted, claimed, denied, planned, threatened, ...: how the report presents the event.</param>
/// <param name="Occurred">The report says the event happened (not planned, threatened or denied).</param>
/// <param name="Confidence">0..1: how sure the extraction is of the event.</param>
/// <param name="Cameo">The CAMEO code, as text with its leading zero ("020").</param>
/// <param name="AcledEventType">The ACLED event type.</param>
/// <param name="Fatalities">ACLED's fatalities: the lowest figure of the first "killed" count of an event that occurred, else 0.</param>
/// <param name="Sources">The source chain, nearest first: "sources in Daraa &lt; Alsouria Net".</param>
public sealed record EventFeatureProperties(
    string Id, string Article, string? Title, string Action, string? Actor, bool ActorImplied, string? Target, bool TargetConvention, string? Place, string? Country,
    string? Admin1, string? Precision, int? GeoPrecision, string? Date, string? TimeStart, string? TimeEnd, string? TimePrecision,
    bool TimeInherited, string Modality, bool Occurred, double Confidence, string? Cameo, string? AcledEventType, int Fatalities,
    string Sources)
{
    public static EventFeatureProperties From(EventRecord e) => new(
        e.Key, StoreId.ArticleKey(e.ArticleId), e.ArticleTitle, e.Action, e.Actor, e.ActorImplied, e.Target, e.TargetConvention, e.PlaceName ?? e.Place, e.Country,
        e.Admin1, e.PlacePrecision, ExportFields.AcledGeoPrecision(e), ExportFields.EventDate(e) is { } d ? ExportFields.Iso(d) : null,
        e.TimeStart, e.TimeEnd, e.TimePrecision, e.TimeInherited, e.Modality, e.Occurred, e.Confidence, e.Cameo, e.AcledType,
        ExportFields.Fatalities(e), ExportFields.SourceChain(e));
}

/// <summary>A GeoJSON Point (RFC 7946): <c>coordinates</c> is [longitude, latitude] in WGS 84.</summary>
public sealed record PointGeometry(IReadOnlyList<double> Coordinates)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Point";
}

/// <summary>One event as a GeoJSON Feature: its id, its point, its <see cref="EventFeatureProperties"/>.</summary>
public sealed record EventFeature(string Id, PointGeometry Geometry, EventFeatureProperties Properties)
{
    [JsonPropertyOrder(-1)]
    public string Type => "Feature";

    /// <summary>The feature of an event with coordinates; null without.</summary>
    public static EventFeature? From(EventRecord e) =>
        e.Lat is double lat && e.Lon is double lon ? new EventFeature(e.Key, new PointGeometry([lon, lat]), EventFeatureProperties.From(e)) : null;

    /// <summary>snake_case names, nulls written, non-ASCII as is: the form the export and the API write.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}

/// <summary>
/// The events with coordinates as a GeoJSON FeatureCollection; <c>unlocated</c> counts the events left out for want of
/// them. <c>clusters</c> (a foreign member, written only when the map feed was asked for clusters and more events match
/// than its limit) replaces the features with counts per map cell: <c>features</c> is then empty.
/// </summary>
public sealed record EventFeatureCollection(IReadOnlyList<EventFeature> Features, int Unlocated,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Dragoman.Storage.EventCluster>? Clusters = null)
{
    [JsonPropertyOrder(-1)]
    public string Type => "FeatureCollection";
}
