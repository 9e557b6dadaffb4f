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
/// Inputs that are not .csv files pass through unchanged. A bad row is reported as a failed input; the others go on.
/// </summary>
public static class CsvArticles
{
    public static readonly string[] TextColumns = ["article_content", "content", "text", "body", "article"];
    public static readonly string[] TitleColumns = ["article_title", "title", "headline"];
    public static readonly string[] DateColumns = ["date", "published", "publication_date", "pubdate"];
    public static readonly string[] SourceColumns = ["source", "publisher", "outlet"];
    public static readonly string[] UrlColumns = ["url", "link", "uri"];

    public static bool IsCsv(InputItem item) =>
        item.Raw is not null && item.Raw.Uri.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<InputItem> Split(InputItem item) => Split(item, FieldMap.None);

    /// <summary>As <see cref="Split(InputItem)"/>; a mapped column name (--map, --preset) is tried before the usual ones.</summary>
    public static IEnumerable<InputItem> Split(InputItem item, FieldMap map)
    {
        if (!IsCsv(item)) return [item];
        var raw = item.Raw!;
        // decoded like every other file (BOM, UTF-16, a cp1252 byte in UTF-8), so "Caf\xE9" is "Café", not "Caf\uFFFD"
        if (TextDecoding.BinaryReason(raw.Bytes) is { } binary) return [InputItem.Failed(item.Input, "CSV: " + binary)];
        var text = TextDecoding.Decode(raw.Bytes, isHtml: false).Text;
        var rows = Parse(text);
        if (!rows.IsOk) return [InputItem.Failed(item.Input, "CSV: " + rows.Error)];
        return ToItems(raw.Uri, rows.Value!, map);
    }

    private static IEnumerable<InputItem> ToItems(string uri, List<string[]> rows, FieldMap map)
    {
        if (rows.Count == 0)
        {
            yield return InputItem.Failed(uri, "CSV: empty file");
            yield break;
        }
        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToArray();
        int Col(string field, string[] names) => map.Candidates(field, names).Select(n => Array.IndexOf(header, n.ToLowerInvariant())).FirstOrDefault(i => i >= 0, -1);
        int textCol = Col("text", TextColumns), titleCol = Col("title", TitleColumns), dateCol = Col("published", DateColumns), sourceCol = Col("source", SourceColumns), urlCol = Col("url", UrlColumns);
        if (rows.Count == 1)
        {
            yield return InputItem.Failed(uri, "CSV: a header and no rows");
            yield break;
        }
        if (textCol < 0)
        {
            yield return InputItem.Failed(uri, $"CSV: no text column (expected one of {string.Join(", ", map.Candidates("text", TextColumns))}; name yours with --map text=COLUMN)");
            yield break;
        }
        for (int r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            var name = $"{uri}#row{r}";
            string? Cell(int c) => c >= 0 && c < row.Length && !string.IsNullOrWhiteSpace(row[c]) ? row[c].Trim() : null;
            var body = Cell(textCol);
            if (body is null)
            {
                yield return InputItem.Failed(name, row.Length <= textCol ? $"CSV: row has {row.Length} columns, header has {header.Length}" : "CSV: empty text");
                continue;
            }
            var title = Cell(titleCol);
            var content = title is null ? body : title + "\n\n" + body;
            var hints = new ArticleHints(title, NormaliseDate(Cell(dateCol)), Cell(sourceCol), Cell(urlCol));
            yield return InputItem.Read(new RawDocument(name, Encoding.UTF8.GetBytes(content), ContentTypes.Text, null, hints));
        }
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
