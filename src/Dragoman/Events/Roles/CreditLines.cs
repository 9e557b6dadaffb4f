using System.Runtime.CompilerServices;
using Dragoman.Documents;

namespace Dragoman.Events.Roles;

/// <summary>The words of picture credits (data/events/credit-words.tsv): labels that open one, words that mark a short group as one.</summary>
internal sealed record CreditWords(HashSet<string> Labels, HashSet<string> Words)
{
    private static readonly Lazy<CreditWords> Bundled = new(() => Read(Path.Combine(AppContext.BaseDirectory, "data", "events", "credit-words.tsv")));

    public static CreditWords Installed => Bundled.Value;

    public static CreditWords Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"the role stage's credit words are missing: {path}", path);
        var (labels, words) = (new HashSet<string>(StringComparer.OrdinalIgnoreCase), new HashSet<string>(StringComparer.OrdinalIgnoreCase));
        foreach (var (line, fields) in TsvRows.Read(File.ReadAllText(path)))
        {
            if (fields.Length != 2 || fields[0].Trim().Length == 0) throw new InvalidDataException($"{path}:{line}: expected WORD<TAB>label|word");
            var set = fields[1].Trim() switch { "label" => labels, "word" => words, _ => throw new InvalidDataException($"{path}:{line}: kind must be label or word") };
            set.Add(fields[0].Trim());
        }
        return new CreditWords(labels, words);
    }

    /// <summary>Whether a short group's words hold a credit word (one word, or two in a row: "social media").</summary>
    public bool Marks(IReadOnlyList<string> words)
    {
        for (int i = 0; i < words.Count; i++)
            if (Words.Contains(words[i]) || (i + 1 < words.Count && Words.Contains(words[i] + " " + words[i + 1]))) return true;
        return false;
    }
}

/// <summary>
/// The picture credits of a page, by the form credits take on a line of their own or at a line's end: a label and what
/// follows it ("Photo: Jane Roe", "Image by X"), a short parenthesised group that holds a credit word and closes the line
/// ("(Agency/File)", "(Social Media)"), a slash-joined or "via" group that closes the line ("Jane Roe/Agency", "X via
/// Stock Images"). Whoever a credit names took or supplied a picture: no party to an event, so none of its words is a
/// role candidate of either role (<see cref="RoleCandidates"/>), in its sentence or carried to a later one.
/// </summary>
internal static class CreditLines
{
    /// <summary>The longest credit after a label, in characters: longer is a sentence, not a credit.</summary>
    private const int MaxLabelled = 80;

    /// <summary>The most words of a parenthesised, slash-joined or "via" credit group.</summary>
    private const int MaxGroupWords = 6;

    private static readonly ConditionalWeakTable<Document, List<TextSpan>> Cache = new();

    /// <summary>The picture credits of a document (computed once per document).</summary>
    public static List<TextSpan> Of(Document d) => Cache.GetValue(d, doc => Find(doc.Text, CreditWords.Installed));

    /// <summary>The picture credits of a text, one at most per line.</summary>
    public static List<TextSpan> Find(string text, CreditWords words)
    {
        var found = new List<TextSpan>();
        int start = 0;
        while (start <= text.Length)
        {
            int end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var credit = InLine(text, start, end, words);
            if (credit is { } c) found.Add(c);
            start = end + 1;
        }
        return found;
    }

    /// <summary>The credit of one line (text[start..end]), or null.</summary>
    private static TextSpan? InLine(string text, int start, int end, CreditWords words)
    {
        // the line's end, past trailing spaces and a closing full stop
        int last = end;
        while (last > start && (char.IsWhiteSpace(text[last - 1]) || text[last - 1] == '.')) last--;
        if (last <= start) return null;
        if (Labelled(text, start, last, words) is { } labelled) return labelled;
        if (text[last - 1] == ')')
        {
            int open = text.LastIndexOf('(', last - 1, last - start);
            if (open >= start && WordsOf(text, open + 1, last - 1) is { Count: > 0 and <= MaxGroupWords } inner && words.Marks(inner))
                return new TextSpan(open, last);
            return null;
        }
        // "Jane Roe/Agency", "X via Stock Images": the group of capitalised words (and its joints) that closes the line
        int groupStart = last;
        int count = 0;
        bool joined = false;
        while (groupStart > start && count <= MaxGroupWords)
        {
            int wordEnd = groupStart;
            while (wordEnd > start && char.IsWhiteSpace(text[wordEnd - 1])) wordEnd--;
            int wordStart = wordEnd;
            while (wordStart > start && !char.IsWhiteSpace(text[wordStart - 1])) wordStart--;
            if (wordStart == wordEnd) break;
            var word = text.AsSpan(wordStart, wordEnd - wordStart);
            bool via = word.Equals("via", StringComparison.OrdinalIgnoreCase);
            if (!via && !char.IsUpper(word[0])) break;
            if (via || word.Contains('/')) joined = true;
            if (word[^1] is ',' or ';' or ':' || (word[^1] == '.' && wordEnd != last)) break;
            groupStart = wordStart;
            count++;
        }
        if (!joined || count == 0 || count > MaxGroupWords) return null;
        return words.Marks(WordsOf(text, groupStart, last)) ? new TextSpan(groupStart, last) : null;
    }

    /// <summary>"Photo: Jane Roe", "Image credit: X", "Picture by X": a label word before a colon, bar or "by", and a short rest of the line.</summary>
    private static TextSpan? Labelled(string text, int start, int last, CreditWords words)
    {
        int i = start;
        while (i < last)
        {
            while (i < last && !char.IsLetter(text[i])) i++;
            int j = i;
            while (j < last && char.IsLetter(text[j])) j++;
            if (j > i && words.Labels.Contains(text[i..j]) && (i == start || !char.IsLetter(text[i - 1])))
            {
                int k = j;
                // "Photo credit:", "Image courtesy of"
                while (k < last && text[k] == ' ') k++;
                int m = k;
                while (m < last && char.IsLetter(text[m])) m++;
                if (m > k && words.Labels.Contains(text[k..m])) { k = m; while (k < last && text[k] == ' ') k++; }
                bool colon = k < last && text[k] is ':' or '|';
                bool by = last - k > 3 && text.AsSpan(k, 3).Equals("by ", StringComparison.OrdinalIgnoreCase) && char.IsUpper(text[k + 3]);
                if ((colon || by) && last - k <= MaxLabelled) return new TextSpan(i, last);
            }
            i = j;
        }
        return null;
    }

    /// <summary>The words of text[start..end], split at spaces, slashes, commas, bars and hyphens, lower-cased.</summary>
    private static List<string> WordsOf(string text, int start, int end) =>
        text[start..end].Split([' ', '/', ',', '|', '-', '\t', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('(', ')', '.', '"', '\'').ToLowerInvariant()).Where(w => w.Length > 0).ToList();
}
