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
        if (item.StreamedFile is { } path)
            return item.StreamedAs switch
            {
                StreamedFormat.Csv => CsvArticles.Split(item, map),
                StreamedFormat.JsonLines => LinesFile(item.Input, path, map),
                StreamedFormat.JsonArray => JsonArticles.SplitFile(item.Input, path, map),
                _ => WarcInputs.Split(item),
            };
        if (item.Raw is not { } raw || raw.Bytes.Length == 0) return [item];
        if (ContainerInputs.Expand(item, map) is { } contained) return contained;
        if (CsvArticles.IsCsv(item)) return CsvArticles.Split(item, map);
        if (ContentTypes.Sniff(raw.Bytes, raw.ContentType) != ContentTypes.JsonLines) return [item];
        if (TextDecoding.BinaryReason(raw.Bytes) is not null) return [item];
        return Lines(item.Input, raw, map);
    }

    internal static IEnumerable<InputItem> Lines(string input, RawDocument raw, FieldMap map) =>
        Lines(input, new StringReader(TextDecoding.Decode(raw.Bytes, isHtml: false).Text), raw.FetchedAt, map);

    /// <summary>
    /// A JSON Lines file read line by line from disk as the workers take the lines (never loaded whole: memory is bounded
    /// by a line), decoded as <see cref="TextDecoding.Decode"/> decodes a whole file, so it gives the inputs of
    /// <see cref="Split(InputItem, FieldMap)"/>. A read error part way is one failed input after the lines before it.
    /// </summary>
    public static IEnumerable<InputItem> LinesFile(string input, string path, FieldMap map)
    {
        StreamText? text = null;
        try
        {
            text = StreamText.Open(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan));
            return InputItem.Guarded(input, text, Lines(input, text, null, map), ex => "unreadable part way: " + ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            text?.Dispose();
            return [InputItem.Failed(input, "unreadable: " + ex.Message)];
        }
    }

    /// <summary>One input per non-blank line of decoded text (line ends already LF: Decode and StreamText turn CR into LF).</summary>
    private static IEnumerable<InputItem> Lines(string input, TextReader text, DateTimeOffset? fetched, FieldMap map)
    {
        int lineNo = 0, records = 0;
        while (text.ReadLine() is { } read)
        {
            lineNo++;
            var line = read.AsSpan().Trim();
            if (line.IsEmpty) continue;
            records++;
            yield return ParseLine(input, lineNo, line.Length == read.Length ? read : line.ToString(), fetched, map);
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
