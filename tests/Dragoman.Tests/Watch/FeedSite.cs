using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Dragoman.Tests.Fetch;
using Microsoft.AspNetCore.Http;

namespace Dragoman.Tests.Watch;

/// <summary>
/// A news site on the local server whose RSS feed grows as items are published: the feed carries an ETag and answers a
/// matching If-None-Match with 304; each item links to its own page. Counts what the feed was answered with.
/// </summary>
internal sealed class FeedSite
{
    private readonly ConcurrentQueue<(int N, DateTimeOffset At)> _items = new();
    private int _published, _version;
    public int Full, NotModified;

    /// <summary>Items whose pages answer 404 for now.</summary>
    public ConcurrentDictionary<int, bool> Missing { get; } = new();

    public FeedSite(LocalNewsServer server, string feedPath = "/feed.xml")
    {
        server.Route(feedPath, async ctx =>
        {
            var (body, etag) = Render(server);
            if (ctx.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                Interlocked.Increment(ref NotModified);
                ctx.Response.StatusCode = 304;
                ctx.Response.Headers.ETag = etag;
                return;
            }
            Interlocked.Increment(ref Full);
            ctx.Response.Headers.ETag = etag;
            await LocalNewsServer.Send(ctx, Encoding.UTF8.GetBytes(body), "application/rss+xml");
        });
        server.Route("/story", ctx =>
        {
            int n = int.Parse(ctx.Request.Query["n"].ToString(), CultureInfo.InvariantCulture);
            if (Missing.ContainsKey(n)) { ctx.Response.StatusCode = 404; return Task.CompletedTask; }
            return LocalNewsServer.Send(ctx, Encoding.UTF8.GetBytes(Page(n)), "text/html; charset=utf-8");
        });
    }

    /// <summary>Publishes the next item; returns its number and time.</summary>
    public (int N, DateTimeOffset At) Publish()
    {
        var item = (Interlocked.Increment(ref _published), DateTimeOffset.UtcNow);
        _items.Enqueue(item);
        Interlocked.Increment(ref _version);
        return item;
    }

    /// <summary>Takes the oldest item out of the feed (as feeds drop old items); returns it.</summary>
    public (int N, DateTimeOffset At) Retire()
    {
        if (!_items.TryDequeue(out var item)) throw new InvalidOperationException("the feed is empty");
        Interlocked.Increment(ref _version);
        return item;
    }

    /// <summary>Lists an item again, newest (a feed that re-publishes an old story).</summary>
    public void Restore((int N, DateTimeOffset At) item)
    {
        _items.Enqueue(item);
        Interlocked.Increment(ref _version);
    }

    public static string Page(int n) =>
        $"<!doctype html><html><head><title>Convoy {n} reaches Idlib</title></head><body><article><h1>Convoy {n} reaches Idlib</h1>" +
        $"<p>Aid convoy number {n} reached Idlib on Sunday after a two-day delay, the agency said. Drivers of convoy {n} said the road from Aleppo was open.</p></article></body></html>";

    private (string Body, string ETag) Render(LocalNewsServer server)
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local Desk</title>");
        foreach (var (n, at) in _items.Reverse())
            sb.Append(CultureInfo.InvariantCulture, $"<item><title>Convoy {n} reaches Idlib</title><link>{server.Url("/story")}?n={n}</link><guid>local-desk-{n}</guid><pubDate>{at:R}</pubDate></item>");
        sb.Append("</channel></rss>");
        return (sb.ToString(), $"\"v{Volatile.Read(ref _version)}\"");
    }
}
