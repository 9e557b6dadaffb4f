using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dragoman.Export;
using Dragoman.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Dragoman.Web;

/// <summary>
/// The JSON API (docs/web.md). Every endpoint returns typed results, so /openapi.json describes its bodies from the
/// types (ApiTypes.cs, ApiDocument). Every error is a 4xx problem details body (RFC 9457, application/problem+json)
/// whose <c>error</c> member repeats the message.
/// </summary>
public static class Api
{
    public static ProblemHttpResult Error(int status, string message) => TypedResults.Problem(new ProblemDetails
    {
        Status = status,
        Title = ReasonPhrases.GetReasonPhrase(status),
        Detail = message,
        Extensions = { ["error"] = message },
    });

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Dragoman");

        api.MapGet("/stats", Ok<StatsBody> (IEventStore store, IngestService ingest) =>
        {
            var c = store.Counts();
            return TypedResults.Ok(new StatsBody(c.Articles, c.Events, c.Entities, ingest.Enabled, store is IIncidentStore));
        }).WithName("GetStats").WithSummary("Counts of stored articles, events and entities, whether ingest over HTTP is on, and whether the store keeps incidents (SQLite; not yet PostgreSQL).");

        api.MapGet("/events", Results<Ok<EventPage>, ProblemHttpResult> ([AsParameters] FilterParameters p, IEventStore store) =>
        {
            var q = p.Filters().ToQuery();
            if (!q.IsOk) return Error(400, q.Error!);
            var query = q.Value!;
            var result = store.QueryEvents(query with { Limit = query.Limit + 1 });
            if (!result.IsOk) return Error(400, result.Error!);
            var rows = result.Value!;
            bool more = rows.Count > query.Limit;
            return TypedResults.Ok(new EventPage([.. rows.Take(query.Limit).Select(FlatEvent.From)], query.Limit, query.Offset,
                more ? query.Offset + query.Limit : null, more ? rows[query.Limit - 1].Key : null));
        }).WithName("ListEvents").WithProblems(400)
          .WithSummary("Events matching the filters, newest first, one page at a time (limit 1..500; offset, or after=next_after of the page before, which stays fast at any depth; next_offset and next_after are null on the last page).");

        api.MapGet("/events.geojson", IResult ([AsParameters] FilterParameters p, [AsParameters] MapParameters m, IEventStore store) =>
        {
            var q = p.Filters().ToQuery(Limits.DefaultFeatures, Limits.MaxFeatures);
            if (!q.IsOk) return Error(400, q.Error!);
            var clusters = m.Clusters;
            if (clusters is not null && clusters.Trim() is not ("1" or "true" or "0" or "false"))
                return Error(400, $"'clusters' must be 1, true, 0 or false, not '{clusters}'");
            var body = Feed(store, q.Value!, clusters?.Trim() is "1" or "true");
            if (!body.IsOk) return Error(400, body.Error!);
            return Results.Bytes(body.Value!, "application/geo+json; charset=utf-8");
        }).WithName("EventsGeoJson").Produces<EventFeatureCollection>(200, "application/geo+json").WithProblems(400)
          .WithSummary("The events matching the filters that have coordinates, as a GeoJSON FeatureCollection (RFC 7946; limit 1..10000).");

        api.MapGet("/events/{id}", Results<Ok<EventDetailBody>, ProblemHttpResult> ([Description("An event id: a12:ev3 (article a12, event ev3) or a12:3 (its third event).")] string id, IEventStore store) =>
        {
            var parsed = StoreId.Parse(id);
            if (!parsed.IsOk) return Error(400, parsed.Error!);
            if (!parsed.Value!.IsEvent) return Error(400, $"'{id}' names an article; an event id looks like a12:ev3 (GET /api/articles/{id} for the article)");
            var found = StoreLookup.Resolve(store, parsed.Value);
            if (!found.IsOk) return Error(404, found.Error!);
            return TypedResults.Ok(EventDetail(store, found.Value!.Event!));
        }).WithName("GetEvent").WithProblems(400, 404)
          .WithSummary("One event: its fields, the full schema object with the evidence spans into its article's text, the source chain, and other articles that report the same event.");

        api.MapGet("/articles/{id}", Results<Ok<ArticleDetailBody>, ProblemHttpResult> ([Description("An article id: a12, or a content-hash prefix of at least 6 hex digits.")] string id, IEventStore store) =>
        {
            var parsed = StoreId.Parse(id);
            if (!parsed.IsOk) return Error(400, parsed.Error!);
            if (parsed.Value!.IsEvent) return Error(400, $"'{id}' names an event; use GET /api/events/{id}");
            var found = StoreLookup.Resolve(store, parsed.Value);
            if (!found.IsOk) return Error(404, found.Error!);
            return TypedResults.Ok(ArticleDetail(found.Value!.Article!));
        }).WithName("GetArticle").WithProblems(400, 404)
          .WithSummary("One article: its clean text and every annotation span into it (entities and their mentions, places, times, events with triggers and evidence).");

