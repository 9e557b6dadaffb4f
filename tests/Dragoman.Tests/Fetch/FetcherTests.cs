using System.Text;
using Dragoman.Fetch;
using Dragoman.Ingest;
using Microsoft.AspNetCore.Http;

namespace Dragoman.Tests.Fetch;

/// <summary>The fetcher against a local server (127.0.0.1 only, no internet): good pages, feeds, and servers that misbehave.</summary>
public class FetcherTests
{
    private static readonly string Page = "<!doctype html><html><head><title>Convoy reaches Idlib</title></head><body><article><h1>Convoy reaches Idlib</h1><p>An aid convoy reached Idlib on Sunday after a two-day delay, the agency said.</p></article></body></html>";

    private static FetchOptions Fast => new() { Timeout = TimeSpan.FromMilliseconds(700), RetryDelay = TimeSpan.FromMilliseconds(20), PerHostDelay = TimeSpan.Zero, MaxBytes = 1024 * 1024, Retries = 1, PerHostConcurrency = 4 };

    [Theory]
    [InlineData("slow", "timed out after 0.7 s", "a server that never answers within the timeout (tried twice)")]
    [InlineData("loop", "redirect loop", "A -> B -> A")]
    [InlineData("chain", "more than 5 redirects", "seven redirects in a row")]
    [InlineData("huge", "too large", "a body that streams past the cap without a length")]
    [InlineData("huge-declared", "declares 2097152 bytes", "a declared length over the cap is refused before reading")]
    [InlineData("broken", "connection", "the server drops the connection in the middle of the body")]
    [InlineData("missing", "HTTP 404", "a page that does not exist")]
    [InlineData("private", "robots.txt of 127.0.0.1", "a path robots.txt disallows is never requested")]
    [InlineData("busy", "retry after 3600 s", "503 with a Retry-After longer than we wait")]
    [InlineData("ftp", "not an http(s) URL", "another scheme")]
    public async Task Misbehaving_servers_give_one_clear_error(string path, string message, string reason)
    {
        await using var server = await LocalNewsServer.StartAsync();
        server.Text("/robots.txt", "User-agent: *\nDisallow: /private\n", "text/plain")
            .Route("/slow", async ctx => { await Task.Delay(5000, ctx.RequestAborted); })
            .Route("/loop", ctx => { ctx.Response.Redirect("/loop2"); return Task.CompletedTask; })
            .Route("/loop2", ctx => { ctx.Response.Redirect("/loop"); return Task.CompletedTask; })
            .Route("/huge", async ctx => { ctx.Response.ContentType = "text/html"; var chunk = new byte[65536]; for (int i = 0; i < 64; i++) await ctx.Response.Body.WriteAsync(chunk); })
            .Route("/huge-declared", async ctx => { ctx.Response.ContentLength = 2 * 1024 * 1024; ctx.Response.ContentType = "text/html"; await ctx.Response.Body.WriteAsync(new byte[2 * 1024 * 1024]); })
            .Route("/broken", async ctx => { ctx.Response.ContentLength = 100000; await ctx.Response.Body.WriteAsync(new byte[1000]); await ctx.Response.Body.FlushAsync(); ctx.Abort(); })
            .Route("/private", ctx => LocalNewsServer.Send(ctx, Encoding.UTF8.GetBytes(Page), "text/html"))
            .Route("/busy", ctx => { ctx.Response.StatusCode = 503; ctx.Response.Headers.RetryAfter = "3600"; return Task.CompletedTask; });
        for (int i = 1; i <= 7; i++) { int k = i; server.Route($"/chain", ctx => { ctx.Response.Redirect("/c1"); return Task.CompletedTask; }).Route($"/c{k}", ctx => { ctx.Response.Redirect($"/c{k + 1}"); return Task.CompletedTask; }); }
        // only the slow case needs the short timeout; the others get a patient one, so that a robots.txt read slowed by a
        // loaded machine does not turn their error into "robots.txt could not be read"
        using var fetcher = new Fetcher(path == "slow" ? Fast : Fast with { Timeout = TimeSpan.FromSeconds(30) });
        var url = path == "ftp" ? new Uri("ftp://127.0.0.1/x") : server.Url(path);
        var r = await fetcher.FetchAsync(url);
        Assert.False(r.Ok, $"{reason}: status {r.Status}, {r.Body?.Length} bytes, {r.ContentType}");
        Assert.True(r.Error!.Contains(message, StringComparison.Ordinal), $"{reason}: '{r.Error}'");
        if (path == "private") Assert.Equal(0, server.Count("/private"));
    }

