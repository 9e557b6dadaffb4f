using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Dragoman.Web;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dragoman.Tests.Web;

/// <summary>Every endpoint and filter of the API, in-process, over the hand-built corpus (see <see cref="WebHost"/>).</summary>
public sealed class ApiTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public Task InitializeAsync()
    {
        _host = WebHost.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static IEnumerable<string> Ids(JsonNode? page) => page!["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>());

    [Fact]
    public async Task Stats_count_the_store()
    {
        var (status, body, _) = await _host.Get("/api/stats");
        Assert.Equal(200, status);
        Assert.Equal((3, 4, false), (body!["articles"]!.GetValue<int>(), body["events"]!.GetValue<int>(), body["ingest"]!.GetValue<bool>()));
    }

    [Theory]
    [InlineData("", "a1:ev1 a1:ev2 a2:ev1 a2:ev2", "no filter: every event")]
    [InlineData("actor=air%20force", "a1:ev1", "actor text, any case")]
    [InlineData("actor=waleed", "a1:ev2", "an alias of the actor's entity")]
    [InlineData("place=idlib", "a2:ev1", "place")]
    [InlineData("action=release", "a1:ev1", "an action name")]
    [InlineData("action=19", "a1:ev2 a2:ev1", "digits are a CAMEO code prefix")]
    [InlineData("modality=denied", "a2:ev2", "modality")]
    [InlineData("modality=EXPECTED", "a1:ev2", "modality ignores case")]
    [InlineData("min_confidence=0.85", "a2:ev1", "minimum confidence")]
    [InlineData("bbox=35,36,37,37", "a2:ev1", "bounding box: Idlib inside, Daraa and Jabab outside")]
    [InlineData("bbox=32,35,34,37", "a1:ev1 a1:ev2", "bounding box around Daraa and Jabab")]
    [InlineData("from=2019-01-01", "a1:ev1 a1:ev2", "from a date")]
    [InlineData("to=2018-01-01", "a2:ev1 a2:ev2", "up to a date (an event without time falls back on its article's date)")]
    [InlineData("from=2019-02-08&to=2019-02-12", "a1:ev2", "a range that misses the release week")]
    [InlineData("q=Idlib", "a2:ev1 a2:ev2", "full-text query over the articles")]
    [InlineData("q=soap", "", "an article without events")]
    [InlineData("article=a2", "a2:ev1 a2:ev2", "one article's events")]
    [InlineData("actor=air&action=release&modality=reported&min_confidence=0.5", "a1:ev1", "filters combine")]
    [InlineData("all=1&min_confidence=0.85", "a2:ev1", "all with a minimum confidence")]
    public async Task Events_are_filtered(string query, string expected, string reason)
    {
        var (status, body, _) = await _host.Get("/api/events?" + query);
        Assert.Equal(200, status);
        var got = string.Join(' ', Ids(body).Order(StringComparer.Ordinal));
        Assert.True(expected == got, $"{reason}: expected [{expected}], got [{got}]");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Paging_walks_every_event_once_in_order(int pageSize)
    {
        var (_, all, _) = await _host.Get("/api/events");
        var walked = new List<string>();
        int? offset = 0;
        int pages = 0;
        while (offset is int o)
        {
            var (status, page, _) = await _host.Get($"/api/events?limit={pageSize}&offset={o}");
            Assert.Equal(200, status);
            Assert.True(page!["items"]!.AsArray().Count <= pageSize);
            walked.AddRange(Ids(page));
            offset = page["next_offset"]?.GetValue<int>();
            Assert.True(++pages <= 10, "paging does not end");
        }
        Assert.Equal(Ids(all), walked);
        Assert.Null(all!["next_offset"]);
    }

    [Theory]
    [InlineData("/api/events?limit=0", 400, "limit", "a page of nothing")]
    [InlineData("/api/events?limit=501", 400, "limit", "pages are bounded")]
    [InlineData("/api/events?limit=ten", 400, "limit", "not a number")]
    [InlineData("/api/events?offset=-1", 400, "offset", "negative offset")]
    [InlineData("/api/events?bbox=1,2,3", 400, "bbox", "three numbers")]
    [InlineData("/api/events?bbox=40,0,30,10", 400, "south 40 is above north 30", "south above north (and not a swapped box either)")]
    [InlineData("/api/events?bbox=0,0,95,100", 400, "north 95 is not a latitude", "latitude out of range (and not a swapped box either)")]
    [InlineData("/api/events?bbox=-125,24,-66,49", 400, "looks like west,south,east,north", "a west,south,east,north box (the USA) is named as such, not read as another region")]
    [InlineData("/api/events?bbox=10,20,30,190", 400, "not a longitude", "longitude out of range")]
    [InlineData("/api/events?bbox=10,x,30,40", 400, "not a number", "a word where a number belongs")]
    [InlineData("/api/events?from=2019-13-01", 400, "from", "no such month")]
    [InlineData("/api/events?from=2019-02-01&to=2019-01-01", 400, "after", "reversed range")]
    [InlineData("/api/events?modality=maybe", 400, "modality", "unknown modality")]
    [InlineData("/api/events?min_confidence=2", 400, "min_confidence", "confidence above 1")]
    [InlineData("/api/events?all=maybe", 400, "'all'", "all is 1, true, 0 or false")]
    [InlineData("/api/events?q=soap%20AND", 400, "cannot search", "a malformed full-text query")]
    [InlineData("/api/events?article=xyz", 400, "article", "not an article id")]
    [InlineData("/api/events.geojson?limit=10001", 400, "limit", "the feed is bounded too")]
    [InlineData("/api/events/zzz", 400, "not an id", "not an event id")]
    [InlineData("/api/events/a1", 400, "names an article", "an article id where an event id belongs")]
    [InlineData("/api/events/a1:ev9", 404, "no event", "no such event")]
    [InlineData("/api/events/a99:ev1", 404, "no article", "no such article")]
    [InlineData("/api/articles/a99", 404, "no article", "no such article")]
    [InlineData("/api/articles/a1:ev1", 400, "names an event", "an event id where an article id belongs")]
    [InlineData("/api/articles/abc", 400, "hash prefix", "a hash prefix too short")]
    [InlineData("/api/actors?limit=0", 400, "limit", "actors are paged too")]
    [InlineData("/api/places?offset=x", 400, "offset", "places are paged too")]
    [InlineData("/api/nope", 404, "no such endpoint", "an unknown endpoint gets JSON, not the page")]
    public async Task Bad_requests_get_a_clear_4xx(string path, int expectedStatus, string message, string reason)
    {
        var (status, body, response) = await _host.Get(path);
        Assert.True(expectedStatus == status, $"{reason}: status {status}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body?["status"]?.GetValue<int>() == status && body["title"] is not null, $"{reason}: not a problem details body: {body?.ToJsonString()}");
        var error = body?["error"]?.GetValue<string>() ?? "";
        Assert.Equal(error, body?["detail"]?.GetValue<string>());
        Assert.True(error.Contains(message, StringComparison.OrdinalIgnoreCase), $"{reason}: '{error}' lacks '{message}'");
    }

    [Fact]
    public async Task A_too_long_parameter_is_refused()
    {
        var (status, body, _) = await _host.Get("/api/events?actor=" + new string('x', Limits.MaxParameterLength + 1));
        Assert.Equal(400, status);
        Assert.Contains("longer than", body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task One_event_comes_with_its_evidence_spans_sources_and_article_text()
    {
        var (status, body, _) = await _host.Get("/api/events/a1:ev1");
        Assert.Equal(200, status);
        Assert.Equal("release", body!["event"]!["action"]!.GetValue<string>());
        var text = body["article"]!["text"]!.GetValue<string>();
        var evidence = body["detail"]!["evidence"]![0]!;
        int start = evidence["start"]!.GetValue<int>(), end = evidence["end"]!.GetValue<int>();
        Assert.Equal(evidence["text"]!.GetValue<string>(), text[start..end]);
        Assert.Contains("released more than 30 fighters", text[start..end]);
        foreach (var field in new[] { "trigger", "actor", "place" })
        {
            var span = body["detail"]![field]!;
            Assert.Equal(span["text"]!.GetValue<string>(), text[span["start"]!.GetValue<int>()..span["end"]!.GetValue<int>()]);
        }
        var sources = body["detail"]!["sources"]!.AsArray();
        Assert.Equal(["anonymous", "outlet"], sources.Select(s => s!["kind"]!.GetValue<string>()));
        Assert.Equal("a1", body["article"]!["id"]!.GetValue<string>());
        Assert.NotEmpty(body["entities"]!.AsArray());
        Assert.Empty(body["related"]!.AsArray());
        var (byOrdinal, second, _) = await _host.Get("/api/events/a1:2");
        Assert.Equal((200, "attack"), (byOrdinal, second!["event"]!["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Other_articles_reporting_the_same_event_are_linked()
    {
        await using var host = WebHost.Start(docs: [.. Storage.StoreFixtures.Corpus(), WebHost.SecondReportOfTheRelease()]);
        var (_, body, _) = await host.Get("/api/events/a1:ev1");
        var related = body!["related"]!.AsArray();
        var other = Assert.Single(related);
        Assert.Equal("a4:ev1", other!["id"]!.GetValue<string>());
        Assert.Equal("Second report of the release", other["title"]!.GetValue<string>());
        var (_, clash, _) = await host.Get("/api/events/a2:ev1");
        Assert.Empty(clash!["related"]!.AsArray()); // another action, place and year
    }

    [Fact]
    public async Task One_article_comes_with_its_text_and_every_annotation_span()
    {
        var (status, body, _) = await _host.Get("/api/articles/a1");
        Assert.Equal(200, status);
        var text = body!["article"]!["text"]!.GetValue<string>();
        Assert.StartsWith(Storage.StoreFixtures.ReleaseTitle, text);
        var mentions = body["entities"]!.AsArray().SelectMany(e => e!["mentions"]!.AsArray()).ToList();
        Assert.Equal(4, mentions.Count);
        Assert.All(mentions, m => Assert.Equal(m!["text"]!.GetValue<string>(), text[m["start"]!.GetValue<int>()..m["end"]!.GetValue<int>()]));
        Assert.Contains(body["entities"]!.AsArray(), e => e!["place"] is JsonObject);
        var events = body["events"]!.AsArray();
        Assert.Equal(["a1:ev1", "a1:ev2"], events.Select(e => e!["key"]!.GetValue<string>()));
        Assert.All(events, e => Assert.Equal(e!["trigger"]!["text"]!.GetValue<string>(),
            text[e["trigger"]!["start"]!.GetValue<int>()..e["trigger"]!["end"]!.GetValue<int>()]));
        var hash = body["article"]!["hash"]!.GetValue<string>();
        var (byHash, again, _) = await _host.Get("/api/articles/" + hash[..8]);
        Assert.Equal((200, "a1"), (byHash, again!["article"]!["id"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("/api/actors", "Air Force Intelligence|Islamic State", "every actor")]
    [InlineData("/api/actors?q=waleed", "Islamic State", "by alias")]
    [InlineData("/api/actors?limit=1&offset=1", "Islamic State", "paged")]
    [InlineData("/api/places", "Daraa|Idlib|Jabab", "every resolved place")]
    [InlineData("/api/places?q=jab", "Jabab", "by name")]
    [InlineData("/api/places?limit=2", "Daraa|Idlib", "paged")]
    public async Task Actors_and_places_are_listed(string path, string expected, string reason)
    {
        var (status, body, _) = await _host.Get(path);
        Assert.Equal(200, status);
        var names = string.Join('|', body!["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()));
        Assert.True(expected == names, $"{reason}: {names}");
    }

    [Fact]
    public async Task Actors_and_places_carry_codes_coordinates_and_paging()
    {
        var (_, actors, _) = await _host.Get("/api/actors?limit=1");
        Assert.Equal("SYRGOVSPY", actors!["items"]![0]!["actor_code"]!.GetValue<string>());
        Assert.Equal(1, actors["next_offset"]!.GetValue<int>());
        var (_, places, _) = await _host.Get("/api/places?q=jabab");
        var jabab = places!["items"]![0]!;
        Assert.Equal((33.1167, 36.2667, "170001"), (jabab["lat"]!.GetValue<double>(), jabab["lon"]!.GetValue<double>(), jabab["geonameid"]!.GetValue<string>()));
        Assert.Null(places["next_offset"]);
    }

    [Theory]
    [InlineData("", 3, 1, "every located event; the denied killing has no place")]
    [InlineData("?modality=reported", 1, 0, "filters apply to the feed")]
    [InlineData("?bbox=35,36,37,37", 1, 0, "bounding box")]
    public async Task The_geojson_feed_is_a_feature_collection(string query, int features, int unlocated, string reason)
    {
        var r = await _host.Client.GetAsync("/api/events.geojson" + query);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/geo+json", r.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
        Assert.Equal("FeatureCollection", body["type"]!.GetValue<string>());
        Assert.True(features == body["features"]!.AsArray().Count, reason);
        Assert.Equal(unlocated, body["unlocated"]!.GetValue<int>());
        Assert.All(body["features"]!.AsArray(), f => Assert.Equal("Point", f!["geometry"]!["type"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("?clusters=1&limit=1", true, true, "more located main events (3) than the limit, box or not: the kept cell counts of every one")]
    [InlineData("?clusters=1&limit=1&bbox=30,30,40,45", true, true, "the box's cells only")]
    [InlineData("?clusters=1&limit=2&min_confidence=0", true, false, "a filter: a bounded count, then the points of the events the features would list")]
    [InlineData("?clusters=true&limit=1&all=1", true, true, "every event, not only main ones")]
    [InlineData("?clusters=1", false, false, "fewer events than the limit: the features themselves")]
    [InlineData("?clusters=1&limit=1&modality=reported", false, false, "one match, within the limit")]
    [InlineData("?clusters=1&limit=1&offset=1", false, false, "a page position is never clustered")]
    [InlineData("?clusters=0&limit=1", false, false, "asked not to")]
    [InlineData("?limit=1", false, false, "not asked: the feed as before, with no clusters member")]
    public async Task The_map_feed_gives_counts_per_cell_when_more_events_match_than_its_limit(string query, bool clustered, bool kept, string reason)
    {
        var r = await _host.Client.GetAsync("/api/events.geojson" + query);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("application/geo+json", r.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
        Assert.Equal("FeatureCollection", body["type"]!.GetValue<string>());
        Assert.True(clustered == body.AsObject().ContainsKey("clusters"), reason);
        if (!clustered) return;
        Assert.Empty(body["features"]!.AsArray());
        var clusters = body["clusters"]!.AsArray();
        Assert.NotEmpty(clusters);
        foreach (var c in clusters)
        {
            var (lat, lon, count) = (c!["lat"]!.GetValue<double>(), c["lon"]!.GetValue<double>(), c["count"]!.GetValue<long>());
            Assert.True(count >= 1, reason);
            Assert.True(c["south"]!.GetValue<double>() <= lat && lat <= c["north"]!.GetValue<double>(), $"{reason}: the mean latitude {lat} is inside its cells");
            Assert.True(c["west"]!.GetValue<double>() <= lon && lon <= c["east"]!.GetValue<double>(), $"{reason}: the mean longitude {lon} is inside its cells");
        }
        // the counts add up to the located events the same filters list as features: all of them from the kept counts,
        // else those of the page the features would be
        var unclustered = query.Replace("clusters=1", "clusters=0").Replace("clusters=true", "clusters=0");
        if (kept) unclustered = unclustered.Replace("limit=1", "limit=1000").Replace("limit=2", "limit=1000");
        var (_, features, _) = await _host.Get("/api/events.geojson" + unclustered);
        Assert.True(features!["features"]!.AsArray().Count == clusters.Sum(c => c!["count"]!.GetValue<long>()), reason);
    }

    [Fact]
    public async Task The_map_feed_refuses_a_clusters_value_it_cannot_read()
    {
        var (status, body, _) = await _host.Get("/api/events.geojson?clusters=maybe");
        Assert.Equal(400, status);
        Assert.Contains("clusters", body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_openapi_document_covers_every_api_route_and_filter()
    {
        var (status, doc, _) = await _host.Get("/openapi.json");
        Assert.Equal(200, status);
        var paths = doc!["paths"]!.AsObject();
        var routes = _host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Path: e.RoutePattern.RawText!, Method: m)))
            .ToList();
        Assert.True(routes.Count >= 8, $"only {routes.Count} API routes found");
        foreach (var (path, method) in routes)
        {
            Assert.True(paths.ContainsKey(path), $"{path} is missing from /openapi.json");
            Assert.True(paths[path]!.AsObject().ContainsKey(method.ToLowerInvariant()), $"{method} {path} is missing from /openapi.json");
        }
        var parameters = paths["/api/events"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToHashSet();
        foreach (var name in new[] { "bbox", "from", "to", "actor", "place", "action", "modality", "min_confidence", "q", "article", "limit", "offset", "all" })
            Assert.Contains(name, parameters);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    [InlineData("/vendor/leaflet/leaflet.js", "text/javascript")]
    [InlineData("/vendor/markercluster/leaflet.markercluster.js", "text/javascript")]
    [InlineData("/vendor/topojson/topojson-client.min.js", "text/javascript")]
    [InlineData("/vendor/world-atlas/countries-50m.json", "application/json")]
    [InlineData("/vendor/admin1/index.json", "application/json")]
    [InlineData("/vendor/admin1/syr.json", "application/json")]
    public async Task The_page_and_its_vendored_libraries_are_served_from_this_process(string path, string mediaType)
    {
        var r = await _host.Client.GetAsync(path);
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{path}: {(int)r.StatusCode} (vendored files come from `npm ci` at build; see src/Dragoman.Web/Dragoman.Web.csproj)");
        Assert.Equal(mediaType, r.Content.Headers.ContentType?.MediaType);
        Assert.Equal(DragomanWeb.ContentSecurityPolicy, r.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task The_page_loads_nothing_from_elsewhere_and_credits_GeoNames()
    {
        var html = await _host.Client.GetStringAsync("/");
        Assert.Contains("GeoNames", html);
        Assert.Contains("CC BY", html);
        foreach (var attr in new[] { "src=\"", "href=\"" })
            for (int at = html.IndexOf(attr, StringComparison.Ordinal); at >= 0; at = html.IndexOf(attr, at + 1, StringComparison.Ordinal))
            {
                var url = html[(at + attr.Length)..html.IndexOf('"', at + attr.Length)];
                // The only absolute link is the credit's link to GeoNames, which loads nothing.
                Assert.True(!url.Contains("//", StringComparison.Ordinal) || url == "https://www.geonames.org/", $"the page loads {url} from elsewhere");
            }
        var js = await _host.Client.GetStringAsync("/app.js");
        Assert.DoesNotContain("innerHTML", js);
        Assert.DoesNotContain("insertAdjacentHTML", js);
        Assert.DoesNotContain("http://", js.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal));
        Assert.DoesNotContain("https://", js);
    }

    [Theory]
    [InlineData("/missing.js", 404)]
    [InlineData("/vendor/../Api.cs", 404)]
    public async Task Unknown_files_are_not_found(string path, int status)
    {
        var r = await _host.Client.GetAsync(path);
        Assert.Equal(status, (int)r.StatusCode);
    }

    [Theory]
    [InlineData("DELETE", "/api/events")]
    [InlineData("POST", "/api/events")]
    [InlineData("PUT", "/api/articles/a1")]
    public async Task Other_methods_are_refused_with_a_message(string method, string path)
    {
        var r = await _host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, r.StatusCode);
        Assert.Contains("not allowed", JsonNode.Parse(await r.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
        Assert.Equal(3, _host.Store.Counts().Articles);
    }

    [Fact]
    public async Task Ingest_is_off_without_a_token()
    {
        var r = await _host.Client.PostAsync("/api/articles", new StringContent("{\"text\":\"x\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Contains("--token", JsonNode.Parse(await r.Content.ReadAsStringAsync())!["error"]!.GetValue<string>());
        Assert.Equal(3, _host.Store.Counts().Articles);
    }
}
