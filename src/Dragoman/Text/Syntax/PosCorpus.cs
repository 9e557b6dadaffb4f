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
        var sentences = new SentenceCollector();
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith("-DOCSTART-", StringComparison.Ordinal)) { sentences.End(); continue; }
            var cols = line.Split(' ', '\t');
            if (cols.Length < 2) return Result<List<PosSentence>>.Fail($"{name}:{lineNo}: expected 'word POS ...', got '{line}'");
            sentences.Add(cols[0], cols[1]);
        }
        return sentences.Finish(name);
    }

    public static Result<List<PosSentence>> ReadGmb(TextReader reader, string name)
    {
        var rows = CsvTable.Parse(reader.ReadToEnd());
        if (!rows.IsOk) return Result<List<PosSentence>>.Fail($"{name}: {rows.Error}");
        var sentences = new SentenceCollector();
        for (int r = 0; r < rows.Value!.Count; r++)
        {
            var fields = rows.Value[r];
            if (r == 0 && fields.Length > 0 && fields[0] == "Sentence #") continue;
            if (fields.Length == 1 && fields[0].Length == 0) continue;
            if (fields.Length != 4) return Result<List<PosSentence>>.Fail($"{name}: row {r + 1}: expected 'Sentence #,Word,POS,Tag', got {fields.Length} fields");
            if (fields[0].Trim().Length > 0) sentences.End();
            if (fields[1].Length > 0) sentences.Add(fields[1], fields[2].Trim());
        }
        return sentences.Finish(name);
    }

    /// <summary>Gathers words and tags into sentences.</summary>
    private sealed class SentenceCollector
    {
        private readonly List<PosSentence> _sentences = [];
        private readonly List<string> _words = [];
        private readonly List<string> _tags = [];

        public void Add(string word, string tag) { _words.Add(word); _tags.Add(tag); }

        public void End()
        {
            if (_words.Count > 0) _sentences.Add(new PosSentence([.. _words], [.. _tags]));
            _words.Clear();
            _tags.Clear();
        }

        public Result<List<PosSentence>> Finish(string name)
        {
            End();
            return _sentences.Count == 0 ? Result<List<PosSentence>>.Fail($"{name}: no sentences") : _sentences;
        }
    }
}
