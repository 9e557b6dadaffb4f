using System.IO.Compression;
using System.Text;
using Dragoman.Ingest.Warc;

namespace Dragoman.Ingest.Containers;

/// <summary>Formats that hold articles inside them, recognised from their bytes (never from the name alone).</summary>
public enum ContainerKind { None, Gzip, Warc, Feed, JsonDocument, Unsupported }

/// <summary>What the first bytes of an input say it is, beyond HTML, text, JSON Lines and CSV (which <see cref="ContentTypes"/> decides).</summary>
public readonly record struct ContainerFormat(ContainerKind Kind, string Description);

public static class ContainerFormats
{
    /// <summary>Every input shape the readers accept, for error messages and --help.</summary>
    public const string Supported = "HTML, plain text, JSON Lines, JSON arrays/objects, CSV, RSS 2.0, RSS 1.0 (RDF), Atom, WARC 1.0/1.1, and any of these gzipped";

    private static readonly string[] HtmlRoots = ["html", "head", "body", "article", "div", "p", "meta", "title", "section", "main", "h1", "h2", "span", "table", "!doctype", "!--"];

    public static ContainerFormat Sniff(ReadOnlySpan<byte> bytes)
    {
        if (GzipMembers.IsGzip(bytes)) return new(ContainerKind.Gzip, "gzip");
        int i = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        var b = bytes[i..];
        if (WarcReader.IsWarc(b)) return new(ContainerKind.Warc, "WARC");
        if (b.IsEmpty) return default;
        if (b[0] == (byte)'[')
        {
            int j = 1;
            while (j < b.Length && b[j] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') j++;
            // "[[" too: nested arrays are JSON (refused with the reason), never an article of brackets
            if (j < b.Length && b[j] is (byte)'{' or (byte)']' or (byte)'"' or (byte)'[') return new(ContainerKind.JsonDocument, "JSON array");
        }
        if (b[0] == (byte)'<') return Xml(b);
        return default;
    }

    /// <summary>JSON that is one whole document rather than JSON Lines: an object spread over several lines.</summary>
    public static bool IsJsonObjectDocument(ReadOnlySpan<byte> bytes, string contentType)
    {
        if (contentType == ContentTypes.JsonLines) return false;
        int i = bytes.StartsWith("\uFEFF"u8) ? 3 : 0;
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return i < bytes.Length && bytes[i] == (byte)'{';
    }

    /// <summary>The root element after the XML declaration, comments, processing instructions and doctype.</summary>
    private static ContainerFormat Xml(ReadOnlySpan<byte> b)
    {
        var head = Encoding.Latin1.GetString(b[..Math.Min(b.Length, 8192)]);
        bool declared = head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase);
        int p = 0;
        while (p < head.Length)
        {
            int lt = head.IndexOf('<', p);
            if (lt < 0 || lt + 1 >= head.Length) return default;
            char c = head[lt + 1];
            if (c == '?') { p = End(head, lt, "?>"); continue; }
            if (head.AsSpan(lt).StartsWith("<!--")) { p = End(head, lt, "-->"); continue; }
            if (c == '!' && head.AsSpan(lt + 2).StartsWith("doctype", StringComparison.OrdinalIgnoreCase) &&
                head.AsSpan(lt).StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)) return default;
            if (c == '!') { p = End(head, lt, ">"); continue; }
            int nameEnd = lt + 1;
            while (nameEnd < head.Length && !char.IsWhiteSpace(head[nameEnd]) && head[nameEnd] is not '>' and not '/') nameEnd++;
            var name = head[(lt + 1)..nameEnd];
            var local = name.Contains(':') ? name[(name.IndexOf(':') + 1)..] : name;
            if (local == "rss") return new(ContainerKind.Feed, "RSS feed");
            if (local == "RDF") return new(ContainerKind.Feed, "RSS 1.0 (RDF) feed");
            if (local == "feed") return new(ContainerKind.Feed, "Atom feed");
            if (HtmlRoots.Contains(local.ToLowerInvariant())) return default;
            int tagEnd = head.IndexOf('>', nameEnd);
            bool namespaced = tagEnd > 0 && head.AsSpan(nameEnd, tagEnd - nameEnd).Contains("xmlns", StringComparison.Ordinal);
            return declared || namespaced ? new(ContainerKind.Unsupported, $"an XML document with root element <{name}>") : default;
        }
        return default;
    }

    private static int End(string s, int from, string close)
    {
        int e = s.IndexOf(close, from + 2, StringComparison.Ordinal);
        return e < 0 ? s.Length : e + close.Length;
    }

    /// <summary>The first bytes after decompression, to tell a gzipped WARC (read member by member) from other gzipped files.</summary>
    public static byte[] PeekGzip(byte[] bytes, int count = 16)
    {
        try
        {
            using var gz = new GZipStream(new MemoryStream(bytes, writable: false), CompressionMode.Decompress);
            var buffer = new byte[count];
            int n = 0, r;
            while (n < count && (r = gz.Read(buffer, n, count - n)) > 0) n += r;
            return buffer[..n];
        }
        catch (InvalidDataException) { return []; }
    }
}
