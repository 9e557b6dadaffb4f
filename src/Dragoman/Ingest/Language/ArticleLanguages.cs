using Lingua;
using static Lingua.Language;

namespace Dragoman.Ingest.Language;

/// <summary>
/// The language of an article's clean text, detected with Lingua (SearchPioneer.Lingua, Apache-2.0; n-gram models
/// trained on public text) among the languages news in this field comes in, and whether the pipeline handles it.
/// The text decides, not the page's lang attribute (templates often say "en" whatever the article's language).
/// </summary>
public static class ArticleLanguages
{
    /// <summary>ISO 639-1 codes of the languages the pipeline's models and dictionaries are built for.</summary>
    public static readonly IReadOnlySet<string> Handled = new HashSet<string>(StringComparer.Ordinal) { "en" };

    /// <summary>
    /// Characters the detector reads: two slices of half this, from the start and from the middle (so a lead-in in
    /// another language, or a template line, cannot decide alone). Lingua's cost grows with the text (about 4 ms of CPU
    /// per article at 3,000 characters, 1 ms at 600, FA-KES dev, docs/benchmarks.md) while a paragraph already decides it.
    /// </summary>
    public const int SampleChars = 600;

    private static readonly Lingua.Language[] Candidates =
    [
        English, Arabic, French, Spanish, German, Russian, Turkish, Persian, Chinese, Portuguese, Italian, Ukrainian,
        Hebrew, Urdu, Hindi, Indonesian, Dutch, Somali, Swahili, Amharic, Japanese, Korean, Polish, Greek,
    ];

    /// <summary>Whether the detector can answer this ISO 639-1 code.</summary>
    public static bool IsCandidate(string code) =>
        Candidates.Any(l => l.IsoCode6391().ToString().Equals(code, StringComparison.OrdinalIgnoreCase));

    // Low accuracy mode (trigrams only) is meant for texts of a sentence or more, which articles are. Each language's
    // model is read when a text first needs it (Lingua 2.0 loads through a ConcurrentDictionary of Lazy values, so
    // threads do not race): preloading all 24 cost about 0.57 s of CPU at every start, English text needs about half.
    private static readonly Lazy<LanguageDetector> Detector = new(() =>
        LanguageDetectorBuilder.FromLanguages(Candidates).WithLowAccuracyMode().Build());

    /// <summary>
    /// The ISO 639-1 code of the text's language, or null when the detector cannot tell (too little text). Plain English
    /// prose is told by <see cref="EnglishCheck"/> without the detector; only other texts load its models.
    /// </summary>
    public static string? Detect(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var sample = Sample(text);
        return EnglishCheck.IsPlainEnglish(sample) ? "en" : DetectWithModels(sample);
    }

    /// <summary>Lingua's answer alone, on the text as given (what <see cref="Detect"/> asks when the English check is not sure).</summary>
    public static string? DetectWithModels(string text)
    {
        var language = Detector.Value.DetectLanguageOf(text);
        return language == Unknown ? null : language.IsoCode6391().ToString().ToLowerInvariant();
    }

    /// <summary>The text itself when short, else a slice from its start and one from its middle, each cut at a space.</summary>
    public static string Sample(string text)
    {
        if (text.Length <= SampleChars) return text;
        int half = SampleChars / 2;
        return Slice(text, 0, half) + "\n" + Slice(text, text.Length / 2, half);
    }

    private static string Slice(string text, int from, int length)
    {
        if (from > 0 && text.IndexOf(' ', from, Math.Min(40, text.Length - from)) is var space and >= 0) from = space + 1;
        int end = Math.Min(text.Length, from + length);
        if (end < text.Length && text.LastIndexOf(' ', end - 1, Math.Min(40, end - from)) is var cut and > 0 && cut > from) end = cut;
        return text[from..end];
    }

    /// <summary>The English name of a code the detector gives, for messages.</summary>
    public static string Name(string code) =>
        Candidates.FirstOrDefault(l => l.IsoCode6391().ToString().Equals(code, StringComparison.OrdinalIgnoreCase)) is var l && l != Unknown ? l.ToString() : code;
}
