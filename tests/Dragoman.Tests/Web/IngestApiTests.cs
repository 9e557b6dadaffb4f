using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Dragoman.Web;

namespace Dragoman.Tests.Web;

/// <summary>POST /api/articles on a server started with a token: the token rule, bad bodies, and untrusted text kept as text.</summary>
public sealed class IngestApiTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public const string HostileText =
        "Shelling reported near Daraa <script>window.__xss = 1</script>\n\n" +
        "Local sources said on Monday that shelling hit a market near Daraa. <img src=x onerror=\"window.__xss = 2\"> " +
        "The sources, who asked not to be named, said several people were injured.";

    public Task InitializeAsync()
    {
        _host = WebHost.Start(withToken: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> Post(string body, string? auth, string contentType = "application/json")
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent(body, Encoding.UTF8) };
        req.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (auth is not null) req.Headers.TryAddWithoutValidation("Authorization", auth);
        var r = await _host.Client.SendAsync(req);
        var text = await r.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try { json = JsonNode.Parse(text); } catch (System.Text.Json.JsonException) { }
        return (r.StatusCode, json, r);
    }

    private static string Article(string text) => new JsonObject { ["text"] = text, ["title"] = null, ["published"] = "2019-02-10" }.ToJsonString();

    [Theory]
    [InlineData(null, "no Authorization header")]
    [InlineData("Bearer wrong-token-0123456789abcdef", "a wrong token")]
    [InlineData("Bearer test-token-0123456789abcde", "the token less its last character")]
    [InlineData("Basic dGVzdDp0ZXN0", "another scheme")]
    [InlineData("test-token-0123456789abcdef", "the token without the Bearer scheme")]
    public async Task Ingest_needs_the_servers_token(string? auth, string reason)
    {
        var (status, body, response) = await Post(Article("Troops withdrew from the town of Jasim on Sunday."), auth);
        Assert.True(status == HttpStatusCode.Unauthorized, $"{reason}: {status}");
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Contains("token", body!["error"]!.GetValue<string>());
        Assert.Equal(3, _host.Store.Counts().Articles);
    }

    [Fact]
    public async Task With_the_token_an_article_is_stored_once()
    {
        var article = Article("Troops withdrew from the town of Jasim on Sunday, residents said.");
        var (status, body, _) = await Post(article, "Bearer " + WebHost.Token);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("stored", body!["status"]!.GetValue<string>());
        Assert.Equal("a4", body["id"]!.GetValue<string>());
        var (again, body2, _) = await Post(article, "bearer " + WebHost.Token);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(("duplicate", "a4"), (body2!["status"]!.GetValue<string>(), body2["id"]!.GetValue<string>()));
        Assert.Equal(4, _host.Store.Counts().Articles);
    }

    [Theory]
    [InlineData("not json", "application/json", HttpStatusCode.BadRequest, "not valid JSON", "a body that is not JSON")]
    [InlineData("[1,2]", "application/json", HttpStatusCode.BadRequest, "JSON object", "a JSON array")]
    [InlineData("{\"text\": \"\"}", "application/json", HttpStatusCode.BadRequest, "non-empty", "empty text")]
    [InlineData("{\"text\": 5}", "application/json", HttpStatusCode.BadRequest, "must be a string", "text that is a number")]
    [InlineData("{\"text\": \"x\", \"script\": \"y\"}", "application/json", HttpStatusCode.BadRequest, "unknown field", "an unknown field")]
    [InlineData("{\"text\": \"x\", \"published\": \"10/02/2019\"}", "application/json", HttpStatusCode.BadRequest, "YYYY-MM-DD", "a date in another format")]
    [InlineData("{\"text\": \"x\"}", "text/plain", HttpStatusCode.UnsupportedMediaType, "application/json", "not JSON by its content type")]
    public async Task Bad_bodies_get_a_clear_4xx(string body, string contentType, HttpStatusCode expected, string message, string reason)
    {
        var (status, json, _) = await Post(body, "Bearer " + WebHost.Token, contentType);
        Assert.True(expected == status, $"{reason}: {status}");
        Assert.True(json?["error"]?.GetValue<string>().Contains(message, StringComparison.Ordinal) == true, $"{reason}: {json}");
        Assert.Equal(3, _host.Store.Counts().Articles);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused()
    {
        var big = new JsonObject { ["text"] = new string('a', Limits.MaxBodyBytes + 10) }.ToJsonString();
        var (status, json, _) = await Post(big, "Bearer " + WebHost.Token);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("larger than", json!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hostile_markup_in_an_article_comes_back_as_text()
    {
        var (status, body, _) = await Post(new JsonObject { ["text"] = HostileText }.ToJsonString(), "Bearer " + WebHost.Token);
        Assert.Equal(HttpStatusCode.Created, status);
        var id = body!["id"]!.GetValue<string>();
        var r = await _host.Client.GetAsync("/api/articles/" + id);
        Assert.Equal("application/json", r.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", r.Headers.GetValues("X-Content-Type-Options").Single());
        var article = JsonNode.Parse(await r.Content.ReadAsStringAsync())!["article"]!;
        var text = article["text"]!.GetValue<string>();
        Assert.Contains("<script>window.__xss = 1</script>", article["title"]!.GetValue<string>() + "\n" + text);
        Assert.Contains("<img src=x onerror=\"window.__xss = 2\">", text);
    }
}
