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

    /// <summary>Text beyond this many characters adds nothing to the decision and only costs time.</summary>
    private const int SampleChars = 3000;

    private static readonly Lingua.Language[] Candidates =
    [
        English, Arabic, French, Spanish, German, Russian, Turkish, Persian, Chinese, Portuguese, Italian, Ukrainian,
        Hebrew, Urdu, Hindi, Indonesian, Dutch, Somali, Swahili, Amharic, Japanese, Korean, Polish, Greek,
    ];

    // Low accuracy mode (trigrams only) is meant for texts of a sentence or more, which articles are; models are loaded
    // up front so that detector use from many threads never races on lazy loading.
    private static readonly Lazy<LanguageDetector> Detector = new(() =>
        LanguageDetectorBuilder.FromLanguages(Candidates).WithLowAccuracyMode().WithPreloadedLanguageModels().Build());

    /// <summary>The ISO 639-1 code of the text's language, or null when the detector cannot tell (too little text).</summary>
    public static string? Detect(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var sample = text.Length > SampleChars ? text[..SampleChars] : text;
        var language = Detector.Value.DetectLanguageOf(sample);
        return language == Unknown ? null : language.IsoCode6391().ToString().ToLowerInvariant();
    }

    /// <summary>The English name of a code the detector gives, for messages.</summary>
    public static string Name(string code) =>
        Candidates.FirstOrDefault(l => l.IsoCode6391().ToString().Equals(code, StringComparison.OrdinalIgnoreCase)) is var l && l != Unknown ? l.ToString() : code;
}
