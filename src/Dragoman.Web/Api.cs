using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dragoman.Export;
using Dragoman.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Dragoman.Web;

/// <summary>The JSON API (docs/web.md). Every error is a 4xx with <c>{"error": "message"}</c>.</summary>
public static class Api
{
    public static IResult Error(int status, string message) =>
        Results.Json(new JsonObject { ["error"] = message }, statusCode: status);

    private static IResult Json(JsonNode node, int status = 200) =>
        Results.Text(node.ToJsonString(Output.DocumentJson.Compact), "application/json; charset=utf-8", Encoding.UTF8, status);

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Dragoman");

        api.MapGet("/stats", (IEventStore store, IngestService ingest) =>
        {
            var c = store.Counts();
            return Json(new JsonObject { ["articles"] = c.Articles, ["events"] = c.Events, ["entities"] = c.Entities, ["ingest"] = ingest.Enabled });
        }).WithSummary("Counts of stored articles, events and entities, and whether ingest over HTTP is on.");

        api.MapGet("/events", ([AsParameters] FilterParameters p, IEventStore store) =>
        {
            var q = p.Filters().ToQuery();
            if (!q.IsOk) return Error(400, q.Error!);
            var query = q.Value!;
            var result = store.QueryEvents(query with { Limit = query.Limit + 1 });
            if (!result.IsOk) return Error(400, result.Error!);
            var rows = result.Value!;
            var items = new JsonArray([.. rows.Take(query.Limit).Select(e => (JsonNode)EventJson.Flat(e))]);
            return Json(new JsonObject
            {
                ["items"] = items,
                ["limit"] = query.Limit,
                ["offset"] = query.Offset,
                ["next_offset"] = rows.Count > query.Limit ? query.Offset + query.Limit : null,
                ["next_after"] = rows.Count > query.Limit ? rows[query.Limit - 1].Key : null,
            });
        }).WithSummary("Events matching the filters, newest first, one page at a time (limit 1..500; offset, or after=next_after of the page before, which stays fast at any depth; next_offset and next_after are null on the last page).");

        api.MapGet("/events.geojson", ([AsParameters] FilterParameters p, IEventStore store) =>
        {
            var q = p.Filters().ToQuery(Limits.DefaultFeatures, Limits.MaxFeatures);
            if (!q.IsOk) return Error(400, q.Error!);
            var result = store.QueryEvents(q.Value!);
            if (!result.IsOk) return Error(400, result.Error!);
            return Results.Text(EventJson.FeatureCollection(result.Value!).ToJsonString(Output.DocumentJson.Compact), "application/geo+json; charset=utf-8", Encoding.UTF8);
        }).WithSummary("The events matching the filters that have coordinates, as a GeoJSON FeatureCollection (limit 1..10000).");

        api.MapGet("/events/{id}", ([Description("An event id: a12:ev3 (article a12, event ev3) or a12:3 (its third event).")] string id, IEventStore store) =>
        {
            var parsed = StoreId.Parse(id);
            if (!parsed.IsOk) return Error(400, parsed.Error!);
            if (!parsed.Value!.IsEvent) return Error(400, $"'{id}' names an article; an event id looks like a12:ev3 (GET /api/articles/{id} for the article)");
            var found = StoreLookup.Resolve(store, parsed.Value);
            if (!found.IsOk) return Error(404, found.Error!);
            return Json(EventBody(store, found.Value!.Event!));
        }).WithSummary("One event: its fields, the full schema object with the evidence spans into its article's text, the source chain, and other articles that report the same event.");

        api.MapGet("/articles/{id}", ([Description("An article id: a12, or a content-hash prefix of at least 6 hex digits.")] string id, IEventStore store) =>
        {
            var parsed = StoreId.Parse(id);
            if (!parsed.IsOk) return Error(400, parsed.Error!);
            if (parsed.Value!.IsEvent) return Error(400, $"'{id}' names an event; use GET /api/events/{id}");
            var found = StoreLookup.Resolve(store, parsed.Value);
            if (!found.IsOk) return Error(404, found.Error!);
            return Json(ArticleBody(found.Value!.Article!));
        }).WithSummary("One article: its clean text and every annotation span into it (entities and their mentions, places, times, events with triggers and evidence).");

        api.MapGet("/actors", ([Description("Part of a name, alias or actor code.")] string? q, string? limit, string? offset, IEventStore store) =>
        {
            var page = Page(q, limit, offset);
            if (!page.IsOk) return Error(400, page.Error!);
            var (query, l, o) = page.Value;
            var rows = store.ListActors(query, l + 1, o);
            return Json(PageOf(rows.Take(l).Select(a => new JsonObject
            {
                ["name"] = a.Name, ["type"] = a.Type, ["actor_code"] = a.ActorCode, ["articles"] = a.Articles, ["events"] = a.Events,
            }), l, o, rows.Count > l));
        }).WithSummary("Persons, organisations and groups across articles, with their actor codes, most active first.");

