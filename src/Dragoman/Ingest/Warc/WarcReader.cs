using System.Globalization;
using System.Text;

namespace Dragoman.Ingest.Warc;

/// <summary>One WARC record: its offset in the (decompressed) bytes it was read from, its headers and its block.</summary>
public sealed record WarcRecord(long Offset, string Version, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Block)
{
    public string? Type => Header("WARC-Type");
    public string? TargetUri => Header("WARC-Target-URI");
    public string? Date => Header("WARC-Date");
    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;
}

/// <summary>A record, or why the bytes at an offset are not one.</summary>
public readonly record struct WarcEntry(long Offset, WarcRecord? Record, string? Error);

/// <summary>
/// Reads WARC 1.0/1.1 records (ISO 28500) from bytes: a version line, header lines, a blank line, Content-Length bytes of
/// block, then CRLF CRLF. A record that cannot be parsed is one error with its offset; reading resumes at the next
/// line that starts a WARC record, so one broken record never hides the others.
/// </summary>
public static class WarcReader
{
    private const int MaxHeaderBytes = 64 * 1024;

    public static bool IsWarc(ReadOnlySpan<byte> b) => b.StartsWith("WARC/1."u8);

    public static IEnumerable<WarcEntry> Read(ReadOnlyMemory<byte> bytes, long baseOffset = 0)
    {
        int pos = 0;
        while (pos < bytes.Length)
        {
            // Blank lines between records are tolerated.
            while (pos < bytes.Length && bytes.Span[pos] is (byte)'\r' or (byte)'\n') pos++;
            if (pos >= bytes.Length) yield break;
            var (record, next, error) = ParseAt(bytes, pos, baseOffset);
            if (record is not null) { yield return new WarcEntry(baseOffset + pos, record, null); pos = next; continue; }
            yield return new WarcEntry(baseOffset + pos, null, error);
            int resume = NextRecordStart(bytes.Span, pos + 1);
            if (resume < 0) yield break;
            pos = resume;
        }
    }

    private static (WarcRecord? Record, int Next, string? Error) ParseAt(ReadOnlyMemory<byte> bytes, int pos, long baseOffset)
    {
        var span = bytes.Span;
        if (!IsWarc(span[pos..]))
            return (null, 0, $"no WARC record at offset {baseOffset + pos} (starts with '{Printable(span.Slice(pos, Math.Min(16, span.Length - pos)))}')");
        var rest = span[pos..Math.Min(span.Length, pos + MaxHeaderBytes)];
        int end = rest.IndexOf("\r\n\r\n"u8);
        int sep = 4;
        if (end < 0) { end = rest.IndexOf("\n\n"u8); sep = 2; }
        if (end < 0) return (null, 0, $"WARC record at offset {baseOffset + pos}: header has no end within {MaxHeaderBytes / 1024} KiB");
        var headerText = Encoding.UTF8.GetString(rest[..end]);
        var lines = headerText.Split('\n');
        var version = lines[0].Trim();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 1; i < lines.Length; i++)
        {
            int colon = lines[i].IndexOf(':');
            if (colon <= 0) continue;
            headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
        }
        if (!headers.TryGetValue("Content-Length", out var lengthText) || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            return (null, 0, $"WARC record at offset {baseOffset + pos}: no valid Content-Length header");
        long blockStart = pos + end + sep;
        if (blockStart + length > span.Length)
            return (null, 0, $"WARC record at offset {baseOffset + pos}: Content-Length {length} but only {span.Length - blockStart} bytes follow (truncated)");
        int blockEnd = (int)(blockStart + length);
        var after = span[blockEnd..];
        if (!after.IsEmpty && !after.StartsWith("\r\n"u8) && !after.StartsWith("\n"u8))
            return (null, 0, $"WARC record at offset {baseOffset + pos}: Content-Length {length} does not end at the record's end (no CRLF CRLF after the block)");
        int next = blockEnd;
        while (next < span.Length && next < blockEnd + 4 && span[next] is (byte)'\r' or (byte)'\n') next++;
        return (new WarcRecord(baseOffset + pos, version, headers, bytes[(int)blockStart..blockEnd]), next, null);
    }

    /// <summary>The next "WARC/1." at the start of a line at or after <paramref name="from"/>, or -1.</summary>
    private static int NextRecordStart(ReadOnlySpan<byte> span, int from)
    {
        int p = from;
        while (p < span.Length)
        {
            int k = span[p..].IndexOf("WARC/1."u8);
            if (k < 0) return -1;
            p += k;
            if (p == 0 || span[p - 1] == (byte)'\n') return p;
            p++;
        }
        return -1;
    }

    private static string Printable(ReadOnlySpan<byte> b)
    {
        var sb = new StringBuilder();
        foreach (var c in b) sb.Append(c is >= 0x20 and < 0x7F ? (char)c : '.');
        return sb.ToString();
    }
}