    [Theory]
    [InlineData(503, "could not be read (HTTP 503", "a server error on robots.txt disallows everything for now (RFC 9309) and says why")]
    [InlineData(404, "", "a missing robots.txt allows everything")]
    public async Task An_unreadable_robots_txt_blocks_for_now_and_is_read_again(int robotsStatus, string firstError, string reason)
    {
        await using var server = await LocalNewsServer.StartAsync();
        int robotsReads = 0;
        server.Route("/robots.txt", ctx =>
        {
            // fails (or is missing) the first time only: a later request must read it again when the first read failed
            ctx.Response.StatusCode = Interlocked.Increment(ref robotsReads) == 1 ? robotsStatus : 200;
            return ctx.Response.WriteAsync("User-agent: *\nAllow: /\n");
        }).Text("/a", Page).Text("/b", Page);
        using var fetcher = new Fetcher(Fast with { Timeout = TimeSpan.FromSeconds(30), Retries = 0 });
        var first = await fetcher.FetchAsync(server.Url("/a"));
        if (firstError.Length > 0)
        {
            Assert.False(first.Ok, $"{reason}: fetched anyway");
            Assert.True(first.Error!.Contains(firstError, StringComparison.Ordinal), $"{reason}: '{first.Error}'");
            Assert.Equal(0, server.Count("/a"));
        }
        else Assert.True(first.Ok, $"{reason}: {first.Error}");
        var second = await fetcher.FetchAsync(server.Url("/b"));
        Assert.True(second.Ok, $"{reason}: the second request: {second.Error}");
        Assert.Equal(firstError.Length > 0 ? 2 : 1, server.Count("/robots.txt"));
    }

    [Fact]
    public async Task A_page_keeps_its_final_url_http_date_and_user_agent()
    {
        await using var server = await LocalNewsServer.StartAsync();
        server.Text("/old", "").Route("/old", ctx => { ctx.Response.Redirect("/new"); return Task.CompletedTask; }).Text("/new", Page);
        using var fetcher = new Fetcher(Fast);
        var r = await fetcher.FetchAsync(server.Url("/old"));
        Assert.True(r.Ok, r.Error);
        Assert.Equal(server.Url("/new"), r.FinalUrl);
        Assert.NotNull(r.Date);
        Assert.All(server.Requests, q => Assert.StartsWith("Dragoman/", q.UserAgent));
        var raw = WebInputs.ToRaw(r, null);
        var article = ArticleReader.Read(raw).Value!;
        Assert.Equal(server.Url("/new").AbsoluteUri, article.Uri);
        Assert.Equal("Convoy reaches Idlib", article.Title);
    }

