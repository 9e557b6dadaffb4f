using Dragoman.Documents;

namespace Dragoman.Events.Salience;

/// <summary>
/// Whether an event's trigger is told as background by its verb group: the past perfect ("had been captured", "had
/// killed": before a past reference point, the tense news prose uses for earlier history) or an adverb of anteriority
/// inside the verb group ("was previously arrested"). The words are data (data/events/background-aspect.tsv, list
/// TAB word, sources in its header). <see cref="SalienceComponent"/> flags such an event historical where no
/// publication date lets its own date be measured. Tried as salience features too (aspect:past-perfect learned
/// +0.14 on dev: reported speech "said the gunmen had killed" is news), so not a feature.
/// Immutable, thread-safe.
/// </summary>
public sealed class BackgroundAspect
{
    public const string FileName = "background-aspect.tsv";

    /// <summary>How many words may stand between the auxiliary and the trigger ("had not yet previously been captured").</summary>
    private const int MaxGroupWords = 4;

    private static readonly string[] Lists = ["perfect", "verb-group", "anteriority", "auxiliary"];

    private readonly Dictionary<string, HashSet<string>> _lists;

    private BackgroundAspect(Dictionary<string, HashSet<string>> lists) => _lists = lists;

    public static Result<BackgroundAspect> Parse(string tsv)
    {
        var lists = Lists.ToDictionary(l => l, _ => new HashSet<string>(StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);
        foreach (var (n, f) in TsvRows.Read(tsv))
        {
            if (f.Length != 2 || f[1].Trim().Length == 0) return Result<BackgroundAspect>.Fail($"{FileName} line {n}: expected LIST<TAB>WORD");
            if (!lists.TryGetValue(f[0], out var set)) return Result<BackgroundAspect>.Fail($"{FileName} line {n}: unknown list '{f[0]}' (expected {string.Join(", ", Lists)})");
            set.Add(f[1].Trim());
        }
        foreach (var l in Lists)
            if (lists[l].Count == 0) return Result<BackgroundAspect>.Fail($"{FileName}: no '{l}' words");
        return new BackgroundAspect(lists);
    }

    public static string BundledPath => Path.Combine(AppContext.BaseDirectory, "data", "events", FileName);

    private static readonly Lazy<Result<BackgroundAspect>> Bundled = new(() =>
        File.Exists(BundledPath) ? Parse(File.ReadAllText(BundledPath)) : Result<BackgroundAspect>.Fail($"background aspect words not found: {BundledPath}"));

    /// <summary>The shipped word lists, read once per process.</summary>
    public static Result<BackgroundAspect> LoadBundled() => Bundled.Value;

    /// <summary>
    /// Walks back from the trigger's first word over the verb group (its listed words and adverbs in -ly, at most
    /// <see cref="MaxGroupWords"/>, inside the sentence): a perfect auxiliary there makes it past perfect; an anteriority
    /// adverb there, after an auxiliary or right before the trigger, makes it anterior.
    /// </summary>
    public (bool PastPerfect, bool Anterior) Of(Document d, TextSpan trigger, int sentence)
    {
        if (sentence < 0 || sentence >= d.Sentences.Length) return (false, false);
        int first = d.Sentences[sentence].FirstToken;
        int k = d.FirstTokenFrom(trigger.Start) - 1;
        bool anteriority = false;
        for (int seen = 0; k >= first && seen <= MaxGroupWords; k--, seen++)
        {
            var t = d.Tokens[k];
            if (t.Kind != TokenKind.Word) break;
            var w = d.Text.AsSpan(t.Start, t.End - t.Start);
            if (Has("perfect", w)) return (true, anteriority || Has("anteriority", w));
            if (Has("auxiliary", w)) return (false, anteriority);
            if (Has("anteriority", w)) { anteriority = true; continue; }
            if (Has("verb-group", w) || w.EndsWith("ly", StringComparison.OrdinalIgnoreCase)) continue;
            break;
        }
        // an anteriority adverb right before the trigger, with no auxiliary ("previously captured the town")
        return (false, anteriority);
    }

    /// <summary>Whether the verb group tells the event before the report's news: past perfect or an anteriority adverb.</summary>
    public bool TellsBackground(Document d, TextSpan trigger, int sentence)
    {
        var (perfect, anterior) = Of(d, trigger, sentence);
        return perfect || anterior;
    }

    private bool Has(string list, ReadOnlySpan<char> word) => _lists[list].GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
