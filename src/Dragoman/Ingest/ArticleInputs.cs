using System.Text;
using System.Text.Json;
using Dragoman.Documents;
using Dragoman.Ingest.Containers;
using Dragoman.Ingest.Json;
using Dragoman.Ingest.Text;
using Dragoman.Ingest.Warc;

namespace Dragoman.Ingest;

/// <summary>
/// Splits container inputs into one input per article: a JSON Lines file (detected by extension or content) gives one
/// input per line, each with its `text` or `html` and the line's `url`, `title`, `published`, `source` as hints.
/// A broken line is a failed item named file:line with the reason; the other lines go on. A CSV file with a text column
/// (FA-KES and similar) gives one input per row (Csv/CsvArticles). Gzip, WARC, feeds and whole-file JSON are expanded by
/// Containers/ContainerInputs. Other inputs pass through.
/// </summary>
public static class ArticleInputs
{
    public static IEnumerable<InputItem> Split(InputItem item) => Split(item, FieldMap.None);

    /// <summary>As <see cref="Split(InputItem)"/>, with field names of JSON and CSV inputs mapped (--map, --preset).</summary>
    public static IEnumerable<InputItem> Split(InputItem item, FieldMap map)
    {
        if (item.StreamedFile is not null) return item.StreamedAs == StreamedFormat.Csv ? CsvArticles.Split(item, map) : WarcInputs.Split(item);
        if (item.Raw is not { } raw || raw.Bytes.Length == 0) return [item];
        if (ContainerInputs.Expand(item, map) is { } contained) return contained;
        if (CsvArticles.IsCsv(item)) return CsvArticles.Split(item, map);
        if (ContentTypes.Sniff(raw.Bytes, raw.ContentType) != ContentTypes.JsonLines) return [item];
        if (TextDecoding.BinaryReason(raw.Bytes) is not null) return [item];
        return Lines(item.Input, raw, map);
    }

    internal static IEnumerable<InputItem> Lines(string input, RawDocument raw, FieldMap map)
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
                yield return ParseLine(input, lineNo, line.ToString(), raw.FetchedAt, map);
            }
            if (nl < 0) break;
            pos = nl + 1;
        }
        if (records == 0) yield return InputItem.Failed(input, "JSON Lines file has no records");
    }

    internal static InputItem ParseLine(string input, int lineNo, string line, DateTimeOffset? fetched, FieldMap? map = null)
    {
        var name = $"{input}:{lineNo}";
        try
        {
            using var doc = JsonDocument.Parse(line);
            return JsonArticles.FromElement(name, $"line {lineNo}", doc.RootElement, map ?? FieldMap.None, fetched);
        }
        catch (JsonException ex)
        {
            return InputItem.Failed(name, $"line {lineNo} is not valid JSON: {JsonArticles.Short(ex)}");
        }
    }
}