    [Theory]
    [InlineData("windows-1256", "utf-8", "the header says windows-1256, the page's meta says utf-8: the header wins")]
    [InlineData("windows-1256", null, "the header gives the only charset")]
    [InlineData(null, "windows-1256", "no header charset: the page's meta is used")]
    public async Task Charsets_are_taken_from_the_response_first(string? header, string? meta, string reason)
    {
        const string arabic = "وصلت قافلة مساعدات إلى إدلب يوم الأحد بعد تأخير يومين، بحسب الوكالة.";
        var html = $"<html><head>{(meta is null ? "" : $"<meta charset=\"{meta}\">")}<title>قافلة</title></head><body><article><p>{arabic}</p></article></body></html>";
        await using var server = await LocalNewsServer.StartAsync();
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        server.Route("/ar", ctx => LocalNewsServer.Send(ctx, Encoding.GetEncoding(1256).GetBytes(html), header is null ? "text/html" : $"text/html; charset={header}"));
        using var fetcher = new Fetcher(Fast);
        var r = await fetcher.FetchAsync(server.Url("/ar"));
        var article = ArticleReader.Read(WebInputs.ToRaw(r, null)).Value!;
        Assert.True(article.Text.Contains(arabic, StringComparison.Ordinal), $"{reason}: {article.Text}");
    }

    [Fact]
    public async Task Flaky_servers_are_retried_with_back_off()
    {
        await using var server = await LocalNewsServer.StartAsync();
        int calls = 0;
        server.Route("/flaky", ctx => Interlocked.Increment(ref calls) <= 2 ? Task.FromResult(ctx.Response.StatusCode = 503) : LocalNewsServer.Send(ctx, Encoding.UTF8.GetBytes(Page), "text/html"));
        using var fetcher = new Fetcher(Fast with { Retries = 2 });
        var r = await fetcher.FetchAsync(server.Url("/flaky"));
        Assert.True(r.Ok, r.Error);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Conditional_get_returns_not_modified_without_a_body()
    {
        await using var server = await LocalNewsServer.StartAsync();
        server.Route("/feed", ctx =>
        {
            if (ctx.Request.Headers.IfNoneMatch == "\"v1\"") { ctx.Response.StatusCode = 304; return Task.CompletedTask; }
            ctx.Response.Headers.ETag = "\"v1\"";
            ctx.Response.Headers.LastModified = "Tue, 01 Dec 2026 10:00:00 GMT";
            return LocalNewsServer.Send(ctx, Encoding.UTF8.GetBytes(Page), "text/html");
        });
        using var fetcher = new Fetcher(Fast);
        var first = await fetcher.FetchAsync(server.Url("/feed"));
        Assert.Equal("\"v1\"", first.Validators!.ETag);
        Assert.Equal("Tue, 01 Dec 2026 10:00:00 GMT", first.Validators.LastModified);
        var second = await fetcher.FetchAsync(server.Url("/feed"), first.Validators);
        Assert.True(second.NotModified);
        Assert.Null(second.Body);
    }

    [Fact]
    public async Task Requests_to_one_host_are_spaced_by_the_politeness_delay()
    {
        await using var server = await LocalNewsServer.StartAsync();
        server.Text("/p", Page);
        using var fetcher = new Fetcher(Fast with { PerHostDelay = TimeSpan.FromMilliseconds(200), PerHostConcurrency = 1, RespectRobots = false });
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => fetcher.FetchAsync(server.Url("/p"))));
        var times = server.Requests.Where(q => q.Path == "/p").Select(q => q.At).Order().ToList();
        Assert.Equal(4, times.Count);
        for (int i = 1; i < times.Count; i++)
            Assert.True(times[i] - times[i - 1] >= TimeSpan.FromMilliseconds(180), $"gap {i}: {(times[i] - times[i - 1]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_feed_url_gives_one_article_per_item_with_its_page_fetched()
    {
        await using var server = await LocalNewsServer.StartAsync();
        var feed = $"""
            <?xml version="1.0"?><rss version="2.0"><channel><title>Local Desk</title>
            <item><title>Convoy reaches Idlib</title><link>{server.Url("/a1")}</link><pubDate>Sun, 29 Nov 2026 07:00:00 GMT</pubDate><description>Teaser only.</description></item>
            <item><title>Market reopens</title><link>{server.Url("/gone")}</link><pubDate>Mon, 30 Nov 2026 07:00:00 GMT</pubDate><description>The central market in Raqqa reopened on Monday, traders said.</description></item>
            <item><title>No text anywhere</title><link>{server.Url("/gone2")}</link></item>
            </channel></rss>
            """;
        server.Text("/feed.xml", feed, "application/rss+xml").Text("/a1", Page);
        using var fetcher = new Fetcher(Fast);
        var items = await new WebInputs(fetcher).ExpandAsync(server.Url("/feed.xml").AbsoluteUri);
        Assert.Equal(3, items.Count);
        var a1 = ArticleReader.Read(items[0].Raw!).Value!;
        Assert.Contains("aid convoy reached Idlib", a1.Text);   // the page, not the teaser
        Assert.DoesNotContain("Teaser", a1.Text);
        Assert.Equal(new DateOnly(2026, 11, 29), a1.Published);
        Assert.Equal("Local Desk", a1.Publisher);
        var a2 = ArticleReader.Read(items[1].Raw!).Value!;  // page 404: the feed's own text stands in
        Assert.Contains("market in Raqqa reopened", a2.Text);
        Assert.Null(items[2].Raw);
        Assert.Contains("HTTP 404", items[2].Error);
    }

    [Theory]
    [InlineData("https://a.example/1\n# comment\n\nhttp://b.example/2\n", 2, null, "URLs with comments and blank lines")]
    [InlineData("https://a.example/1\nnot a url\n", 0, "urls.txt:2: not an http(s) URL", "a line that is not a URL names its line")]
    public void Url_lists_are_read_line_by_line(string content, int count, string? error, string reason)
    {
        var path = Path.Combine(Path.GetTempPath(), $"urls-{Guid.NewGuid():N}", "urls.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        var r = WebInputs.ReadUrlList(path);
        Directory.Delete(Path.GetDirectoryName(path)!, true);
        if (error is null) Assert.Equal(count, r.Value!.Count);
        else Assert.True(r.Error!.Contains(error, StringComparison.Ordinal), $"{reason}: {r.Error}");
    }

    [Theory]
    [InlineData("User-agent: *\nDisallow: /private\n", "/private/x", false, "a disallowed prefix")]
    [InlineData("User-agent: *\nDisallow: /private\nAllow: /private/open\n", "/private/open/1", true, "the longer Allow wins")]
    [InlineData("User-agent: dragoman\nDisallow: /\n\nUser-agent: *\nAllow: /\n", "/news", false, "our own group wins over '*'")]
    [InlineData("User-agent: other\nDisallow: /\n", "/news", true, "a group for another agent does not apply")]
    [InlineData("User-agent: *\nDisallow: /*.pdf$\n", "/a/b.pdf", false, "wildcard and end anchor")]
    [InlineData("User-agent: *\nDisallow: /*.pdf$\n", "/a/b.pdf?x=1", true, "the anchor stops at the end")]
    public void Robots_rules_follow_rfc_9309(string robots, string path, bool allowed, string reason) =>
        Assert.True(RobotsTxt.Parse(robots, "dragoman").Allows(path) == allowed, reason);
}
