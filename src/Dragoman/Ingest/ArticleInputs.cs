using System.Text;
using System.Text.Json;
using Dragoman.Documents;
using Dragoman.Ingest.Text;

namespace Dragoman.Ingest;

/// <summary>
/// Splits container inputs into one input per article: a JSON Lines file (detected by extension or content) gives one
/// input per line, each with its `text` or `html` and the line's `url`, `title`, `published`, `source` as hints.
/// A broken line is a failed item named file:line with the reason; the other lines go on. A CSV file with a text column
/// (FA-KES and similar) gives one input per row (Csv/CsvArticles). Other inputs pass through.
/// </summary>
public static class ArticleInputs
{
    public static IEnumerable<InputItem> Split(InputItem item)
    {
        if (item.Raw is not { } raw || raw.Bytes.Length == 0) return [item];
        if (CsvArticles.IsCsv(item)) return CsvArticles.Split(item);
        if (ContentTypes.Sniff(raw.Bytes, raw.ContentType) != ContentTypes.JsonLines) return [item];
        if (TextDecoding.BinaryReason(raw.Bytes) is not null) return [item];
        return Lines(item.Input, raw);
    }

    private static IEnumerable<InputItem> Lines(string input, RawDocument raw)
    {
        var text = TextDecoding.Decode(raw.Bytes, isHtml: false).Text;
        int lineNo = 0, records = 0, pos = 0;
        while (pos <= text.Length)
        {
            int nl = text.IndexOf('\n', pos);
            var line = (nl < 0 ? text.AsSpan(pos) : text.AsSpan(pos, nl - pos)).Trim();
            lineNo++;
            if (!line.IsEmpty)
            {
                records++;
                yield return ParseLine(input, lineNo, line.ToString(), raw.FetchedAt);
            }
            if (nl < 0) break;
            pos = nl + 1;
        }
        if (records == 0) yield return InputItem.Failed(input, "JSON Lines file has no records");
    }

    internal static InputItem ParseLine(string input, int lineNo, string line, DateTimeOffset? fetched)
    {
        var name = $"{input}:{lineNo}";
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return InputItem.Failed(name, $"line {lineNo} is JSON but not an object ({root.ValueKind})");
            string? Get(string key) => root.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var html = Get("html");
            var body = Get("text");
            string content, type;
            if (!string.IsNullOrWhiteSpace(html)) { content = html; type = ContentTypes.Html; }
            else if (!string.IsNullOrWhiteSpace(body)) { content = body; type = ContentTypes.Text; }
            else return InputItem.Failed(name, $"line {lineNo} has no non-empty \"text\" or \"html\" field");
            var url = Get("url");
            var hints = new ArticleHints(Get("title"), Get("published"), Get("source"), url);
            return InputItem.Read(new RawDocument(url ?? name, Encoding.UTF8.GetBytes(content), type, fetched, hints)) with { Input = name };
        }
        catch (JsonException ex)
        {
            return InputItem.Failed(name, $"line {lineNo} is not valid JSON: {ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0]}");
        }
    }
}
