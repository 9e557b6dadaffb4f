using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Dragoman.Ingest.Feeds;

/// <summary>One item of a feed as the feed gives it. <see cref="ContentHtml"/> is content:encoded or Atom content.</summary>
public sealed record FeedItem(int Index, string? Title, string? Link, string? Id, string? Published, string? Summary, string? ContentHtml, string? Author)
{
    /// <summary>The item's identity for "seen before": its guid/id, else its link, else its title and date.</summary>
    public string Key => Id ?? Link ?? $"{Title}|{Published}";
}

/// <summary>A read feed: its kind, channel title and link, refresh hint, items, and the error that stopped reading, if any.</summary>
public sealed record Feed(string Kind, string? Title, string? Link, TimeSpan? Ttl, IReadOnlyList<FeedItem> Items, string? Error);

/// <summary>
/// Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds with a streaming XmlReader: one item at a time is loaded as a small tree,
/// so a feed of any length costs the memory of one item. DTDs are ignored and no external entity is resolved. An XML
/// error ends reading with <see cref="Feed.Error"/> set (line and position); the items before it are kept.
/// </summary>
public static class FeedReader
{
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";
    private const string SyNs = "http://purl.org/rss/1.0/modules/syndication/";

    public static Feed Read(Stream stream)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true, CloseInput = false };
        string kind = "feed";
        string? title = null, link = null;
        TimeSpan? ttl = null;
        string? period = null;
        int frequency = 1;
        var items = new List<FeedItem>();
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            reader.MoveToContent();
            kind = reader.LocalName switch
            {
                "rss" => "RSS " + (reader.GetAttribute("version") ?? "2.0"),
                "RDF" => "RSS 1.0 (RDF)",
                "feed" => "Atom",
                var other => throw new FormatException($"root element <{reader.Name}> is not rss, rdf:RDF or feed"),
            };
            int channelDepth = kind == "Atom" ? 1 : 2; // children of <feed>, or of <channel>
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element) { reader.Read(); continue; }
                var name = reader.LocalName;
                if (name is "item" or "entry")
                {
                    // the item's subtree alone: XNode.ReadFrom also reads past its end tag, so a feed cut right after
                    // an item lost that item with the error
                    XElement el;
                    using (var subtree = reader.ReadSubtree()) el = XElement.Load(subtree);
                    items.Add(kind == "Atom" ? AtomItem(el, items.Count + 1) : RssItem(el, items.Count + 1));
                    reader.Read();
                    continue;
                }
                if (reader.Depth == channelDepth && title is null && name == "title") { title = Clean(reader.ReadElementContentAsString()); continue; }
                if (reader.Depth == channelDepth && link is null && name == "link" && kind != "Atom") { link = Clean(reader.ReadElementContentAsString()); continue; }
                if (reader.Depth == channelDepth && link is null && name == "link" && kind == "Atom" && reader.GetAttribute("rel") is null or "alternate") { link = reader.GetAttribute("href"); reader.Read(); continue; }
                if (reader.Depth == channelDepth && name == "ttl" && int.TryParse(reader.ReadElementContentAsString().Trim(), out var minutes) && minutes > 0) { ttl = TimeSpan.FromMinutes(minutes); continue; }
                if (reader.NamespaceURI == SyNs && name == "updatePeriod") { period = reader.ReadElementContentAsString().Trim(); continue; }
                if (reader.NamespaceURI == SyNs && name == "updateFrequency" && int.TryParse(reader.ReadElementContentAsString().Trim(), out var f) && f > 0) { frequency = f; continue; }
                reader.Read();
            }
        }
        catch (XmlException ex)
        {
            return new Feed(kind, title, link, ttl, items, $"XML error at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message.Split(" Line ")[0]}");
        }
        catch (FormatException ex)
        {
            return new Feed(kind, title, link, ttl, items, ex.Message);
        }
        ttl ??= Period(period, frequency);
        return new Feed(kind, title, link, ttl, items, null);
    }

    /// <summary>RSS 1.0 syndication module: updatePeriod (hourly, daily...) divided by updateFrequency.</summary>
    private static TimeSpan? Period(string? period, int frequency) => period switch
    {
        "hourly" => TimeSpan.FromHours(1) / frequency,
        "daily" => TimeSpan.FromDays(1) / frequency,
        "weekly" => TimeSpan.FromDays(7) / frequency,
        "monthly" => TimeSpan.FromDays(30) / frequency,
        "yearly" => TimeSpan.FromDays(365) / frequency,
        _ => null,
    };

    private static FeedItem RssItem(XElement el, int index)
    {
        string? Child(string local, string? ns = null) =>
            Clean(el.Elements().FirstOrDefault(e => e.Name.LocalName == local && (ns is null ? e.Name.NamespaceName.Length == 0 || e.Name.NamespaceName.Contains("purl.org/rss/1.0/", StringComparison.Ordinal) && !e.Name.NamespaceName.Contains("modules", StringComparison.Ordinal) : e.Name.NamespaceName == ns))?.Value);
        var guid = Child("guid");
        var link = Child("link") ?? (el.Elements().FirstOrDefault(e => e.Name.LocalName == "guid")?.Attribute("isPermaLink")?.Value != "false" && LooksLikeUrl(guid) ? guid : null);
        var about = el.Attributes().FirstOrDefault(a => a.Name.LocalName == "about")?.Value;
        return new FeedItem(index, Child("title"), link, guid ?? about, Child("pubDate") ?? Child("date", DcNs), Child("description"), Child("encoded", ContentNs), Child("creator", DcNs) ?? Child("author"));
    }

    private static FeedItem AtomItem(XElement el, int index)
    {
        XElement? Child(string local) => el.Elements().FirstOrDefault(e => e.Name.LocalName == local);
        var links = el.Elements().Where(e => e.Name.LocalName == "link").ToList();
        var link = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
        return new FeedItem(index, AtomText(Child("title"), asHtml: false), Clean(link), Clean(Child("id")?.Value),
            Clean(Child("published")?.Value) ?? Clean(Child("updated")?.Value), AtomText(Child("summary"), asHtml: true),
            AtomText(Child("content"), asHtml: true), Clean(Child("author")?.Elements().FirstOrDefault(e => e.Name.LocalName == "name")?.Value));
    }

    /// <summary>Atom text constructs: type text (escaped when HTML is wanted), html (as is), xhtml (the inner markup of the div).</summary>
    private static string? AtomText(XElement? e, bool asHtml)
    {
        if (e is null) return null;
        var type = (string?)e.Attribute("type") ?? "text";
        if (type == "xhtml")
        {
            var div = e.Elements().FirstOrDefault() ?? e;
            var inner = string.Concat(div.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
            return asHtml ? Clean(inner) : Clean(div.Value);
        }
        if (type == "html" && !asHtml) return Clean(System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(e.Value, "<[^>]*>", " ")));
        return Clean(e.Value);
    }

    private static bool LooksLikeUrl(string? s) => s is not null && (s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Invariant text of a TTL for status lines.</summary>
    public static string Describe(TimeSpan? ttl) => ttl is { } t ? t.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) + " min" : "none";
}
