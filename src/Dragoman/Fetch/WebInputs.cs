using Dragoman.Documents;
using Dragoman.Ingest;
using Dragoman.Ingest.Containers;
using Dragoman.Ingest.Feeds;

namespace Dragoman.Fetch;

/// <summary>
/// URLs to inputs: each URL is fetched; a feed gives one input per item with the item's page fetched (the feed's title,
/// date and channel as hints; the item's own text when its page cannot be fetched); anything else is one input named by its URL,
/// with the final URL, the HTTP Date as fetch time and the HTTP charset applied. Pages of a feed are fetched
/// concurrently within the fetcher's per-host limits; inputs come out in feed order.
/// </summary>
public sealed class WebInputs(Fetcher fetcher)
{
    public static bool IsUrl(string s) =>
        (s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) &&
        Uri.TryCreate(s, UriKind.Absolute, out _);

    /// <summary>URLs from a file, one per line; blank lines and lines starting with '#' are skipped.</summary>
    public static Result<List<string>> ReadUrlList(string path)
    {
        try
        {
            var urls = new List<string>();
            int n = 0;
            foreach (var line in File.ReadLines(path))
            {
                n++;
                var t = line.Trim();
                if (t.Length == 0 || t.StartsWith('#')) continue;
                if (!IsUrl(t)) return Result<List<string>>.Fail($"{path}:{n}: not an http(s) URL: '{(t.Length > 80 ? t[..80] + "…" : t)}'");
                urls.Add(t);
            }
            return urls;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return Result<List<string>>.Fail($"{path}: unreadable: {ex.Message}"); }
    }

    public IEnumerable<InputItem> Expand(IEnumerable<string> urls, CancellationToken cancel = default)
    {
        foreach (var url in urls)
            foreach (var item in ExpandAsync(url, cancel).GetAwaiter().GetResult()) yield return item;
    }

    public async Task<IReadOnlyList<InputItem>> ExpandAsync(string url, CancellationToken cancel = default)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return [InputItem.Failed(url, "not a valid URL")];
        var page = await fetcher.FetchAsync(uri, null, cancel).ConfigureAwait(false);
        if (!page.Ok) return [InputItem.Failed(url, page.Error ?? $"HTTP {page.Status}")];
        var raw = ToRaw(page, null);
        if (ContainerFormats.Sniff(raw.Bytes).Kind != ContainerKind.Feed) return [InputItem.Read(raw) with { Input = url }];
        Feed feed;
        using (var ms = new MemoryStream(raw.Bytes, writable: false)) feed = FeedReader.Read(ms);
        var items = await ItemPagesAsync(url, feed, feed.Items, cancel).ConfigureAwait(false);
        if (feed.Error is { } e) items.Add(InputItem.Failed(url, $"{feed.Kind} feed: {e} ({feed.Items.Count} items before it were read)"));
        else if (feed.Items.Count == 0) items.Add(InputItem.Failed(url, $"{feed.Kind} feed has no items"));
        return items;
    }

    /// <summary>Each item's page fetched (in parallel, politely), as inputs in item order; the feed's own text when a page fails.</summary>
    public async Task<List<InputItem>> ItemPagesAsync(string feedUrl, Feed feed, IEnumerable<FeedItem> items, CancellationToken cancel = default)
    {
        var tasks = items.Select(async it =>
        {
            if (it.Link is null || !Uri.TryCreate(it.Link, UriKind.Absolute, out var link))
                return FeedInputs.ToInput(feedUrl, feed, it, null);
            var r = await fetcher.FetchAsync(link, null, cancel).ConfigureAwait(false);
            if (!r.Ok)
            {
                var own = FeedInputs.ToInput(feedUrl, feed, it, null);
                return own.Raw is not null ? own : InputItem.Failed(it.Link, $"feed item {it.Index} of {feedUrl}: {r.Error}");
            }
            var hints = new ArticleHints(it.Title, it.Published, feed.Title, r.FinalUrl?.AbsoluteUri ?? it.Link);
            return InputItem.Read(ToRaw(r, hints)) with { Input = it.Link };
        }).ToList();
        return [.. await Task.WhenAll(tasks).ConfigureAwait(false)];
    }

    /// <summary>A fetched body as a raw document: the HTTP charset applied, the type from the media type, the HTTP Date as fetch time.</summary>
    public static RawDocument ToRaw(FetchResult r, ArticleHints? hints)
    {
        var media = Charsets.MediaType(r.ContentType);
        var type = media is "text/html" or "application/xhtml+xml" ? ContentTypes.Html
            : media is "application/x-ndjson" or "application/jsonl" ? ContentTypes.JsonLines
            : ContentTypes.Text;
        var url = (r.FinalUrl ?? r.RequestedUrl).AbsoluteUri;
        // XML (feeds) declares its own encoding, which the XML reader honours; only pages are transcoded.
        var bytes = media.Contains("xml", StringComparison.Ordinal) && type != ContentTypes.Html ? r.Body! : Charsets.ToUtf8(r.Body!, Charsets.FromContentType(r.ContentType));
        return new RawDocument(url, bytes, type, r.Date ?? DateTimeOffset.UtcNow, hints ?? new ArticleHints(Url: url));
    }
}
