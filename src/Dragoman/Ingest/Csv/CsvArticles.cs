using System.Globalization;
using System.Text;
using Dragoman.Documents;
using Dragoman.Ingest.Json;
using Dragoman.Ingest.Text;

namespace Dragoman.Ingest;

/// <summary>
/// Splits a CSV file of articles (one per row, RFC 4180 quoting, header row) into one input per row, such as the
/// FA-KES corpus (columns article_title, article_content, source, date). The text column is the first of
/// <see cref="TextColumns"/> the header has; title, date and source columns are optional and become hints.
/// Each row becomes a plain-text input "title, blank line, text" named <c>FILE#rowN</c> (N counts data rows from 1).
/// Inputs that are not .csv files pass through unchanged. A bad row is reported as a failed input naming its line; the
/// others go on. A .csv file on disk is read row by row as the rows are taken (<see cref="SplitFile"/>).
/// </summary>
public static class CsvArticles
{
    public static readonly string[] TextColumns = ["article_content", "content", "text", "body", "article"];
    public static readonly string[] TitleColumns = ["article_title", "title", "headline"];
    public static readonly string[] DateColumns = ["date", "published", "publication_date", "pubdate"];
    public static readonly string[] SourceColumns = ["source", "publisher", "outlet"];
    public static readonly string[] UrlColumns = ["url", "link", "uri"];

    public static bool IsCsv(InputItem item) =>
        (item.StreamedAs == StreamedFormat.Csv && item.StreamedFile is not null) || (item.Raw is not null && IsCsvName(item.Raw.Uri));

    /// <summary>Whether a file is read as a CSV batch by its name.</summary>
    public static bool IsCsvName(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<InputItem> Split(InputItem item) => Split(item, FieldMap.None);

    /// <summary>As <see cref="Split(InputItem)"/>; a mapped column name (--map, --preset) is tried before the usual ones.</summary>
    public static IEnumerable<InputItem> Split(InputItem item, FieldMap map)
    {
        if (!IsCsv(item)) return [item];
        if (item.StreamedFile is { } path) return SplitFile(item.Input, path, map);
        var raw = item.Raw!;
        // decoded like every other file (BOM, UTF-16, a cp1252 byte in UTF-8), so "Caf\xE9" is "Café", not "Caf\uFFFD"
        if (TextDecoding.BinaryReason(raw.Bytes) is { } binary) return [InputItem.Failed(item.Input, "CSV: " + binary)];
        var text = TextDecoding.Decode(raw.Bytes, isHtml: false).Text;
        return ToItems(raw.Uri, CsvTable.Records(new StringReader(text)), map);
    }

    /// <summary>
    /// A CSV file read row by row from disk as the workers take them (never loaded whole: memory is bounded by a row),
    /// decoded as <see cref="TextDecoding.Decode"/> decodes a whole file, so it gives the inputs of <see cref="Split(InputItem, FieldMap)"/>.
    /// A read error part way is one failed input after the rows before it.
    /// </summary>
    public static IEnumerable<InputItem> SplitFile(string input, string path, FieldMap map)
    {
        StreamText? text = null;
        try
        {
            var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
            var head = new byte[8192];
            int n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (TextDecoding.BinaryReason(head.AsSpan(0, n)) is { } binary)
            {
                file.Dispose();
                return [InputItem.Failed(input, "CSV: " + binary)];
            }
            file.Position = 0;
            text = StreamText.Open(file);
            return InputItem.Guarded(input, text, ToItems(input, CsvTable.Records(text), map), ex => "unreadable part way: " + ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            text?.Dispose();
            return [InputItem.Failed(input, "unreadable: " + ex.Message)];
        }
    }

    private static IEnumerable<InputItem> ToItems(string uri, IEnumerable<CsvRecord> records, FieldMap map)
    {
        using var e = records.GetEnumerator();
        if (!e.MoveNext())
        {
            yield return InputItem.Failed(uri, "CSV: empty file");
            yield break;
        }
        if (e.Current.Error is { } headError)
        {
            yield return InputItem.Failed(uri, "CSV: " + headError);
            yield break;
        }
        var header = e.Current.Cells!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        int Col(string field, string[] names) => map.Candidates(field, names).Select(n => Array.IndexOf(header, n.ToLowerInvariant())).FirstOrDefault(i => i >= 0, -1);
        int textCol = Col("text", TextColumns), titleCol = Col("title", TitleColumns), dateCol = Col("published", DateColumns), sourceCol = Col("source", SourceColumns), urlCol = Col("url", UrlColumns);
        if (!e.MoveNext())
        {
            yield return InputItem.Failed(uri, "CSV: a header and no rows");
            yield break;
        }
        if (textCol < 0)
        {
            yield return InputItem.Failed(uri, $"CSV: no text column (expected one of {string.Join(", ", map.Candidates("text", TextColumns))}; name yours with --map text=COLUMN)");
            yield break;
        }
        int r = 0;
        do
        {
            var (row, line, error) = e.Current;
            if (error is not null)
            {
                // the rows before stand; everything after the open quote was one unfinished cell
                yield return InputItem.Failed(uri, "CSV: " + error);
                yield break;
            }
            r++;
            yield return Item(uri, r, line, row!, header.Length, textCol, titleCol, dateCol, sourceCol, urlCol);
        }
        while (e.MoveNext());
    }

    private static InputItem Item(string uri, int r, int line, string[] row, int columns, int textCol, int titleCol, int dateCol, int sourceCol, int urlCol)
    {
        var name = $"{uri}#row{r}";
        string? Cell(int c) => c >= 0 && c < row.Length && !string.IsNullOrWhiteSpace(row[c]) ? row[c].Trim() : null;
        var body = Cell(textCol);
        if (body is null)
            return InputItem.Failed(name, (row.Length <= textCol ? $"CSV: row has {row.Length} columns, header has {columns}" : "CSV: empty text") + $" (line {line})");
        var title = Cell(titleCol);
        var content = title is null ? body : title + "\n\n" + body;
        var hints = new ArticleHints(title, NormaliseDate(Cell(dateCol)), Cell(sourceCol), Cell(urlCol));
        return InputItem.Read(new RawDocument(name, Encoding.UTF8.GetBytes(content), ContentTypes.Text, null, hints));
    }

    /// <summary>US-style M/D/YY or M/D/YYYY (as FA-KES writes dates) to YYYY-MM-DD; other values pass through.</summary>
    public static string? NormaliseDate(string? value)
    {
        if (value is null) return null;
        string[] formats = ["M/d/yy", "M/d/yyyy", "yyyy-MM-dd"];
        return DateOnly.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value;
    }

    /// <summary>RFC 4180 records (see <see cref="CsvTable.Parse"/>).</summary>
    public static Result<List<string[]>> Parse(string text) => CsvTable.Parse(text);
}
