using System.Globalization;
using System.Text;
using Dragoman.Documents;

namespace Dragoman.Entities;

/// <summary>
/// A document for training or evaluating the tagger: text built from the corpus tokens joined by spaces,
/// tokens and sentences as in <see cref="Document"/>, and gold BILOU labels per token when annotated.
/// </summary>
public sealed class NerDocument
{
    public required string Text { get; init; }
    public required Token[] Tokens { get; init; }
    public required Sentence[] Sentences { get; init; }
    public int[]? Gold { get; init; }

    public ReadOnlySpan<char> TokenText(int i) => Text.AsSpan(Tokens[i].Start, Tokens[i].End - Tokens[i].Start);

    /// <summary>Builds a document from sentences of (token, class or -1) with entity spans; used by readers and tests.</summary>
    public static NerDocument FromSentences(IReadOnlyList<(string[] Tokens, List<TagSpan> Spans)> sentences, bool annotated = true)
    {
        var sb = new StringBuilder();
        var tokens = new List<Token>();
        var sents = new List<Sentence>();
        var gold = new List<int>();
        foreach (var (words, spans) in sentences)
        {
            if (words.Length == 0) continue;
            int first = tokens.Count;
            int sentStart = sb.Length;
            foreach (var w in words)
            {
                int start = sb.Length;
                sb.Append(w);
                tokens.Add(new Token(start, sb.Length, KindOf(w)));
                sb.Append(' ');
            }
            sents.Add(new Sentence(sentStart, sb.Length - 1, first, words.Length));
            sb[^1] = '\n';
            gold.AddRange(NerLabels.Encode(words.Length, spans));
        }
        return new NerDocument { Text = sb.ToString(), Tokens = [.. tokens], Sentences = [.. sents], Gold = annotated ? [.. gold] : null };
    }

    /// <summary>Gold entity spans of sentence <paramref name="s"/> (sentence-local token indexes).</summary>
    public List<TagSpan> GoldSpans(int s)
    {
        var sent = Sentences[s];
        return Gold is null ? [] : NerLabels.Decode(Gold.AsSpan(sent.FirstToken, sent.TokenCount));
    }

    private static TokenKind KindOf(string w)
    {
        char c = w[0];
        if (char.IsDigit(c)) return TokenKind.Number;
        if (Dragoman.Text.Tokenizer.IsWordChar(c)) return TokenKind.Word;
        return char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
    }
}

/// <summary>
/// Reads annotated NER corpora into <see cref="NerDocument"/>s with tags mapped to the CoNLL classes.
/// Formats: <c>conll</c> (token first, IOB tag last, whitespace-separated; also re3d, WNUT-17 and Wikigold files)
/// <c>gmb</c> (the Kaggle GMB ner_dataset CSV) and <c>re3d</c> (CoNLL form, reduced to names: see <see cref="NamesOnly"/>).
/// See <see cref="MapType"/> for the tag mapping.
/// </summary>
public static class NerCorpus
{
    /// <summary>Sentences per pseudo-document for corpora without document boundaries (GMB).</summary>
    public const int PseudoDocumentSentences = 15;

    public static string[] Formats => ["conll", "gmb", "re3d"];

