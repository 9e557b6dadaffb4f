namespace Dragoman.Ingest.Language;

/// <summary>
/// Tells plain English prose without the language detector's models: enough words, almost only ASCII letters, and a share
/// of English closed-class words (data/ingest/english-function-words.txt, derived from CoNLL-2003 minus the words other
/// languages share), made of two different such words at least, that no other language's text reaches. It only ever
/// answers "English"; a text it is not sure of goes to Lingua, so the detector's models load only in a process that meets
/// such a text (their load was 0.2-0.3 s of CPU at every start). Calibrated with `dragoman eval language`
/// (docs/benchmarks.md, session 12): on the labelled set it decides 95% of the English texts and no text Lingua calls
/// another language.
/// Prose without those words (a wire line said again and again: "Gunmen killed 7 people in Homs.") is English when half
/// its words or more are common words of news text (data/ingest/word-frequencies.tsv); read only for such a text
/// (docs/benchmarks.md, session 13).
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

    /// <summary>A word of data/ingest/word-frequencies.tsv seen this often or more is a common word of news text (2,435 words).</summary>
    public const long MinCommonCount = 50;

    /// <summary>Share of the words that must be common words of news text when the closed-class words are too few: English
    /// news 0.74 on median, its 5th percentile 0.59; the highest text in another language of the labelled set 0.32.</summary>
    public const double MinCommonShare = 0.5;

    private static readonly Lazy<HashSet<string>> Words = new(() =>
        Read(Path.Combine(AppContext.BaseDirectory, "data", "ingest", "english-function-words.txt")));

    internal static HashSet<string> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"the English function words are missing: {path}", path);
        return File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static readonly Lazy<HashSet<string>> CommonWords = new(() =>
        ReadCommon(Path.Combine(AppContext.BaseDirectory, "data", "ingest", "word-frequencies.tsv"), MinCommonCount));

    /// <summary>The words of a "word TAB count" file seen at least <paramref name="minCount"/> times ('#' comments).</summary>
    internal static HashSet<string> ReadCommon(string path, long minCount)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"the word frequencies are missing: {path}", path);
        var common = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            int tab = line.IndexOf('\t');
            if (tab <= 0 || !long.TryParse(line.AsSpan(tab + 1), out long count))
                throw new InvalidDataException($"{path}: expected 'word<TAB>count', got '{line}'");
            if (count >= minCount) common.Add(line[..tab]);
        }
        return common;
    }

    /// <summary>True when the text is English prose beyond doubt; false means "ask the detector", not "not English".</summary>
    public static bool IsPlainEnglish(ReadOnlySpan<char> text) => IsPlainEnglish(text, Words.Value, CommonWords);

    internal static bool IsPlainEnglish(ReadOnlySpan<char> text, HashSet<string> functionWords, Lazy<HashSet<string>> commonWords)
    {
        var lookup = functionWords.GetAlternateLookup<ReadOnlySpan<char>>();
        int words = 0, listed = 0, letters = 0, nonAscii = 0;
        // The share must be made of two different listed words at least: one word of the list can be a frequent word of
        // another language ("he", an article in Māori). On the labelled set 3 of 1,371 English texts over the share had a
        // single one (all three then decided by their common words), and so had the one text in another language over it.
        var first = ReadOnlySpan<char>.Empty;
        bool twoDifferent = false;
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
            var word = text[start..i];
            if (!lookup.Contains(word)) continue;
            listed++;
            if (listed == 1) first = word;
            else if (!twoDifferent) twoDifferent = !word.Equals(first, StringComparison.OrdinalIgnoreCase);
        }
        if (words < MinWords || nonAscii > MaxNonAsciiLetters * letters) return false;
        return listed >= MinShare * words && twoDifferent || CommonShare(text, commonWords.Value) >= MinCommonShare;
    }

    /// <summary>The share of the text's words (runs of letters) that are in <paramref name="common"/>.</summary>
    internal static double CommonShare(ReadOnlySpan<char> text, HashSet<string> common)
    {
        var lookup = common.GetAlternateLookup<ReadOnlySpan<char>>();
        int words = 0, known = 0;
        for (int i = 0; i < text.Length;)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            words++;
            if (lookup.Contains(text[start..i])) known++;
        }
        return words == 0 ? 0 : (double)known / words;
    }
}
