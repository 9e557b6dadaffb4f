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

    /// <summary>A record whose block is larger than this is one error (it is skipped, not held).</summary>
    public const long MaxRecordBytes = 256L * 1024 * 1024;

    public static IEnumerable<WarcEntry> Read(byte[] bytes, long baseOffset = 0) => Read(new ByteWindow(bytes), baseOffset);

    /// <summary>The records of a WARC stream, read as they come: only the record in hand is held.</summary>
    public static IEnumerable<WarcEntry> Read(Stream stream, int chunk = ByteWindow.DefaultChunk) => Read(new ByteWindow(stream, chunk), 0);

    private static IEnumerable<WarcEntry> Read(ByteWindow w, long baseOffset)
    {
        long pos = 0;
        while (true)
        {
            // Blank lines between records are tolerated.
            var held = w.Ensure(pos, pos, 4096);
            int k;
            while ((k = held.IndexOfAnyExcept("\r\n"u8)) < 0 && !held.IsEmpty)
            {
                pos += held.Length;
                held = w.Ensure(pos, pos, 4096);
            }
            if (held.IsEmpty) yield break;
            pos += k;
            var (record, next, error) = ParseAt(w, pos, baseOffset);
            if (record is not null) { yield return new WarcEntry(baseOffset + pos, record, null); pos = next; continue; }
            yield return new WarcEntry(baseOffset + pos, null, error);
            long resume = NextRecordStart(w, pos + 1);
            if (resume < 0) yield break;
            pos = resume;
        }
    }

    private static (WarcRecord? Record, long Next, string? Error) ParseAt(ByteWindow w, long pos, long baseOffset)
    {
        var rest = w.Ensure(pos, pos, MaxHeaderBytes);
        if (!IsWarc(rest))
            return (null, 0, $"no WARC record at offset {baseOffset + pos} (starts with '{Printable(rest[..Math.Min(16, rest.Length)])}')");
        rest = rest[..Math.Min(rest.Length, MaxHeaderBytes)];
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
        if (length > MaxRecordBytes)
            return (null, 0, $"WARC record at offset {baseOffset + pos}: Content-Length {length} is over the {MaxRecordBytes / (1024 * 1024)} MiB a record may hold (skipped)");
        long blockStart = pos + end + sep, blockEnd = blockStart + length;
        w.Ensure(pos, pos, blockEnd + 4 - pos);
        if (blockEnd > w.End)
            return (null, 0, $"WARC record at offset {baseOffset + pos}: Content-Length {length} but only {w.End - blockStart} bytes follow (truncated)");
        var after = w.Span(blockEnd);
        if (!after.IsEmpty && !after.StartsWith("\r\n"u8) && !after.StartsWith("\n"u8))
            return (null, 0, $"WARC record at offset {baseOffset + pos}: Content-Length {length} does not end at the record's end (no CRLF CRLF after the block)");
        long next = blockEnd;
        int trailing = after[..Math.Min(4, after.Length)].IndexOfAnyExcept("\r\n"u8);
        next += trailing < 0 ? Math.Min(4, after.Length) : trailing;
        return (new WarcRecord(baseOffset + pos, version, headers, w.Slice(blockStart, (int)length)), next, null);
    }

    /// <summary>The next "WARC/1." at the start of a line at or after <paramref name="from"/>, or -1.</summary>
    private static long NextRecordStart(ByteWindow w, long from)
    {
        long p = from;
        while (true)
        {
            var span = w.Ensure(p - 1, p, MaxHeaderBytes);
            int k = span.IndexOf("WARC/1."u8);
            if (k < 0)
            {
                if (w.AtEnd) return -1;
                p += Math.Max(1, span.Length - 6); // the marker may straddle what is held
                continue;
            }
            p += k;
            if (p == 0 || w.Span(p - 1)[0] == (byte)'\n') return p;
            p++;
        }
    }

    private static string Printable(ReadOnlySpan<byte> b)
    {
        var sb = new StringBuilder();
        foreach (var c in b) sb.Append(c is >= 0x20 and < 0x7F ? (char)c : '.');
        return sb.ToString();
    }
}
