using System.Globalization;
using Dragoman.Documents;
using Dragoman.Ingest.Containers;

namespace Dragoman.Ingest.Warc;

/// <summary>
/// A WARC file (plain, or gzip with one member per record as CC-NEWS writes it) becomes one input per HTML or text
/// response/resource/conversion record, named <c>FILE@OFFSET</c>: the record's offset in the file (for .warc.gz the
/// compressed offset of its gzip member, as CDX indexes give it; <c>@MEMBER+INNER</c> when a member holds several
/// records). The target URI is the article's URL and the WARC-Date its fetch time; the HTTP charset wins over the page's
/// own declaration. Requests, metadata, redirects, errors and non-text payloads are skipped; a broken record or gzip
/// member is one failed input and the others are read.
/// </summary>
public static class WarcInputs
{
    public static IEnumerable<InputItem> Split(InputItem item) =>
        item.StreamedFile is { } path ? SplitFile(item.Input, path) : Split(item.Input, Entries(item.Input, item.Raw!.Bytes));

    /// <summary>
    /// A WARC or .warc.gz file read record by record from disk (never loaded whole: memory is bounded by the record or
    /// gzip member in hand). A read error part way is one failed input after the records before it.
    /// </summary>
    public static IEnumerable<InputItem> SplitFile(string input, string path, int chunk = ByteWindow.DefaultChunk, int holdAtMost = GzipMembers.HoldAtMostBytes)
    {
        FileStream? file = null;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
            return InputItem.Guarded(input, file, Split(input, Entries(input, file, chunk, holdAtMost)), ex => $"unreadable after offset {file.Position}: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            file?.Dispose();
            return [InputItem.Failed(input, "unreadable: " + ex.Message)];
        }
    }

    private static IEnumerable<InputItem> Split(string input, IEnumerable<(string Name, WarcEntry Entry)> entries)
    {
        int articles = 0, records = 0, failed = 0;
        foreach (var (name, entry) in entries)
        {
            if (entry.Record is null) { failed++; yield return InputItem.Failed(name, entry.Error!); continue; }
            records++;
            var record = FromRecord(name, entry.Record);
            if (record is null) continue;
            if (record.Raw is not null) articles++; else failed++;
            yield return record;
        }
        if (articles == 0 && failed == 0)
            yield return InputItem.Failed(input, $"WARC file has no HTML or text response/resource records ({records} records)");
    }

    /// <summary>Every record or broken entry with the name that locates it in the file.</summary>
    public static IEnumerable<(string Name, WarcEntry Entry)> Entries(string input, byte[] bytes) =>
        GzipMembers.IsGzip(bytes) ? Members(input, GzipMembers.Read(bytes, GzipMembers.HoldAtMostBytes), ByteWindow.DefaultChunk) : Records(input, WarcReader.Read(bytes));

    /// <summary>
    /// As <see cref="Entries(string, byte[])"/>, read from a seekable stream as it comes. A gzip member larger than
    /// <paramref name="holdAtMost"/> decompressed (a whole WARC gzipped as one member) is read as a stream too.
    /// </summary>
    public static IEnumerable<(string Name, WarcEntry Entry)> Entries(string input, Stream stream, int chunk = ByteWindow.DefaultChunk, int holdAtMost = GzipMembers.HoldAtMostBytes)
    {
        Span<byte> head = stackalloc byte[3];
        int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        bool gzip = GzipMembers.IsGzip(head[..n]);
        stream.Position = 0;
        return gzip ? Members(input, GzipMembers.Read(stream, chunk, holdAtMost), chunk) : Records(input, WarcReader.Read(stream, chunk));
    }

    private static IEnumerable<(string, WarcEntry)> Records(string input, IEnumerable<WarcEntry> records)
    {
        foreach (var e in records) yield return ($"{input}@{e.Offset}", e);
    }

    private static IEnumerable<(string, WarcEntry)> Members(string input, IEnumerable<GzipMember> members, int chunk)
    {
        foreach (var member in members)
        {
            if (member.Stream is { } large)
            {
                // too large to hold: its records are read as it inflates, each named by its offset inside the member
                foreach (var e in WarcReader.Read(large, chunk)) yield return ($"{input}@{member.Offset}+{e.Offset}", e);
                continue;
            }
            if (member.Data is null)
            {
                yield return ($"{input}@{member.Offset}", new WarcEntry(member.Offset, null, $"gzip member at offset {member.Offset}: {member.Error}"));
                continue;
            }
            var inner = WarcReader.Read(member.Data).ToList();
            foreach (var e in inner)
            {
                var name = inner.Count == 1 && e.Offset == 0 ? $"{input}@{member.Offset}" : $"{input}@{member.Offset}+{e.Offset}";
                yield return (name, e);
            }
        }
    }

    /// <summary>An input for an article record, a failed input for a broken one, null for records that are not articles.</summary>
    public static InputItem? FromRecord(string name, WarcRecord record)
    {
        byte[] body;
        string? contentType;
        switch (record.Type?.ToLowerInvariant())
        {
            case "response":
                if (!Charsets.MediaType(record.Header("Content-Type")).StartsWith("application/http", StringComparison.Ordinal))
                {
                    body = record.Block.ToArray();
                    contentType = record.Header("Content-Type");
                    break;
                }
                var http = HttpResponse.Parse(record.Block.Span);
                if (!http.IsOk) return InputItem.Failed(name, $"WARC response record for {record.TargetUri}: {http.Error}");
                if (http.Value!.Status is < 200 or >= 300) return null;
                body = http.Value.Body;
                contentType = http.Value.Header("Content-Type") ?? record.Header("WARC-Identified-Payload-Type");
                break;
            case "resource":
            case "conversion":
                body = record.Block.ToArray();
                contentType = record.Header("Content-Type");
                break;
            default:
                return null;
        }
        var media = Charsets.MediaType(contentType);
        string type;
        if (media is "text/html" or "application/xhtml+xml") type = ContentTypes.Html;
        else if (media == "text/plain") type = ContentTypes.Text;
        else return null;
        if (body.Length == 0) return InputItem.Failed(name, $"WARC {record.Type} record for {record.TargetUri} has an empty body");
        var bytes = Charsets.ToUtf8(body, Charsets.FromContentType(contentType));
        DateTimeOffset? fetched = DateTimeOffset.TryParse(record.Date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
        var hints = new ArticleHints(Url: record.TargetUri);
        return InputItem.Read(new RawDocument(record.TargetUri ?? name, bytes, type, fetched, hints)) with { Input = name };
    }
}
