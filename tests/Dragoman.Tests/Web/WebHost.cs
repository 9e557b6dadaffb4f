using System.Text.Json.Nodes;
using Dragoman.Pipeline;
using Dragoman.Storage;
using Dragoman.Storage.Sqlite;
using Dragoman.Tests.Storage;
using Dragoman.Tests.Support;
using Dragoman.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Dragoman.Tests.Web;

/// <summary>
/// An in-process server (ASP.NET Core TestServer) over a temporary SQLite store holding the hand-built corpus
/// (a1 the release near Daraa, a2 the clash near Idlib, a3 the soap article without events).
/// </summary>
public sealed class WebHost : IAsyncDisposable
{
    public const string Token = "test-token-0123456789abcdef";

    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-web-").FullName;
    public IEventStore Store { get; }
    public WebApplication App { get; }
    public HttpClient Client { get; }

    private WebHost(bool withToken, IEnumerable<StorableDocument> docs, IReadOnlyList<string>? allowedHosts = null, ArticleBudget? budget = null)
    {
        Store = SqliteEventStore.Open(Path.Combine(_dir, "web.db"));
        Assert.All(Store.Add([.. docs]), o => Assert.Equal(AddStatus.Stored, o.Status));
        App = DragomanWeb.Create(new WebOptions
        {
            Store = Store,
            IngestToken = withToken ? Token : null,
            Pipeline = withToken ? () => TestPipeline.Instance : null,
            AllowedHosts = allowedHosts ?? [],
            Budget = budget ?? ArticleBudget.Default,
        }, b => b.WebHost.UseTestServer());
        App.StartAsync().GetAwaiter().GetResult();
        Client = App.GetTestClient();
    }

    public static WebHost Start(bool withToken = false, IEnumerable<StorableDocument>? docs = null, IReadOnlyList<string>? allowedHosts = null, ArticleBudget? budget = null) =>
        new(withToken, docs ?? StoreFixtures.Corpus(), allowedHosts, budget);

    /// <summary>The release article again under another hash and title: another report of the same events.</summary>
    public static StorableDocument SecondReportOfTheRelease()
    {
        var json = StoreFixtures.Release().Json.DeepClone().AsObject();
        json["article"]!["title"] = "Second report of the release";
        var hash = new string('f', 64);
        json["article"]!["hash"] = hash;
        return new StorableDocument(hash, json);
    }

    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> Get(string path)
    {
        var r = await Client.GetAsync(path);
        var text = await r.Content.ReadAsStringAsync();
        JsonNode? body = null;
        try { body = JsonNode.Parse(text); } catch (System.Text.Json.JsonException) { }
        return ((int)r.StatusCode, body, r);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Store.Dispose();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
