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

/// <summary>The events with coordinates as a GeoJSON FeatureCollection; <c>unlocated</c> counts the events left out for want of them.</summary>
public sealed record EventFeatureCollection(IReadOnlyList<EventFeature> Features, int Unlocated)
{
    [JsonPropertyOrder(-1)]
    public string Type => "FeatureCollection";
}

/// <summary>
/// Writes <see cref="EventFeatureCollection"/>'s JSON straight from the events, byte for byte what
/// <c>JsonSerializer.Serialize(EventJson.FeatureCollection(events), EventFeature.Json)</c> writes (a test compares them):
/// the map feed writes 5,000 features a request, and the feature records and the serializer's walk over them were a
/// third of its time (docs/benchmarks.md, "mapfeed15"). Names come from <see cref="EventFeature.Json"/>'s naming policy.
/// </summary>
public static class EventFeatureWriter
{
    private static JsonEncodedText Name(string member) =>
        JsonEncodedText.Encode(EventFeature.Json.PropertyNamingPolicy!.ConvertName(member), EventFeature.Json.Encoder);

    private static readonly JsonEncodedText TypeName = Name(nameof(EventFeature.Type)), IdName = Name(nameof(EventFeature.Id)),
        GeometryName = Name(nameof(EventFeature.Geometry)), PropertiesName = Name(nameof(EventFeature.Properties)),
        CoordinatesName = Name(nameof(PointGeometry.Coordinates)), FeaturesName = Name(nameof(EventFeatureCollection.Features)),
        UnlocatedName = Name(nameof(EventFeatureCollection.Unlocated));

    private static readonly JsonEncodedText ArticleName = Name(nameof(EventFeatureProperties.Article)), TitleName = Name(nameof(EventFeatureProperties.Title)),
        ActionName = Name(nameof(EventFeatureProperties.Action)), ActorName = Name(nameof(EventFeatureProperties.Actor)),
        ActorImpliedName = Name(nameof(EventFeatureProperties.ActorImplied)), TargetName = Name(nameof(EventFeatureProperties.Target)),
        TargetConventionName = Name(nameof(EventFeatureProperties.TargetConvention)), PlaceName = Name(nameof(EventFeatureProperties.Place)),
        CountryName = Name(nameof(EventFeatureProperties.Country)), Admin1Name = Name(nameof(EventFeatureProperties.Admin1)),
        PrecisionName = Name(nameof(EventFeatureProperties.Precision)), GeoPrecisionName = Name(nameof(EventFeatureProperties.GeoPrecision)),
        DateName = Name(nameof(EventFeatureProperties.Date)), TimeStartName = Name(nameof(EventFeatureProperties.TimeStart)),
        TimeEndName = Name(nameof(EventFeatureProperties.TimeEnd)), TimePrecisionName = Name(nameof(EventFeatureProperties.TimePrecision)),
        TimeInheritedName = Name(nameof(EventFeatureProperties.TimeInherited)), ModalityName = Name(nameof(EventFeatureProperties.Modality)),
        OccurredName = Name(nameof(EventFeatureProperties.Occurred)), ConfidenceName = Name(nameof(EventFeatureProperties.Confidence)),
        CameoName = Name(nameof(EventFeatureProperties.Cameo)), AcledEventTypeName = Name(nameof(EventFeatureProperties.AcledEventType)),
        FatalitiesName = Name(nameof(EventFeatureProperties.Fatalities)), SourcesName = Name(nameof(EventFeatureProperties.Sources));

    private static readonly JsonEncodedText FeatureCollectionType = JsonEncodedText.Encode("FeatureCollection"),
        FeatureType = JsonEncodedText.Encode("Feature"), PointType = JsonEncodedText.Encode("Point");

    /// <summary>The writer options <see cref="EventFeature.Json"/> gives the serializer (its encoder; compact).</summary>
    public static JsonWriterOptions WriterOptions => new() { Encoder = EventFeature.Json.Encoder };

    /// <summary>The FeatureCollection of <paramref name="events"/> as UTF-8 JSON.</summary>
    public static byte[] CollectionUtf8(IEnumerable<EventRecord> events)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions)) WriteCollection(w, events);
        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteCollection(Utf8JsonWriter w, IEnumerable<EventRecord> events)
    {
        w.WriteStartObject();
        w.WriteString(TypeName, FeatureCollectionType);
        w.WriteStartArray(FeaturesName);
        int unlocated = 0;
        foreach (var e in events)
            if (!Write(w, e)) unlocated++;
        w.WriteEndArray();
        w.WriteNumber(UnlocatedName, unlocated);
        w.WriteEndObject();
    }

    /// <summary>Writes the event's <see cref="EventFeature"/> (as <see cref="EventFeature.From"/> builds it); false, writing nothing, without coordinates.</summary>
    public static bool Write(Utf8JsonWriter w, EventRecord e)
    {
        if (e.Lat is not double lat || e.Lon is not double lon) return false;
        var key = e.Key;
        w.WriteStartObject();
        w.WriteString(TypeName, FeatureType);
        w.WriteString(IdName, key);
        w.WriteStartObject(GeometryName);
        w.WriteString(TypeName, PointType);
        w.WriteStartArray(CoordinatesName);
        w.WriteNumberValue(lon);
        w.WriteNumberValue(lat);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject(PropertiesName);
        w.WriteString(IdName, key);
        w.WriteString(ArticleName, StoreId.ArticleKey(e.ArticleId));
        w.WriteString(TitleName, e.ArticleTitle);
        w.WriteString(ActionName, e.Action);
        w.WriteString(ActorName, e.Actor);
        w.WriteBoolean(ActorImpliedName, e.ActorImplied);
        w.WriteString(TargetName, e.Target);
        w.WriteBoolean(TargetConventionName, e.TargetConvention);
        w.WriteString(PlaceName, e.PlaceName ?? e.Place);
        w.WriteString(CountryName, e.Country);
        w.WriteString(Admin1Name, e.Admin1);
        w.WriteString(PrecisionName, e.PlacePrecision);
        if (ExportFields.AcledGeoPrecision(e) is int geo) w.WriteNumber(GeoPrecisionName, geo);
        else w.WriteNull(GeoPrecisionName);
        w.WriteString(DateName, ExportFields.EventDate(e) is { } d ? ExportFields.Iso(d) : null);
        w.WriteString(TimeStartName, e.TimeStart);
        w.WriteString(TimeEndName, e.TimeEnd);
        w.WriteString(TimePrecisionName, e.TimePrecision);
        w.WriteBoolean(TimeInheritedName, e.TimeInherited);
        w.WriteString(ModalityName, e.Modality);
        w.WriteBoolean(OccurredName, e.Occurred);
        w.WriteNumber(ConfidenceName, e.Confidence);
        w.WriteString(CameoName, e.Cameo);
        w.WriteString(AcledEventTypeName, e.AcledType);
        w.WriteNumber(FatalitiesName, ExportFields.Fatalities(e));
        w.WriteString(SourcesName, ExportFields.SourceChain(e));
        w.WriteEndObject();
        w.WriteEndObject();
        return true;
    }
}