    /// <summary>Reads FILE or FILE:format; a format missing is guessed from the name (".csv" is gmb, else conll).</summary>
    public static Result<List<NerDocument>> ReadSpec(string spec)
    {
        string path = spec, format = "";
        int colon = spec.LastIndexOf(':');
        if (colon > 1 && Formats.Contains(spec[(colon + 1)..])) { path = spec[..colon]; format = spec[(colon + 1)..]; }
        if (format.Length == 0)
            format = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "gmb"
                : Path.GetFileName(path).StartsWith("re3d", StringComparison.OrdinalIgnoreCase) ? "re3d" : "conll";
        if (!File.Exists(path)) return Result<List<NerDocument>>.Fail($"{path}: no such file");
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return format switch
            {
                "gmb" => ReadGmb(reader, path),
                "re3d" => ReadConll(reader, path, NamesOnly),
                _ => ReadConll(reader, path),
            };
        }
        catch (IOException ex)
        {
            return Result<List<NerDocument>>.Fail($"{path}: {ex.Message}");
        }
    }

    /// <summary>
    /// Maps a corpus entity type to a CoNLL class index, or -1 (not an entity for the tagger).
    /// CoNLL PER/ORG/LOC/MISC as is; re3d Person/Organisation/Location, Nationality to MISC (other re3d types dropped);
    /// GMB per/org/geo, gpe (mostly demonyms: "Iraqi") to MISC, art/eve/nat to MISC, tim dropped;
    /// WNUT-17 person, corporation and group to ORG, location, product and creative-work to MISC.
    /// </summary>
    public static int MapType(string type) => type.ToLowerInvariant() switch
    {
        "per" or "person" => 0,
        "org" or "organisation" or "organization" or "corporation" or "group" => 1,
        "loc" or "location" or "geo" => 2,
        "misc" or "nationality" or "gpe" or "art" or "eve" or "nat" or "product" or "creative-work" => 3,
        _ => -1,
    };

    /// <summary>
    /// re3d marks pronouns, nominal mentions and determiners as entities ("she", "the victims", "the United States");
    /// CoNLL marks names only. To score and train names alike, a re3d span keeps only from its first capitalised
    /// token on (dropping a leading "the", "a", "an"), and a span with no capitalised word is dropped.
    /// </summary>
    public static List<TagSpan> NamesOnly(string[] words, List<TagSpan> spans)
    {
        var kept = new List<TagSpan>(spans.Count);
        foreach (var sp in spans)
        {
            int start = sp.Start;
            while (start < sp.End && words[start].ToLowerInvariant() is "the" or "a" or "an") start++;
            bool named = false;
            for (int i = start; i < sp.End; i++) if (char.IsUpper(words[i][0])) { named = true; break; }
            if (named && !(sp.End - start == 1 && IsPronoun(words[start]))) kept.Add(sp with { Start = start });
        }
        return kept;
    }

    private static bool IsPronoun(string w) => w.ToLowerInvariant() is "i" or "we" or "he" or "she" or "it" or "they" or "you" or "me" or "us" or "him" or "her" or "them";

    public static Result<List<NerDocument>> ReadConll(TextReader reader, string name, Func<string[], List<TagSpan>, List<TagSpan>>? adjust = null)
    {
        var docs = new List<NerDocument>();
        var sentences = new List<(string[], List<TagSpan>)>();
        var words = new List<string>();
        var tags = new List<string>();
        bool sawDocStart = false;
        int lineNo = 0;
        string? line;

        void EndSentence()
        {
            if (words.Count == 0) return;
            string[] w = [.. words];
            var spans = SpansFromIob(tags);
            sentences.Add((w, adjust is null ? spans : adjust(w, spans)));
            words.Clear();
            tags.Clear();
        }
        void EndDocument()
        {
            EndSentence();
            if (sentences.Count > 0) docs.Add(NerDocument.FromSentences(sentences));
            sentences.Clear();
        }

        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0) { EndSentence(); continue; }
            if (trimmed.StartsWith("-DOCSTART-", StringComparison.Ordinal)) { sawDocStart = true; EndDocument(); continue; }
            var cols = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (cols.Length < 2) return Result<List<NerDocument>>.Fail($"{name}:{lineNo}: expected a token and a tag, got '{Clip(line)}'");
            var tag = cols[^1];
            if (tag != "O" && !(tag.Length > 2 && tag[1] == '-' && tag[0] is 'B' or 'I' or 'E' or 'S' or 'L' or 'U'))
                return Result<List<NerDocument>>.Fail($"{name}:{lineNo}: '{Clip(tag)}' is not an IOB tag");
            words.Add(cols[0]);
            tags.Add(tag);
        }
        EndSentence();
        if (!sawDocStart) { docs.AddRange(SplitAtDatelines(sentences)); sentences.Clear(); }
        EndDocument();
        return docs.Count == 0 ? Result<List<NerDocument>>.Fail($"{name}: no sentences") : docs;
    }

    public static Result<List<NerDocument>> ReadGmb(TextReader reader, string name)
    {
        var docs = new List<NerDocument>();
        var sentences = new List<(string[], List<TagSpan>)>();
        var words = new List<string>();
        var tags = new List<string>();
        int lineNo = 0;
        string? line;
        void EndSentence()
        {
            if (words.Count == 0) return;
            sentences.Add(([.. words], SpansFromIob(tags)));
            words.Clear();
            tags.Clear();
            if (sentences.Count >= PseudoDocumentSentences) { docs.Add(NerDocument.FromSentences(sentences)); sentences.Clear(); }
        }
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith("Sentence #,", StringComparison.Ordinal)) continue;
            // Sentence #,Word,POS,Tag  -- the word itself may contain commas: take first and last two fields.
            int c1 = line.IndexOf(',');
            int c3 = line.LastIndexOf(',');
            int c2 = c3 > 0 ? line.LastIndexOf(',', c3 - 1) : -1;
            if (c1 < 0 || c2 <= c1) return Result<List<NerDocument>>.Fail($"{name}:{lineNo}: expected 'Sentence #,Word,POS,Tag', got '{Clip(line)}'");
            if (line.AsSpan(0, c1).Trim().Length > 0) EndSentence();
            var word = line[(c1 + 1)..c2].Trim('"');
            if (word.Length == 0) continue;
            words.Add(word);
            tags.Add(line[(c3 + 1)..].Trim());
        }
        EndSentence();
        if (sentences.Count > 0) docs.Add(NerDocument.FromSentences(sentences));
        return docs.Count == 0 ? Result<List<NerDocument>>.Fail($"{name}: no sentences") : docs;
    }

    /// <summary>IOB1 or IOB2 (also BIOES/BILOU) tags to spans, as conlleval reads them: an I- after O or another type opens a span.</summary>
    public static List<TagSpan> SpansFromIob(IReadOnlyList<string> tags)
    {
        var spans = new List<TagSpan>();
        int start = -1;
        string? openType = null;
        for (int i = 0; i <= tags.Count; i++)
        {
            string tag = i < tags.Count ? tags[i] : "O";
            char prefix = tag == "O" ? 'O' : tag[0];
            string? type = tag == "O" ? null : tag[2..];
            bool begins = prefix is 'B' or 'S' or 'U' || (prefix is 'I' or 'E' or 'L' && type != openType);
            if (openType is not null && (prefix == 'O' || begins))
            {
                int cls = MapType(openType);
                if (cls >= 0) spans.Add(new TagSpan(start, i, cls));
                openType = null;
            }
            if (type is not null && (begins || openType is null)) { start = i; openType = type; }
            if (prefix is 'E' or 'L' or 'S' or 'U' && openType is not null)
            {
                int cls = MapType(openType);
                if (cls >= 0) spans.Add(new TagSpan(start, i + 1, cls));
                openType = null;
            }
        }
        return spans;
    }

    /// <summary>
    /// Splits a run of sentences into documents for corpora without -DOCSTART- lines (this CoNLL-2003 copy):
    /// a short sentence holding an ISO date ("BRUSSELS 1996-08-22") is a dateline, and its document starts at the headline before it.
    /// </summary>
    public static IEnumerable<NerDocument> SplitAtDatelines(List<(string[] Tokens, List<TagSpan> Spans)> sentences)
    {
        int start = 0;
        for (int s = 1; s < sentences.Count; s++)
        {
            if (!IsDateline(sentences[s].Tokens) || s - 1 <= start) continue;
            yield return NerDocument.FromSentences(sentences.GetRange(start, s - 1 - start));
            start = s - 1;
        }
        if (start < sentences.Count) yield return NerDocument.FromSentences(sentences.GetRange(start, sentences.Count - start));
    }

    private static bool IsDateline(string[] tokens)
    {
        if (tokens.Length > 10) return false;
        foreach (var t in tokens)
            if (t.Length == 10 && t[4] == '-' && t[7] == '-' && DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                return true;
        return false;
    }

    private static string Clip(string s) => s.Length > 60 ? s[..60] + "..." : s;
}
