using System.Net;
using System.Net.Http.Headers;
using Dragoman.Web;

namespace Dragoman.Tests.Web;

/// <summary>HEAD, ETags and compression on the reads, in-process over the hand-built corpus.</summary>
public sealed class HttpReadsTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public Task InitializeAsync()
    {
        _host = WebHost.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/api/events", "the event list")]
    [InlineData("/api/events.geojson", "the GeoJSON feed")]
    [InlineData("/api/events/a1:ev1", "one event")]
    [InlineData("/", "the page")]
    public async Task Head_gives_the_get_headers_without_a_body(string path, string reason)
    {
        var get = await _host.Client.GetAsync(path);
        var getBody = await get.Content.ReadAsByteArrayAsync();
        var head = await _host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        var headBody = await head.Content.ReadAsByteArrayAsync();
        Assert.True(HttpStatusCode.OK == head.StatusCode, $"{reason}: {head.StatusCode}");
        Assert.Empty(headBody);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(getBody.Length, head.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
    }

    [Theory]
    [InlineData("/api/events?limit=2", "a page of events")]
    [InlineData("/api/stats", "the counts")]
    [InlineData("/api/articles/a1", "an article")]
    public async Task A_matching_etag_is_answered_304_without_a_body(string path, string reason)
    {
        var first = await _host.Client.GetAsync(path);
        var tag = first.Headers.ETag;
        Assert.True(tag is { IsWeak: true }, $"{reason}: a weak ETag");
        var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(tag!);
        var second = await _host.Client.SendAsync(again);
        Assert.True(HttpStatusCode.NotModified == second.StatusCode, reason);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        var other = new HttpRequestMessage(HttpMethod.Get, path);
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\"", true));
        Assert.Equal(HttpStatusCode.OK, (await _host.Client.SendAsync(other)).StatusCode);
    }

    [Fact]
    public async Task Errors_carry_no_etag()
    {
        var r = await _host.Client.GetAsync("/api/events?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Null(r.Headers.ETag);
    }

    [Theory]
    [InlineData("br", "Brotli")]
    [InlineData("gzip", "gzip")]
    public async Task Reads_are_compressed_when_the_client_accepts_it(string encoding, string reason)
    {
        var plain = await (await _host.Client.GetAsync("/api/events")).Content.ReadAsByteArrayAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        var r = await _host.Client.SendAsync(request);
        Assert.True(r.Content.Headers.ContentEncoding.Contains(encoding), reason);
        var wire = await r.Content.ReadAsByteArrayAsync();
        Assert.True(wire.Length < plain.Length / 2, $"{reason}: {wire.Length} bytes compressed, {plain.Length} plain");
        using var decoded = new MemoryStream();
        using (Stream s = encoding == "br"
            ? new System.IO.Compression.BrotliStream(new MemoryStream(wire), System.IO.Compression.CompressionMode.Decompress)
            : new System.IO.Compression.GZipStream(new MemoryStream(wire), System.IO.Compression.CompressionMode.Decompress))
            await s.CopyToAsync(decoded);
        Assert.Equal(plain, decoded.ToArray());
    }

    [Theory]
    [InlineData("W/\"abc\"", "W/\"abc\"", true, "the same weak tag")]
    [InlineData("\"abc\"", "W/\"abc\"", true, "weak comparison ignores the W/")]
    [InlineData("\"x\", W/\"abc\"", "W/\"abc\"", true, "one of a list")]
    [InlineData("*", "W/\"abc\"", true, "any")]
    [InlineData("W/\"abd\"", "W/\"abc\"", false, "another tag")]
    public void If_none_match_compares_weakly(string header, string tag, bool expected, string reason) =>
        Assert.True(expected == ConditionalReads.Matches(header, tag), reason);
}