        api.MapGet("/actors", Results<Ok<ListPage<ActorItem>>, ProblemHttpResult> ([AsParameters] PageParameters p, IEventStore store) =>
        {
            var page = Page(p.Q, p.Limit, p.Offset);
            if (!page.IsOk) return Error(400, page.Error!);
            var (query, l, o) = page.Value;
            var rows = store.ListActors(query, l + 1, o);
            return TypedResults.Ok(new ListPage<ActorItem>([.. rows.Take(l).Select(a => new ActorItem(a.Name, a.Type, a.ActorCode, a.Articles, a.Events))],
                l, o, rows.Count > l ? o + l : null));
        }).WithName("ListActors").WithProblems(400)
          .WithSummary("Persons, organisations and groups across articles, with their actor codes, most active first.");

        api.MapGet("/places", Results<Ok<ListPage<PlaceItem>>, ProblemHttpResult> ([AsParameters] PageParameters p, IEventStore store) =>
        {
            var page = Page(p.Q, p.Limit, p.Offset);
            if (!page.IsOk) return Error(400, page.Error!);
            var (query, l, o) = page.Value;
            var rows = store.ListPlaces(query, l + 1, o);
            return TypedResults.Ok(new ListPage<PlaceItem>([.. rows.Take(l).Select(x => new PlaceItem(x.GeonameId, x.Name, x.Lat, x.Lon, x.Country, x.Admin1, x.Precision, x.Articles, x.Events))],
                l, o, rows.Count > l ? o + l : null));
        }).WithName("ListPlaces").WithProblems(400)
          .WithSummary("Resolved places across articles with coordinates and precision, busiest first.");

