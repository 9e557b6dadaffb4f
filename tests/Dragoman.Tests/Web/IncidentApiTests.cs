using System.Text.Json.Nodes;
using Dragoman.Storage;
using Dragoman.Tests.Web;
using static Dragoman.Tests.Merge.MergeFixtures;

namespace Dragoman.Tests.Merge;

/// <summary>GET /api/incidents and /api/incidents/{id} over five strike reports of two incidents (see <see cref="IncidentFacesTests"/>).</summary>
public sealed class IncidentApiTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public Task InitializeAsync()
    {
        _host = WebHost.Start(docs: TwoStrikes());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static string Places(JsonNode? page) => string.Join(" ", page!["items"]!.AsArray().Select(i => i!["place"]!["name"]!.GetValue<string>()));

    [Theory]
    [InlineData("", "Odesa Kremenchuk", "every incident, the later first")]
    [InlineData("place=kremenchuk", "Kremenchuk", "a report's place")]
    [InlineData("from=2022-06-30", "Odesa", "the incident's own date")]
    [InlineData("article=a4", "Odesa", "the incident one article reports")]
    [InlineData("action=release", "", "no report of that action")]
    public async Task Incidents_are_filtered_like_events(string query, string expected, string reason)
    {
        var (status, body, _) = await _host.Get("/api/incidents?" + query);
        Assert.True(status == 200 && Places(body) == expected, $"{reason}: {status} {Places(body)}");
    }

    [Fact]
    public async Task Paging_after_the_last_incident_continues_the_list()
    {
        var (_, first, _) = await _host.Get("/api/incidents?limit=1");
        var after = first!["next_after"]!.GetValue<string>();
        var (_, second, _) = await _host.Get("/api/incidents?limit=1&after=" + after);
        Assert.Equal(("Odesa", "Kremenchuk"), (Places(first), Places(second)));
        Assert.Null(second!["next_after"]);
    }

    [Fact]
    public async Task An_incident_has_every_report_with_its_figure_outlet_and_link()
    {
        var (_, page, _) = await _host.Get("/api/incidents?place=kremenchuk");
        var item = page!["items"]![0]!;
        Assert.Equal("reported by 3 articles, 3 outlets", item["reported_by"]!.GetValue<string>());
        var (status, body, _) = await _host.Get("/api/incidents/" + item["id"]!.GetValue<string>());
        Assert.Equal(200, status);
        var reports = body!["reports"]!.AsArray();
        Assert.Equal([15, 18, 20], reports.Select(r => r!["killed"]!.GetValue<int>()).Order());
        Assert.All(reports, r => Assert.StartsWith("test:", r!["uri"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.All(reports, r => Assert.NotEmpty(r!["link"]!["reasons"]!.AsArray())); // each link says why, feature by feature
        Assert.Equal(["Wire One", "Wire Three", "Wire Two"], body["figures"]!.AsArray().Select(f => f!["outlet"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("/api/incidents/i999", 404, "no such incident")]
    [InlineData("/api/incidents/a1", 400, "an article id is not an incident id")]
    [InlineData("/api/incidents?after=a1:ev1", 400, "after names an incident, not an event")]
    [InlineData("/api/incidents?after=i999", 400, "a cursor naming no incident")]
    [InlineData("/api/incidents?limit=0", 400, "limit out of range")]
    public async Task Bad_requests_get_a_clear_error(string path, int expected, string reason)
    {
        var (status, body, _) = await _host.Get(path);
        Assert.True(status == expected && body?["error"] is not null, $"{reason}: {status} {body?.ToJsonString()}");
    }

    [Fact]
    public void A_store_without_incident_tables_says_it_keeps_none()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dragoman-noinc-{Guid.NewGuid():N}.db");
        Result<IIncidentStore> found;
        using (var sqlite = Dragoman.Storage.Sqlite.SqliteEventStore.Open(path))
            found = Dragoman.Cli.Commands.IncidentListing.Incidents(new EventsOnly(sqlite)); // an IEventStore without incidents
        File.Delete(path);
        Assert.False(found.IsOk);
        Assert.Contains("keeps no incidents", found.Error, StringComparison.Ordinal);
    }

    /// <summary>A store that keeps events but no incidents (every provider keeps both; a store kind added later might not).</summary>
    private sealed class EventsOnly(IEventStore inner) : IEventStore
    {
        public int SchemaVersion => inner.SchemaVersion;
        public IReadOnlyList<AddOutcome> Add(IReadOnlyList<StorableDocument> documents) => inner.Add(documents);
        public Result<IReadOnlyList<EventRecord>> QueryEvents(EventQuery query) => inner.QueryEvents(query);
        public Result<IReadOnlyList<SearchHit>> Search(string query, int limit = 20, int offset = 0) => inner.Search(query, limit, offset);
        public ArticleDetail? GetArticle(long articleId) => inner.GetArticle(articleId);
        public IReadOnlyList<ArticleSummary> FindByHashPrefix(string prefix, int limit = 2) => inner.FindByHashPrefix(prefix, limit);
        public EventDetail? GetEvent(long articleId, string? eventId, int? ordinal = null) => inner.GetEvent(articleId, eventId, ordinal);
        public StoreCounts Counts() => inner.Counts();
        public IReadOnlyList<ActorSummary> ListActors(string? query = null, int limit = 100, int offset = 0) => inner.ListActors(query, limit, offset);
        public IReadOnlyList<PlaceSummary> ListPlaces(string? query = null, int limit = 100, int offset = 0) => inner.ListPlaces(query, limit, offset);
        public void Dispose() { }
    }
}
