namespace Dragoman.Ingest.Language;

/// <summary>
/// Tells plain English prose without the language detector's models: enough words, almost only ASCII letters, and a share
/// of English closed-class words (data/ingest/english-function-words.txt, derived from CoNLL-2003 minus the words other
/// languages share) no other language's text reaches. It only ever answers "English"; a text it is not sure of goes to
/// Lingua, so the detector's models load only in a process that meets such a text (their load was 0.2-0.3 s of CPU at
/// every start). Calibrated with `dragoman eval language` (docs/benchmarks.md, session 12): on the labelled set it decides
/// 95% of the English texts and no text Lingua calls another language.
/// </summary>
public static class EnglishCheck
{
    /// <summary>Fewer words than this are left to the detector (a headline can be anything).</summary>
    public const int MinWords = 12;

    /// <summary>Share of the words that must be listed closed-class words: English news 0.12 on median, the 5th percentile 0.063;
    /// the highest non-English text of the labelled set 0.057 (mixed with English fragments), the next 0.053.</summary>
    public const double MinShare = 0.06;

    /// <summary>Share of the letters that may be outside ASCII (names with diacritics); a text in another script or with
    /// a language's own accents goes to the detector.</summary>
    public const double MaxNonAsciiLetters = 0.02;

    private static readonly Lazy<HashSet<string>> Words = new(() =>
        Read(Path.Combine(AppContext.BaseDirectory, "data", "ingest", "english-function-words.txt")));

    internal static HashSet<string> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"the English function words are missing: {path}", path);
        return File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>True when the text is English prose beyond doubt; false means "ask the detector", not "not English".</summary>
    public static bool IsPlainEnglish(ReadOnlySpan<char> text) => IsPlainEnglish(text, Words.Value);

    internal static bool IsPlainEnglish(ReadOnlySpan<char> text, HashSet<string> functionWords)
    {
        var lookup = functionWords.GetAlternateLookup<ReadOnlySpan<char>>();
        int words = 0, listed = 0, letters = 0, nonAscii = 0;
        for (int i = 0; i < text.Length;)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                if (text[i] > '\u007F') nonAscii++;
                i++;
            }
            letters += i - start;
            words++;
            if (lookup.Contains(text[start..i])) listed++;
        }
        return words >= MinWords && nonAscii <= MaxNonAsciiLetters * letters && listed >= MinShare * words;
    }
}
