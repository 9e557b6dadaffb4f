using System.Text;

namespace Dragoman;

/// <summary>
/// The one CSV reader of the project (article inputs, evaluation sets, training corpora): RFC 4180 records,
/// comma-separated, fields in double quotes may hold commas, newlines and doubled quotes. An unterminated quoted field
/// is an error naming the line it started on.
/// </summary>
public static class CsvTable
{
    /// <summary>RFC 4180 records: comma-separated, fields in double quotes may hold commas, newlines and doubled quotes.</summary>
    public static Result<List<string[]>> Parse(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int i = 0, line = 1;
        bool any = false;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '"' && field.Length == 0)
            {
                int startLine = line;
                i++;
                while (true)
                {
                    if (i >= text.Length) return Result<List<string[]>>.Fail($"unterminated quoted field starting on line {startLine}");
                    char q = text[i];
                    if (q == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    if (q == '\n') line++;
                    field.Append(q);
                    i++;
                }
                any = true;
                continue;
            }
            if (c == ',') { fields.Add(field.ToString()); field.Clear(); any = true; i++; continue; }
            if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                i++;
                line++;
                if (any || field.Length > 0)
                {
                    fields.Add(field.ToString());
                    rows.Add([.. fields]);
                }
                fields.Clear(); field.Clear(); any = false;
                continue;
            }
            field.Append(c);
            any = true;
            i++;
        }
        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }
        return rows;
    }

    /// <summary>Rows as dictionaries keyed by the header row's names (missing cells are empty; blank rows skipped).</summary>
    public static Result<List<Dictionary<string, string>>> ReadWithHeader(string text)
    {
        var parsed = Parse(text);
        if (!parsed.IsOk) return Result<List<Dictionary<string, string>>>.Fail(parsed.Error!);
        var rows = parsed.Value!;
        var result = new List<Dictionary<string, string>>(Math.Max(0, rows.Count - 1));
        if (rows.Count == 0) return result;
        var header = rows[0];
        foreach (var r in rows.Skip(1))
        {
            if (r.Length == 1 && r[0].Length == 0) continue;
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < header.Length; i++) d[header[i]] = i < r.Length ? r[i] : "";
            result.Add(d);
        }
        return result;
    }
}