        api.MapPost("/articles", async Task<Results<Created<IngestResponse>, Ok<IngestResponse>, ProblemHttpResult>> (HttpRequest request, IngestService ingest, WebOptions options, CancellationToken cancel) =>
        {
            if (!ingest.Enabled)
                return Error(403, "ingest over HTTP is off: start the server with --token TOKEN to enable it");
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
                var response = new IngestResponse(r.Status, r.Id, r.Events);
                return r.Status == "stored" ? TypedResults.Created($"/api/articles/{r.Id}", response) : TypedResults.Ok(response);
            }
        }).WithName("IngestArticle").RequireToken().WithProblems(400, 403, 413, 415, 422, 503)
          .WithSummary("Ingest one article (JSON: text or html, optional url, title, published, source): 201 when stored, 200 when the same text was stored before. Only when the server was started with a token, and only with 'Authorization: Bearer TOKEN'.")
          .Accepts<IngestRequest>("application/json");
    }

    /// <summary>One event as GET /api/events/{id} gives it.</summary>
    public static EventDetailBody EventDetail(IEventStore store, EventDetail d) => new(
        FlatEvent.From(d.Event), d.EventJson?.DeepClone().AsObject(), Head(d.Article, d.Document), d.Document["entities"]?.DeepClone() as JsonArray,
        Related(store, d.Event));

    /// <summary>One article as GET /api/articles/{id} gives it.</summary>
    public static ArticleDetailBody ArticleDetail(ArticleDetail a)
    {
        var doc = a.Document;
        var events = new JsonArray();
        foreach (var e in (doc["events"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var copy = e.DeepClone().AsObject();
            copy["key"] = StoreId.EventKey(a.Article.Id, e["id"]?.GetValue<string>() ?? "");
            events.Add(copy);
        }
        return new ArticleDetailBody(Head(a.Article, doc), doc["reference"]?.DeepClone() as JsonObject, doc["entities"]?.DeepClone() as JsonArray,
            doc["times"]?.DeepClone() as JsonArray, events);
    }

    /// <summary>One event as `dragoman show ID --format json` prints it: the API's body.</summary>
    public static JsonObject EventBody(IEventStore store, EventDetail d) => ToJson(EventDetail(store, d));

    /// <summary>One article as `dragoman show ID --format json` prints it: the API's body.</summary>
    public static JsonObject ArticleBody(ArticleDetail a) => ToJson(ArticleDetail(a));

    private static JsonObject ToJson<T>(T body) => JsonSerializer.SerializeToNode(body, Output.DocumentJson.Compact)!.AsObject();

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

    /// <summary>
    /// The map feed's body (GET /api/events.geojson) as UTF-8 JSON: with <paramref name="clusters"/>, when more events
    /// match than the limit and no page position is given, the counts per map cell (<see cref="EventCells.Clusters"/>)
    /// and no features; else the features.
    /// </summary>
    public static Result<byte[]> Feed(IEventStore store, EventQuery q, bool clusters)
    {
        if (clusters && q.Offset == 0 && q.After is null)
        {
            // at world or country zoom thousands of points are no map: the cells' counts, read from the kept cells
            var grouped = EventCells.Clusters(store, q);
            if (!grouped.IsOk) return Result<byte[]>.Fail(grouped.Error!);
            if (grouped.Value is { } cells)
                return JsonSerializer.SerializeToUtf8Bytes(new EventFeatureCollection([], 0, cells), EventFeature.Json);
        }
        var result = store.QueryFeatureEvents(q);
        if (!result.IsOk) return Result<byte[]>.Fail(result.Error!);
        // UTF-8 bytes straight from the serializer: 5,000 features are megabytes, once as a string and again as bytes before
        return JsonSerializer.SerializeToUtf8Bytes(EventJson.FeatureCollection(result.Value!), EventFeature.Json);
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

    private static ArticleHead Head(ArticleSummary s, JsonObject doc)
    {
        var a = doc["article"] as JsonObject;
        return new ArticleHead(s.Key, s.Hash, s.Uri, s.Title, s.Publisher, s.Published, s.IngestedAt, s.EventCount,
            a?["credits"]?.DeepClone() as JsonArray, a?["text"]?.GetValue<string>());
    }

    /// <summary>
    /// Other articles that report the same event: the same action, overlapping time (within a week either side) and the
    /// same place (gazetteer id, else name); without a place, the same actor. One entry per article.
    /// </summary>
    public static IReadOnlyList<RelatedReport> Related(IEventStore store, EventRecord e)
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
            .Select(o => new RelatedReport(o.Key, StoreId.ArticleKey(o.ArticleId), o.ArticleTitle, o.Published, o.Modality, ExportFields.SourceChain(o)))
            .ToList();
    }
}

/// <summary>The event filters as query parameters (all strings: a bad value gets a clear 400, not a binding failure).</summary>
public sealed class FilterParameters
{
    [FromQuery(Name = "bbox"), QuerySchema("number", Items = 4), Description("Four numbers, comma-separated, in this order: south,west,north,east in degrees (south <= north, west <= east; latitudes -90..90, longitudes -180..180). Only events whose place lies inside. Syria: 32.3,35.7,37.3,42.4.")]
    public string? Bbox { get; init; }
    [FromQuery(Name = "from"), QuerySchema("string", Format = "date"), Description("YYYY-MM-DD: events on or after (their time, else the article's date).")]
    public string? From { get; init; }
    [FromQuery(Name = "to"), QuerySchema("string", Format = "date"), Description("YYYY-MM-DD: events on or before.")]
    public string? To { get; init; }
    [FromQuery(Name = "actor"), Description("Part of the actor's text, entity name, alias or actor code (any case).")]
    public string? Actor { get; init; }
    [FromQuery(Name = "place"), Description("Part of the place's text, name, country or admin1.")]
    public string? Place { get; init; }
    [FromQuery(Name = "action"), Description("An action name (release, attack, ...) or digits as a CAMEO code prefix (084).")]
    public string? Action { get; init; }
    [FromQuery(Name = "modality"), Description("asserted, reported, claimed, expected, denied, hypothetical or negated.")]
    public string? Modality { get; init; }
    [FromQuery(Name = "min_confidence"), QuerySchema("number", Minimum = 0, Maximum = 1), Description("0..1: only events at least this confident (main events unless all=1).")]
    public string? MinConfidence { get; init; }
    [FromQuery(Name = "q"), Description("Full-text query over the articles (FTS5 syntax): only their events.")]
    public string? Q { get; init; }
    [FromQuery(Name = "article"), Description("An article id (a12): only its events.")]
    public string? Article { get; init; }
    [FromQuery(Name = "limit"), QuerySchema("integer", Minimum = 1, Maximum = Limits.MaxFeatures), Description("Page size: 1..500 for /api/events (default 100), 1..10000 for the GeoJSON feed (default 5000).")]
    public string? Limit { get; init; }
    [FromQuery(Name = "offset"), QuerySchema("integer", Minimum = 0, Maximum = Limits.MaxOffset), Description("How many to skip (paging).")]
    public string? Offset { get; init; }
    [FromQuery(Name = "after"), Description("Keyset paging: list the events after this event id (the next_after of the page before).")]
    public string? After { get; init; }

    [FromQuery(Name = "all"), QuerySchema("boolean"), Description("1 or true: every event, background and low-confidence ones too (by default only the main, current events).")]
    public string? All { get; init; }

    public EventFilters Filters() => new(Bbox, From, To, Actor, Place, Action, Modality, MinConfidence, Q, Article, Limit, Offset, After, All);
}

/// <summary>The map feed's own parameter.</summary>
public sealed class MapParameters
{
    [FromQuery(Name = "clusters"), QuerySchema("boolean"), Description("1 or true: when more events match than the limit, answer with `clusters` (count, mean point and box of the events per map cell, about 48 cells across the bbox) and no features; else the features as without it. With only bbox (and all) the counts are kept per cell (every event in view); with other filters they count the events the features would list (the newest `limit` matches). A page position (offset, after) is never clustered.")]
    public string? Clusters { get; init; }
}

/// <summary>The paging parameters of the actor and place lists.</summary>
public sealed class PageParameters
{
    [FromQuery(Name = "q"), Description("Part of a name, alias, actor code, admin1 or country code.")]
    public string? Q { get; init; }
    [FromQuery(Name = "limit"), QuerySchema("integer", Minimum = 1, Maximum = Limits.MaxPage), Description("Page size, 1..500 (default 100).")]
    public string? Limit { get; init; }
    [FromQuery(Name = "offset"), QuerySchema("integer", Minimum = 0, Maximum = Limits.MaxOffset), Description("How many to skip (paging).")]
    public string? Offset { get; init; }
}
