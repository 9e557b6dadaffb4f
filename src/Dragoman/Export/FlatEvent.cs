using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Dragoman.Storage;

namespace Dragoman.Export;

/// <summary>
/// The flat form of a stored event as a type (JSON Lines export, `events --format json`, the API's lists): the web
/// API's OpenAPI document describes this type, so what it serves and what it documents cannot drift apart.
/// </summary>
public sealed record FlatEvent(
    [property: JsonPropertyName("id"), Description("The event's id: a12:ev3 (article a12, event ev3).")] string Id,
    [property: JsonPropertyName("article")] string Article,
    [property: JsonPropertyName("article_hash")] string ArticleHash,
    [property: JsonPropertyName("article_title")] string? ArticleTitle,
    [property: JsonPropertyName("article_uri")] string? ArticleUri,
    [property: JsonPropertyName("published"), Description("The article's publication date, YYYY-MM-DD when known.")] string? Published,
    [property: JsonPropertyName("event"), Description("The event's id within its article (ev3).")] string Event,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("trigger")] string? Trigger,
    [property: JsonPropertyName("actor")] FlatEvent.Participant Actor,
    [property: JsonPropertyName("target")] FlatEvent.Participant Target,
    [property: JsonPropertyName("place")] FlatEvent.Location Place,
    [property: JsonPropertyName("time")] FlatEvent.When Time,
    [property: JsonPropertyName("counts"), Description("Counts of people or things, with their evidence spans (the public schema's counts).")] JsonArray? Counts,
    [property: JsonPropertyName("modality")] string Modality,
    [property: JsonPropertyName("occurred")] bool Occurred,
    [property: JsonPropertyName("sources"), Description("The source chain, reporter first (the public schema's sources).")] JsonArray? Sources,
    [property: JsonPropertyName("evidence"), Description("Spans into the article's text behind each field.")] JsonArray? Evidence,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("codes")] FlatEvent.Coding Codes)
{
    public sealed record Participant(
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("entity")] string? Entity,
        [property: JsonPropertyName("code")] string? Code,
        [property: JsonPropertyName("implied"), Description("True when the text names no such party and the text is the coder's category the event implies (\"police\" for an arrest, \"unidentified armed group\" for a use of force): a coding convention, not a name in the article.")] bool Implied = false,
        [property: JsonPropertyName("convention"), Description("True when the text names the target only generically (\"two people\") and the text is the convention's category (\"civilians\", \"protesters\", \"government\"): the schema's target.name.from convention, not the written words.")] bool Convention = false);

    public sealed record Location(
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("entity")] string? Entity,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("geonameid")] string? GeonameId,
        [property: JsonPropertyName("lat")] double? Lat,
        [property: JsonPropertyName("lon")] double? Lon,
        [property: JsonPropertyName("country")] string? Country,
        [property: JsonPropertyName("admin1")] string? Admin1,
        [property: JsonPropertyName("precision")] string? Precision,
        [property: JsonPropertyName("inherited")] bool Inherited,
        [property: JsonPropertyName("acled_geo_precision")] int? AcledGeoPrecision);

    public sealed record When(
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("start")] string? Start,
        [property: JsonPropertyName("end")] string? End,
        [property: JsonPropertyName("precision")] string? Precision,
        [property: JsonPropertyName("inherited")] bool Inherited,
        [property: JsonPropertyName("acled_time_precision")] int AcledTimePrecision);

    public sealed record Coding(
        [property: JsonPropertyName("cameo")] string? Cameo,
        [property: JsonPropertyName("plover")] PloverCode Plover,
        [property: JsonPropertyName("acled")] AcledCode Acled,
        [property: JsonPropertyName("quad_class")] int? QuadClass,
        [property: JsonPropertyName("goldstein")] double? Goldstein);

    public sealed record PloverCode([property: JsonPropertyName("event")] string? Event, [property: JsonPropertyName("mode")] string? Mode);

    public sealed record AcledCode([property: JsonPropertyName("event_type")] string? EventType, [property: JsonPropertyName("sub_event_type")] string? SubEventType);

    public static FlatEvent From(EventRecord e) => new(
        e.Key, StoreId.ArticleKey(e.ArticleId), e.ArticleHash, e.ArticleTitle, e.ArticleUri, e.Published, e.EventId, e.Action, e.Trigger,
        new Participant(e.Actor, e.ActorEntity, e.ActorCode, e.ActorImplied),
        new Participant(e.Target, e.TargetEntity, e.TargetCode, Convention: e.TargetConvention),
        new Location(e.Place, e.PlaceEntity, e.PlaceName, e.GeonameId, e.Lat, e.Lon, e.Country, e.Admin1, e.PlacePrecision, e.PlaceInherited,
            ExportFields.AcledGeoPrecision(e)),
        new When(e.TimeText, e.TimeStart, e.TimeEnd, e.TimePrecision, e.TimeInherited, ExportFields.AcledTimePrecision(e)),
        Parse(e.CountsJson), e.Modality, e.Occurred, Parse(e.SourcesJson), Parse(e.EvidenceJson), e.Confidence,
        new Coding(e.Cameo, new PloverCode(e.PloverEvent, e.PloverMode), new AcledCode(e.AcledType, e.AcledSubtype), e.QuadClass, e.Goldstein));

    public JsonObject ToJson() => JsonSerializer.SerializeToNode(this, Output.DocumentJson.Compact)!.AsObject();

    private static JsonArray? Parse(string json) => JsonNode.Parse(string.IsNullOrEmpty(json) ? "[]" : json) as JsonArray;
}
