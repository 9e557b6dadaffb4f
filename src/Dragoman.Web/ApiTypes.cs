using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Dragoman.Export;

namespace Dragoman.Web;

// The bodies the API returns, as types: the endpoints return them as typed results, and /openapi.json describes them
// from these same types (ApiDocument), so the document and the responses cannot drift apart.

public sealed record StatsBody(
    [property: JsonPropertyName("articles")] long Articles,
    [property: JsonPropertyName("events")] long Events,
    [property: JsonPropertyName("entities")] long Entities,
    [property: JsonPropertyName("ingest")] bool Ingest,
    [property: JsonPropertyName("incidents")] bool Incidents);

/// <summary>One page of events; next_offset and next_after are null on the last page.</summary>
public sealed record EventPage(
    [property: JsonPropertyName("items")] IReadOnlyList<FlatEvent> Items,
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("next_offset")] int? NextOffset,
    [property: JsonPropertyName("next_after")] string? NextAfter);

public sealed record ActorItem(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("actor_code")] string? ActorCode,
    [property: JsonPropertyName("articles")] long Articles,
    [property: JsonPropertyName("events")] long Events);

public sealed record PlaceItem(
    [property: JsonPropertyName("geonameid")] string? GeonameId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("lat")] double? Lat,
    [property: JsonPropertyName("lon")] double? Lon,
    [property: JsonPropertyName("country")] string? Country,
    [property: JsonPropertyName("admin1")] string? Admin1,
    [property: JsonPropertyName("precision")] string? Precision,
    [property: JsonPropertyName("articles")] long Articles,
    [property: JsonPropertyName("events")] long Events);

/// <summary>One page of a list (actors, places); next_offset is null on the last page.</summary>
public sealed record ListPage<T>(
    [property: JsonPropertyName("items")] IReadOnlyList<T> Items,
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("offset")] int Offset,
    [property: JsonPropertyName("next_offset")] int? NextOffset);

/// <summary>What POST /api/articles did: "stored" (201) or "duplicate" (200), the article's id and its event count.</summary>
public sealed record IngestResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("events")] int Events);

/// <summary>
/// One event (GET /api/events/{id}, `show ID --format json`): its flat row, the full schema object with the evidence
/// spans (detail), its article with the text, the article's entities, and other articles that report the same event.
/// </summary>
public sealed record EventDetailBody(
    [property: JsonPropertyName("event")] FlatEvent Event,
    [property: JsonPropertyName("detail")] JsonObject? Detail,
    [property: JsonPropertyName("article")] ArticleHead Article,
    [property: JsonPropertyName("entities")] JsonArray? Entities,
    [property: JsonPropertyName("related")] IReadOnlyList<RelatedReport> Related);

/// <summary>One article (GET /api/articles/{id}): its head and text, and every annotation in the public schema's form.</summary>
public sealed record ArticleDetailBody(
    [property: JsonPropertyName("article")] ArticleHead Article,
    [property: JsonPropertyName("reference")] JsonObject? Reference,
    [property: JsonPropertyName("entities")] JsonArray? Entities,
    [property: JsonPropertyName("times")] JsonArray? Times,
    [property: JsonPropertyName("events")] JsonArray Events);

/// <summary>Another article that reports the same event.</summary>
public sealed record RelatedReport(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("article")] string Article,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("published")] string? Published,
    [property: JsonPropertyName("modality")] string Modality,
    [property: JsonPropertyName("sources")] string Sources);

/// <summary>An article's head and clean text (the spans of every annotation index into the text).</summary>
public sealed record ArticleHead(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("uri")] string? Uri,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("publisher")] string? Publisher,
    [property: JsonPropertyName("published")] string? Published,
    [property: JsonPropertyName("ingested_at")] string? IngestedAt,
    [property: JsonPropertyName("event_count")] int EventCount,
    [property: JsonPropertyName("credits")] JsonArray? Credits,
    [property: JsonPropertyName("text")] string? Text);

/// <summary>
/// The body of POST /api/articles: the text, or the page's HTML to clean; the rest are hints. Read strictly by
/// <see cref="IngestService.Parse"/> (an unknown field is a 400); this type documents it.
/// </summary>
public sealed record IngestRequest(
    [property: JsonPropertyName("text"), System.ComponentModel.Description("The article's text (or send html).")] string? Text,
    [property: JsonPropertyName("html"), System.ComponentModel.Description("The article's page as HTML, cleaned to its text (or send text).")] string? Html,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("published"), System.ComponentModel.Description("YYYY-MM-DD.")] string? Published,
    [property: JsonPropertyName("source"), System.ComponentModel.Description("The publisher's name.")] string? Source);
