using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Dragoman.Pipeline;
using Dragoman.Web;

namespace Dragoman.Tests.Web;

/// <summary>
/// POST /api/articles with bodies that are not well-formed UTF-8 JSON, and with an article over the server's time
/// budget: each gets a clear JSON error naming the problem, never a 500, and nothing is stored.
/// </summary>
public sealed class IngestBodyTests
{
    private static async Task<(HttpStatusCode Status, string? Error)> Post(WebHost host, byte[] body, bool chunked = false)
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, "/api/articles")
        {
            Content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body),
        };
        req.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        if (chunked) req.Headers.TransferEncodingChunked = true;
        req.Headers.TryAddWithoutValidation("Authorization", "Bearer " + WebHost.Token);
        var r = await host.Client.SendAsync(req);
        var text = await r.Content.ReadAsStringAsync();
        JsonNode? json = null;
        try { json = JsonNode.Parse(text); } catch (System.Text.Json.JsonException) { }
        return (r.StatusCode, json?["error"]?.GetValue<string>() ?? text);
    }

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    public static TheoryData<string, byte[], string> MalformedBodies => new()
    {
        { "a Latin-1 byte (é as 0xE9) inside a string: the old server answered 500", Concat(Utf8("{\"text\": \"Caf"), [0xE9], Utf8(" bombed\"}")), "not valid UTF-8: byte 0xE9 at offset 13" },
        { "a lone continuation byte", Concat(Utf8("{\"text\": \"a"), [0x80], Utf8("\"}")), "not valid UTF-8: byte 0x80 at offset 11" },
        { "an overlong encoding of '/' (0xC0 0xAF)", Concat(Utf8("{\"text\": \"a"), [0xC0, 0xAF], Utf8("\"}")), "not valid UTF-8: byte 0xC0" },
        { "an encoded surrogate (ED A0 80)", Concat(Utf8("{\"text\": \"a"), [0xED, 0xA0, 0x80], Utf8("\"}")), "not valid UTF-8: byte 0xED" },
        { "a sequence cut at the end of the body", Concat(Utf8("{\"text\": \"a\"}"), [0xE2, 0x82]), "not valid UTF-8: byte 0xE2 at offset 13" },
        { "UTF-16 (a NUL after every ASCII byte)", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{\"text\": \"a\"}")).ToArray(), "not valid UTF-8: byte 0xFF at offset 0" },
        { "an escaped lone surrogate: valid bytes, not valid text", Utf8("{\"text\": \"bad \\ud800 half\"}"), "\"text\" is not valid text" },
        { "JSON cut in the middle of a string", Utf8("{\"text\": \"Gunmen killed"), "not valid JSON" },
        { "a trailing comma", Utf8("{\"text\": \"a\",}"), "not valid JSON" },
        { "two objects in one body", Utf8("{\"text\": \"a\"} {\"text\": \"b\"}"), "not valid JSON" },
        { "an empty body", [], "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task A_malformed_body_gets_400_naming_the_problem(string reason, byte[] body, string expected)
    {
        await using var host = WebHost.Start(withToken: true);
        foreach (var chunked in new[] { false, true })
        {
            var (status, error) = await Post(host, body, chunked);
            Assert.True(status == HttpStatusCode.BadRequest, $"{reason} (chunked {chunked}): {status} {error}");
            Assert.True(error?.Contains(expected, StringComparison.Ordinal) == true, $"{reason} (chunked {chunked}): '{error}' lacks '{expected}'");
        }
        Assert.Equal(3, host.Store.Counts().Articles);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_refused_without_a_content_length()
    {
        await using var host = WebHost.Start(withToken: true);
        var big = Utf8(new JsonObject { ["text"] = new string('a', Limits.MaxBodyBytes + 10) }.ToJsonString());
        var (status, error) = await Post(host, big, chunked: true);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("larger than", error);
    }

    [Fact]
    public async Task An_article_over_the_time_budget_gets_a_clear_error_and_is_not_stored()
    {
        // a budget of 0 stops the article before its first stage, as a huge article would be stopped at 60 s
        await using var host = WebHost.Start(withToken: true, budget: new ArticleBudget(TimeSpan.Zero, 16L << 20));
        var text = string.Concat(Enumerable.Repeat("Gunmen killed 7 people in Homs on Monday, residents said. ", 12000));
        var (status, error) = await Post(host, Utf8(new JsonObject { ["text"] = text }.ToJsonString()));
        Assert.True(status == HttpStatusCode.UnprocessableEntity, $"{status} {error}");
        Assert.Contains("time budget of 0 s per article", error);
        Assert.Equal(3, host.Store.Counts().Articles);
    }
}
