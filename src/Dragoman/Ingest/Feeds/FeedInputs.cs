using System.Net;
using System.Text;
using Dragoman.Documents;

namespace Dragoman.Ingest.Feeds;

/// <summary>
/// A feed file becomes one input per item, named <c>FILE#itemN</c>: the item's content:encoded (or Atom content), else its
/// summary/description, as the article's HTML; its title, date, link and the channel's title as hints. The link is
/// the article's URL and is never part of its text. An item with no text at all fails with a reason naming it.
/// </summary>
public static class FeedInputs
{
    public static IEnumerable<InputItem> Split(InputItem item)
    {
        var raw = item.Raw!;
        Feed feed;
        using (var ms = new MemoryStream(raw.Bytes, writable: false)) feed = FeedReader.Read(ms);
        foreach (var it in feed.Items) yield return ToInput(item.Input, feed, it, raw.FetchedAt);
        if (feed.Error is { } error)
            yield return InputItem.Failed(item.Input, $"{feed.Kind} feed: {error} ({feed.Items.Count} items before it were read)");
        else if (feed.Items.Count == 0)
            yield return InputItem.Failed(item.Input, $"{feed.Kind} feed has no items");
    }

    public static InputItem ToInput(string input, Feed feed, FeedItem it, DateTimeOffset? fetched)
    {
        var name = $"{input}#item{it.Index}";
        var body = it.ContentHtml ?? it.Summary;
        if (body is null)
            return InputItem.Failed(name, $"feed item {it.Index} ({it.Title ?? it.Link ?? "untitled"}) has no content or summary; ingest the feed by URL to fetch its pages");
        var html = Page(body);
        var hints = new ArticleHints(it.Title, it.Published, feed.Title, it.Link);
        return InputItem.Read(new RawDocument(it.Link ?? name, Encoding.UTF8.GetBytes(html), ContentTypes.Html, fetched, hints)) with { Input = name };
    }

    /// <summary>Item text as a one-article page: markup kept, plain text escaped and split into paragraphs at blank lines.</summary>
    public static string Page(string body)
    {
        var sb = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"></head><body><article>");
        if (body.Contains('<') && body.Contains('>')) sb.Append(body);
        else
            foreach (var para in body.Replace("\r", "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                sb.Append("<p>").Append(WebUtility.HtmlEncode(para)).Append("</p>");
        return sb.Append("</article></body></html>").ToString();
    }
}
