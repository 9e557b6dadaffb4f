namespace Dragoman.Text.Syntax;

/// <summary>
/// Reads part-of-speech corpora: <c>conll</c> (CoNLL-2003 columns "word POS chunk NE", blank line between sentences,
/// -DOCSTART- lines skipped) and <c>gmb</c> (the Kaggle GMB CSV "Sentence #,Word,POS,Tag"; a word may hold commas).
/// </summary>
public static class PosCorpus
{
    /// <summary>Reads FILE or FILE:format; without a format, ".csv" is gmb, anything else conll.</summary>
    public static Result<List<PosSentence>> ReadSpec(string spec)
    {
        var path = spec;
        string? format = null;
        int colon = spec.LastIndexOf(':');
        if (colon > 0 && spec[(colon + 1)..] is "conll" or "gmb") { path = spec[..colon]; format = spec[(colon + 1)..]; }
        format ??= path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "gmb" : "conll";
        if (!File.Exists(path)) return Result<List<PosSentence>>.Fail($"{path}: no such file");
        using var reader = new StreamReader(path);
        return format == "gmb" ? ReadGmb(reader, path) : ReadConll(reader, path);
    }

    public static Result<List<PosSentence>> ReadConll(TextReader reader, string name)
    {
        var sentences = new List<PosSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        int lineNo = 0;
        string? line;
        void End()
        {
            if (words.Count > 0) sentences.Add(new PosSentence([.. words], [.. tags]));
            words.Clear();
            tags.Clear();
        }
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) { End(); continue; }
            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal)) { End(); continue; }
            var cols = line.Split(' ', '\t');
            if (cols.Length < 2) return Result<List<PosSentence>>.Fail($"{name}:{lineNo}: expected 'word POS ...', got '{line}'");
            words.Add(cols[0]);
            tags.Add(cols[1]);
        }
        End();
        return sentences.Count == 0 ? Result<List<PosSentence>>.Fail($"{name}: no sentences") : sentences;
    }

    public static Result<List<PosSentence>> ReadGmb(TextReader reader, string name)
    {
        var sentences = new List<PosSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        int lineNo = 0;
        string? line;
        void End()
        {
            if (words.Count > 0) sentences.Add(new PosSentence([.. words], [.. tags]));
            words.Clear();
            tags.Clear();
        }
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith("Sentence #,", StringComparison.Ordinal)) continue;
            var fields = CsvFields(line);
            if (fields.Count != 4) return Result<List<PosSentence>>.Fail($"{name}:{lineNo}: expected 'Sentence #,Word,POS,Tag', got '{line}'");
            if (fields[0].Trim().Length > 0) End();
            if (fields[1].Length == 0) continue;
            words.Add(fields[1]);
            tags.Add(fields[2].Trim());
        }
        End();
        return sentences.Count == 0 ? Result<List<PosSentence>>.Fail($"{name}: no sentences") : sentences;
    }

    /// <summary>The fields of one CSV line (RFC 4180 quoting: "" inside quotes is a quote).</summary>
    private static List<string> CsvFields(string line)
    {
        var fields = new List<string>(4);
        var field = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
