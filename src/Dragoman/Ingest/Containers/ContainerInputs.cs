using System.Text.Json;
using Dragoman.Documents;
using Dragoman.Ingest.Feeds;
using Dragoman.Ingest.Json;
using Dragoman.Ingest.Warc;

namespace Dragoman.Ingest.Containers;

/// <summary>
/// Dispatch for container inputs, decided by content: gzip (unpacked, then read as what it holds), WARC, RSS/RDF/Atom
/// feeds, whole-file JSON (an array of articles or one article object), and XML that is none of these (a clear error,
/// never read as text). Returns null for inputs that are single articles or JSON Lines/CSV batches.
/// </summary>
public static class ContainerInputs
{
    public static IEnumerable<InputItem>? Expand(InputItem item, FieldMap map)
    {
        var raw = item.Raw!;
        var format = ContainerFormats.Sniff(raw.Bytes);
        switch (format.Kind)
        {
            case ContainerKind.Gzip: return Gunzip(item, map);
            case ContainerKind.Warc: return WarcInputs.Split(item);
            case ContainerKind.Feed: return FeedInputs.Split(item);
            case ContainerKind.JsonDocument: return JsonArticles.Split(item, map);
            case ContainerKind.Unsupported:
                return [InputItem.Failed(item.Input, $"unsupported format: {format.Description}; Dragoman reads {ContainerFormats.Supported}")];
        }
        if (raw.ContentType != ContentTypes.Html && ContainerFormats.IsJsonObjectDocument(raw.Bytes, ContentTypes.Sniff(raw.Bytes, raw.ContentType)))
            return FirstLineIsJson(raw.Bytes) ? ArticleInputs.Lines(item.Input, raw, map) : JsonArticles.Split(item, map);
        return null;
    }

    /// <summary>Whether the first line alone is a JSON value (then the file is JSON Lines, whatever its first record's fields).</summary>
    internal static bool FirstLineIsJson(ReadOnlySpan<byte> bytes)
    {
        int nl = bytes.IndexOf((byte)'\n');
        if (nl < 0) return false;
        try
        {
            using var _ = JsonDocument.Parse(bytes[..nl].ToArray());
            return true;
        }
        catch (JsonException) { return false; }
    }

    /// <summary>A gzipped WARC is read member by member; anything else is unpacked whole and read as its inner name says.</summary>
    private static IEnumerable<InputItem> Gunzip(InputItem item, FieldMap map)
    {
        var raw = item.Raw!;
        if (WarcReader.IsWarc(ContainerFormats.PeekGzip(raw.Bytes))) return WarcInputs.Split(item);
        using var inner = new MemoryStream();
        foreach (var member in GzipMembers.Read(raw.Bytes))
        {
            if (member.Data is null) return [InputItem.Failed(item.Input, $"gzip: {member.Error} (member at offset {member.Offset})")];
            if (inner.Length + member.Data.Length > GzipMembers.MaxMemberBytes)
                return [InputItem.Failed(item.Input, $"gzip: decompresses to more than {GzipMembers.MaxMemberBytes / (1024 * 1024)} MiB")];
            inner.Write(member.Data);
        }
        var bytes = inner.ToArray();
        if (bytes.Length == 0) return [InputItem.Failed(item.Input, "gzip: empty after decompression")];
        if (GzipMembers.IsGzip(bytes)) return [InputItem.Failed(item.Input, "gzip inside gzip is not read")];
        var uri = raw.Uri.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? raw.Uri[..^3] : raw.Uri;
        var unpacked = new RawDocument(uri, bytes, ContentTypes.FromExtension(uri), raw.FetchedAt, raw.Hints);
        return ArticleInputs.Split(new InputItem(item.Input, unpacked, null), map);
    }
}
