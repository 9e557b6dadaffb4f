using System.Text;

namespace Dragoman.Events.Evaluation;

/// <summary>A small RFC 4180 reader: header row, quoted fields with commas, doubled quotes and line breaks.</summary>
public static class Csv
{
    public static List<Dictionary<string, string>> Read(string text)
    {
        var rows = Records(text).ToList();
        if (rows.Count == 0) return [];
        var header = rows[0];
        var result = new List<Dictionary<string, string>>(rows.Count - 1);
        foreach (var r in rows.Skip(1))
        {
            if (r.Count == 1 && r[0].Length == 0) continue;
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < header.Count; i++) d[header[i]] = i < r.Count ? r[i] : "";
            result.Add(d);
        }
        return result;
    }

    private static IEnumerable<List<string>> Records(string text)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': row.Add(field.ToString()); field.Clear(); yield return row; row = []; break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); yield return row; }
    }
}
