using Dragoman.Documents;

namespace Dragoman.Text;

/// <summary>A short form the article defines: "Libyan National Army (LNA)" gives LNA -> Libyan National Army.</summary>
public sealed record Abbreviation(string Short, string Long, TextSpan ShortSpan, TextSpan LongSpan);

/// <summary>
/// An article's abbreviation table, found the Schwartz-Hearst way (Schwartz and Hearst 2003, "A simple algorithm for
/// identifying abbreviation definitions in biomedical text"; written here from the paper's description): a
/// parenthesised short form after its long form, "Allied Democratic Forces (ADF)", or a short form before its
/// parenthesised long form, "HTS (Hayat Tahrir al-Sham)". The long form is the shortest run of words before the
/// parenthesis whose letters contain the short form's characters in order, the first at a word's start, within
/// min(|short| + 5, 2 |short|) words. The first definition of a short form wins.
/// </summary>
public static class Abbreviations
{
    /// <summary>Characters that end the run of words a long form may come from (a sentence or a bracket).</summary>
    private static bool IsBoundary(char c) => c is '.' or '!' or '?' or '\n' or '\r' or '(' or ')' or '[' or ']' or ';' or ':';

    public static IReadOnlyDictionary<string, Abbreviation> Find(string text)
    {
        var table = new Dictionary<string, Abbreviation>(StringComparer.Ordinal);
        for (int open = text.IndexOf('('); open >= 0; open = text.IndexOf('(', open + 1))
        {
            int close = text.IndexOf(')', open + 1);
            if (close < 0) break;
            if (Define(text, open, close) is { } a) table.TryAdd(a.Short, a);
        }
        return table;
    }

    /// <summary>The definition around the parenthesis text[open..close], or null when there is none.</summary>
    private static Abbreviation? Define(string text, int open, int close)
    {
        // inside: up to the first comma or semicolon ("(LNA, led by ...)")
        int innerEnd = close;
        for (int i = open + 1; i < close; i++) if (text[i] is ',' or ';') { innerEnd = i; break; }
        var inner = Trim(text, open + 1, innerEnd);
        if (inner.Length == 0) return null;
        var innerText = text[inner.Start..inner.End];
        if (IsShortForm(innerText))
        {
            var words = WordsBefore(text, open, MaxWords(innerText.Length));
            return LongForm(text, innerText, words) is { } longSpan
                ? new Abbreviation(innerText, text[longSpan.Start..longSpan.End], inner, longSpan) : null;
        }
        // the reverse order: one word before the parenthesis is the short form, the parenthesis holds the long form
        var before = WordsBefore(text, open, 1);
        if (before.Count == 1 && text[before[0].Start..before[0].End] is var shortText && IsShortForm(shortText)
            && WordCount(innerText) > 1 && LongForm(text, shortText, WordSpans(text, inner)) is { } reverseLong
            && reverseLong.Start == inner.Start)
            return new Abbreviation(shortText, innerText, before[0], inner);
        return null;
    }

    /// <summary>2..10 characters, one word, a capital letter, starts with a letter or digit (Schwartz-Hearst's filter).</summary>
    public static bool IsShortForm(string s) =>
        s.Length is >= 2 and <= 10 && char.IsLetterOrDigit(s[0]) && s.Any(char.IsUpper) && !s.Any(char.IsWhiteSpace)
        && s.Count(char.IsLetter) >= 2 && !s.All(c => !char.IsLetter(c) || char.IsLower(c) || c == s[0]);

    private static int MaxWords(int shortLength) => Math.Min(shortLength + 5, shortLength * 2);

    /// <summary>
    /// The long form's span: matches the short form's letters and digits right to left against the words' characters,
    /// the first one at a word's start; the long form begins at the word where the first one matched.
    /// </summary>
    private static TextSpan? LongForm(string text, string shortForm, List<TextSpan> words)
    {
        if (words.Count == 0) return null;
        int start = words[0].Start, end = words[^1].End;
        int l = end - 1;
        for (int s = shortForm.Length - 1; s >= 0; s--)
        {
            char c = char.ToLowerInvariant(shortForm[s]);
            if (!char.IsLetterOrDigit(c)) continue;
            while (l >= start && (char.ToLowerInvariant(text[l]) != c || (s == 0 && l > start && char.IsLetterOrDigit(text[l - 1]))))
                l--;
            if (l < start) return null;
            l--;
        }
        int from = words.FindLastIndex(w => w.Start <= l + 1);
        if (from < 0) return null;
        var span = new TextSpan(words[from].Start, end);
        // a lower-case first word before capitalised ones is a clause reaching in ("claimed by the Northern Coast
        // Drug Cartel (CNCDC)": the first C of a short form from another language matches "claimed"), not part of the name
        if (char.IsLower(text[span.Start]) && words.Skip(from + 1).Any(w => char.IsUpper(text[w.Start]))) return null;
        // the long form must be longer than the short form and more than one word or clearly longer ("Hamas (HMS)" is not)
        return span.End - span.Start > shortForm.Length && WordCount(text[span.Start..span.End]) >= 2 ? span : null;
    }

    /// <summary>Up to <paramref name="max"/> words ending before <paramref name="at"/>, stopping at a sentence or bracket boundary.</summary>
    private static List<TextSpan> WordsBefore(string text, int at, int max)
    {
        var words = new List<TextSpan>();
        int i = at - 1;
        while (words.Count < max)
        {
            while (i >= 0 && char.IsWhiteSpace(text[i]) && text[i] is not ('\n' or '\r')) i--;
            if (i < 0 || IsBoundary(text[i])) break;
            int end = i + 1;
            while (i >= 0 && !char.IsWhiteSpace(text[i]) && !IsBoundary(text[i])) i--;
            var w = Trim(text, i + 1, end);
            if (w.Length > 0) words.Insert(0, w);
            if (i >= 0 && IsBoundary(text[i])) break;
        }
        return words;
    }

    private static List<TextSpan> WordSpans(string text, TextSpan span)
    {
        var words = new List<TextSpan>();
        int i = span.Start;
        while (i < span.End)
        {
            while (i < span.End && char.IsWhiteSpace(text[i])) i++;
            int s = i;
            while (i < span.End && !char.IsWhiteSpace(text[i])) i++;
            if (i > s) words.Add(Trim(text, s, i));
        }
        return words.Where(w => w.Length > 0).ToList();
    }

    /// <summary>The span without surrounding spaces, quotes and commas.</summary>
    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is '"' or '\'' or '\u201C' or '\u2018')) start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '"' or '\'' or ',' or '\u201D' or '\u2019')) end--;
        return new TextSpan(start, end);
    }

    private static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
