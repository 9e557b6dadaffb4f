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
        foreach (var record in Records(new StringReader(text)))
        {
            if (record.Error is not null) return Result<List<string[]>>.Fail(record.Error);
            rows.Add(record.Cells!);
        }
        return rows;
    }

    /// <summary>
    /// The records of <paramref name="reader"/> as they are read (a file of any size is never held whole), each with the
    /// line it starts on; blank lines give none. An unterminated quoted field ends the sequence with one record whose
    /// Error names the line the field started on.
    /// </summary>
    public static IEnumerable<CsvRecord> Records(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1;
        bool any = false;
        while (true)
        {
            int read = reader.Read();
            if (read < 0) break;
            char c = (char)read;
            if (c == '"' && field.Length == 0)
            {
                int startLine = line;
                while (true)
                {
                    int q = reader.Read();
                    if (q < 0)
                    {
                        yield return new CsvRecord(null, startLine, $"unterminated quoted field starting on line {startLine}");
                        yield break;
                    }
                    if (q == '"')
                    {
                        if (reader.Peek() == '"') { reader.Read(); field.Append('"'); continue; }
                        break;
                    }
                    if (q == '\n') line++;
                    field.Append((char)q);
                }
                any = true;
                continue;
            }
            if (c == ',') { fields.Add(field.ToString()); field.Clear(); any = true; continue; }
            if (c is '\r' or '\n')
            {
                if (c == '\r' && reader.Peek() == '\n') reader.Read();
                line++;
                if (any || field.Length > 0)
                {
                    fields.Add(field.ToString());
                    yield return new CsvRecord([.. fields], recordLine, null);
                }
                fields.Clear(); field.Clear(); any = false;
                recordLine = line;
                continue;
            }
            field.Append(c);
            any = true;
        }
        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord([.. fields], recordLine, null);
        }
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

/// <summary>One CSV record and the line it starts on, or (Cells null) the error that ended the file's records.</summary>
public readonly record struct CsvRecord(string[]? Cells, int Line, string? Error);