        api.MapGet("/places", ([Description("Part of a place name or admin1, or a country code.")] string? q, string? limit, string? offset, IEventStore store) =>
        {
            var page = Page(q, limit, offset);
            if (!page.IsOk) return Error(400, page.Error!);
            var (query, l, o) = page.Value;
            var rows = store.ListPlaces(query, l + 1, o);
            return Json(PageOf(rows.Take(l).Select(p => new JsonObject
            {
                ["geonameid"] = p.GeonameId, ["name"] = p.Name, ["lat"] = p.Lat, ["lon"] = p.Lon, ["country"] = p.Country, ["admin1"] = p.Admin1,
                ["precision"] = p.Precision, ["articles"] = p.Articles, ["events"] = p.Events,
            }), l, o, rows.Count > l));
        }).WithSummary("Resolved places across articles with coordinates and precision, busiest first.");

        api.MapPost("/articles", async (HttpRequest request, IngestService ingest, WebOptions options, CancellationToken cancel) =>
        {
            if (options.IngestToken is null || !ingest.Enabled)
                return Error(403, "ingest over HTTP is off: start the server with --token TOKEN to enable it");
            if (!Authorized(request, options.IngestToken))
            {
                request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
                return Error(401, "ingest needs the server's token: send the header 'Authorization: Bearer TOKEN'");
            }
            if (request.ContentLength is > Limits.MaxBodyBytes)
                return Error(413, $"the request body is larger than {Limits.MaxBodyBytes} bytes");
            if (!(request.ContentType ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
                return Error(415, "send the article as application/json: {\"text\": \"...\"} or {\"html\": \"...\"}, with optional url, title, published, source");
            var read = await IngestService.ReadBodyAsync(request.Body, cancel);
            if (read.Document is not { } body) return Error(read.Status, read.Error!);
            using (body)
            {
                var raw = IngestService.Parse(body.RootElement);
                if (!raw.IsOk) return Error(400, raw.Error!);
                using var admitted = ingest.Admit();
                if (admitted is null)
                {
                    request.HttpContext.Response.Headers.RetryAfter = "5";
                    return Error(503, $"the server is busy: {options.IngestConcurrency} articles are in the pipeline and {options.IngestQueue} waiting; retry later");
                }
                var result = await ingest.IngestAsync(raw.Value!, cancel);
                if (!result.IsOk) return Error(422, result.Error!);
                var r = result.Value!;
                return Json(new JsonObject { ["status"] = r.Status, ["id"] = r.Id, ["events"] = r.Events }, r.Status == "stored" ? 201 : 200);
            }
        }).WithSummary("Ingest one article (JSON: text or html, optional url, title, published, source). Only when the server was started with a token, and only with 'Authorization: Bearer TOKEN'.")
          .Accepts<JsonObject>("application/json");
    }

    /// <summary>One event as GET /api/events/{id} and `dragoman show ID --format json` give it.</summary>
    public static JsonObject EventBody(IEventStore store, EventDetail d) => new()
    {
        ["event"] = EventJson.Flat(d.Event),
        ["detail"] = d.EventJson?.DeepClone(),
        ["article"] = ArticleHead(d.Article, d.Document, withText: true),
        ["entities"] = d.Document["entities"]?.DeepClone(),
        ["related"] = new JsonArray([.. Related(store, d.Event).Select(r => (JsonNode)r)]),
    };

    /// <summary>One article as GET /api/articles/{id} and `dragoman show ID --format json` give it.</summary>
    public static JsonObject ArticleBody(ArticleDetail a)
    {
        var doc = a.Document;
        var events = new JsonArray();
        foreach (var e in (doc["events"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var copy = e.DeepClone().AsObject();
            copy["key"] = StoreId.EventKey(a.Article.Id, e["id"]?.GetValue<string>() ?? "");
            events.Add(copy);
        }
        return new JsonObject
        {
            ["article"] = ArticleHead(a.Article, doc, withText: true),
            ["reference"] = doc["reference"]?.DeepClone(),
            ["entities"] = doc["entities"]?.DeepClone(),
            ["times"] = doc["times"]?.DeepClone(),
            ["events"] = events,
        };
    }

    /// <summary>Constant-time comparison of the bearer token.</summary>
    public static bool Authorized(HttpRequest request, string token)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return false;
        var given = Encoding.UTF8.GetBytes(header[prefix.Length..].Trim());
        var expected = Encoding.UTF8.GetBytes(token);
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(given), SHA256.HashData(expected));
    }

    private static Result<(string? Query, int Limit, int Offset)> Page(string? q, string? limit, string? offset)
    {
        if (q is { Length: > Limits.MaxParameterLength }) return Result<(string?, int, int)>.Fail($"'q' is longer than {Limits.MaxParameterLength} characters");
        var l = EventFilters.ParseInt("limit", limit, Limits.DefaultPage, 1, Limits.MaxPage);
        if (!l.IsOk) return Result<(string?, int, int)>.Fail(l.Error!);
        var o = EventFilters.ParseInt("offset", offset, 0, 0, Limits.MaxOffset);
        if (!o.IsOk) return Result<(string?, int, int)>.Fail(o.Error!);
        return (string.IsNullOrWhiteSpace(q) ? null : q, l.Value, o.Value);
    }

    private static JsonObject PageOf(IEnumerable<JsonObject> items, int limit, int offset, bool more) => new()
    {
        ["items"] = new JsonArray([.. items]),
        ["limit"] = limit,
        ["offset"] = offset,
        ["next_offset"] = more ? offset + limit : null,
    };

    private static JsonObject ArticleHead(ArticleSummary s, JsonObject doc, bool withText)
    {
        var a = doc["article"] as JsonObject;
        var o = new JsonObject
        {
            ["id"] = s.Key,
            ["hash"] = s.Hash,
            ["uri"] = s.Uri,
            ["title"] = s.Title,
            ["publisher"] = s.Publisher,
            ["published"] = s.Published,
            ["ingested_at"] = s.IngestedAt,
            ["event_count"] = s.EventCount,
            ["credits"] = a?["credits"]?.DeepClone(),
        };
        if (withText) o["text"] = a?["text"]?.DeepClone();
        return o;
    }

    /// <summary>
    /// Other articles that report the same event: the same action, overlapping time (within a week either side) and the
    /// same place (gazetteer id, else name); without a place, the same actor. One entry per article.
    /// </summary>
    public static IReadOnlyList<JsonObject> Related(IEventStore store, EventRecord e)
    {
        var start = ExportFields.Date(e.TimeStart) ?? ExportFields.Date(e.Published);
        var end = ExportFields.Date(e.TimeEnd) ?? start;
        var query = new EventQuery
        {
            Action = e.Action,
            From = start?.AddDays(-7),
            To = end?.AddDays(7),
            Limit = 200,
        };
        var found = store.QueryEvents(query);
        if (!found.IsOk) return [];
        static bool Same(string? a, string? b) => !string.IsNullOrWhiteSpace(a) && string.Equals(a.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);
        bool hasPlace = e.GeonameId is not null || e.PlaceName is not null || e.Place is not null;
        return found.Value!
            .Where(o => o.ArticleId != e.ArticleId)
            .Where(o => hasPlace
                ? (e.GeonameId is not null && e.GeonameId == o.GeonameId) || Same(e.PlaceName ?? e.Place, o.PlaceName ?? o.Place)
                : Same(e.Actor, o.Actor))
            .DistinctBy(o => o.ArticleId)
            .Select(o => new JsonObject
            {
                ["id"] = o.Key,
                ["article"] = StoreId.ArticleKey(o.ArticleId),
                ["title"] = o.ArticleTitle,
                ["published"] = o.Published,
                ["modality"] = o.Modality,
                ["sources"] = ExportFields.SourceChain(o),
            })
            .ToList();
    }
}

/// <summary>The event filters as query parameters (all strings: a bad value gets a clear 400, not a binding failure).</summary>
public sealed class FilterParameters
{
    [FromQuery(Name = "bbox"), Description("south,west,north,east in degrees: only events whose place lies inside.")]
    public string? Bbox { get; init; }
    [FromQuery(Name = "from"), Description("YYYY-MM-DD: events on or after (their time, else the article's date).")]
    public string? From { get; init; }
    [FromQuery(Name = "to"), Description("YYYY-MM-DD: events on or before.")]
    public string? To { get; init; }
    [FromQuery(Name = "actor"), Description("Part of the actor's text, entity name, alias or actor code (any case).")]
    public string? Actor { get; init; }
    [FromQuery(Name = "place"), Description("Part of the place's text, name, country or admin1.")]
    public string? Place { get; init; }
    [FromQuery(Name = "action"), Description("An action name (release, attack, ...) or digits as a CAMEO code prefix (084).")]
    public string? Action { get; init; }
    [FromQuery(Name = "modality"), Description("asserted, reported, claimed, expected, denied, hypothetical or negated.")]
    public string? Modality { get; init; }
    [FromQuery(Name = "min_confidence"), Description("0..1: only events at least this confident.")]
    public string? MinConfidence { get; init; }
    [FromQuery(Name = "q"), Description("Full-text query over the articles (FTS5 syntax): only their events.")]
    public string? Q { get; init; }
    [FromQuery(Name = "article"), Description("An article id (a12): only its events.")]
    public string? Article { get; init; }
    [FromQuery(Name = "limit"), Description("Page size: 1..500 for /api/events (default 100), 1..10000 for the GeoJSON feed (default 5000).")]
    public string? Limit { get; init; }
    [FromQuery(Name = "offset"), Description("How many to skip (paging).")]
    public string? Offset { get; init; }
    [FromQuery(Name = "after"), Description("Keyset paging: list the events after this event id (the next_after of the page before).")]
    public string? After { get; init; }

    public EventFilters Filters() => new(Bbox, From, To, Actor, Place, Action, Modality, MinConfidence, Q, Article, Limit, Offset, After);
}
