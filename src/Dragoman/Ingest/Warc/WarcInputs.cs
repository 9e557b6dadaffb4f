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
    public static IEnumerable<InputItem> Split(InputItem item)
    {
        var raw = item.Raw!;
        int articles = 0, records = 0, failed = 0;
        foreach (var (name, entry) in Entries(item.Input, raw.Bytes))
        {
            if (entry.Record is null) { failed++; yield return InputItem.Failed(name, entry.Error!); continue; }
            records++;
            var input = FromRecord(name, entry.Record);
            if (input is null) continue;
            if (input.Raw is not null) articles++; else failed++;
            yield return input;
        }
        if (articles == 0 && failed == 0)
            yield return InputItem.Failed(item.Input, $"WARC file has no HTML or text response/resource records ({records} records)");
    }

    /// <summary>Every record or broken entry with the name that locates it in the file.</summary>
    public static IEnumerable<(string Name, WarcEntry Entry)> Entries(string input, byte[] bytes)
    {
        if (!GzipMembers.IsGzip(bytes))
        {
            foreach (var e in WarcReader.Read(bytes)) yield return ($"{input}@{e.Offset}", e);
            yield break;
        }
        foreach (var member in GzipMembers.Read(bytes))
        {
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
