using System.Globalization;
using Dragoman.Geo;

namespace Dragoman.Evaluation;

/// <summary>
/// The per-field rules of the articles-gold scoring (../shared/data/articles-gold/README.md, docs/evaluation.md):
/// content-word overlap for parties and sources, 161 km for places, the gold day/month/year +-1 unit for dates,
/// the same lower bound for counts, equal modality.
/// </summary>
public sealed class ArticleFieldRules
{
    public const double PlaceKm = 161;

    private readonly HashSet<string> _functionWords;

    public ArticleFieldRules(IEnumerable<string> functionWords) =>
        _functionWords = functionWords.Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    /// <summary>Rules with the shipped function-word list (data/eval/function-words.txt beside the binary).</summary>
    public static ArticleFieldRules LoadBundled()
    {
        var path = Path.Combine(Pipeline.PipelineResources.BundledDataDir, "eval", "function-words.txt");
        return new ArticleFieldRules(File.ReadLines(path).Where(l => !l.StartsWith('#')).SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>Lower-cased words of letters or digits that are not function words.</summary>
    public HashSet<string> ContentWords(string? text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text)) return words;
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int s = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            var w = text[s..i].ToLowerInvariant();
            if (!_functionWords.Contains(w)) words.Add(w);
        }
        return words;
    }

    /// <summary>Actor, target, source: right when gold and system share a content word; a gold left empty wants none.</summary>
    public bool PartyMatches(string? gold, IEnumerable<string?> system)
    {
        var g = ContentWords(gold);
        var sys = system.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        if (g.Count == 0) return sys.Count == 0;
        return sys.Any(s => ContentWords(s).Overlaps(g));
    }

    /// <summary>The window a gold date allows: its day, month or year widened by one unit each side; null when unreadable.</summary>
    public static (DateOnly From, DateOnly To)? DateWindow(string? gold)
    {
        if (string.IsNullOrWhiteSpace(gold)) return null;
        var c = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(gold, "yyyy-MM-dd", c, DateTimeStyles.None, out var d)) return (d.AddDays(-1), d.AddDays(1));
        if (DateOnly.TryParseExact(gold + "-01", "yyyy-MM-dd", c, DateTimeStyles.None, out var m)) return (m.AddMonths(-1), m.AddMonths(2).AddDays(-1));
        if (gold.Length == 4 && int.TryParse(gold, NumberStyles.None, c, out var y) && y is > 1 and < 9999) return (new DateOnly(y - 1, 1, 1), new DateOnly(y + 1, 12, 31));
        return null;
    }

    /// <summary>Date: right when the system's interval lies within the gold window.</summary>
    public static bool DateMatches(string? gold, DateOnly? start, DateOnly? end)
    {
        if (DateWindow(gold) is not { } w || start is not { } s) return false;
        var e = end ?? s;
        return s >= w.From && e <= w.To;
    }

    /// <summary>Count: right when some system count has the gold's lower bound (its upper bound for "up to N").</summary>
    public static bool CountMatches(GoldCount gold, IEnumerable<(int Min, int? Max)> system) =>
        gold.Min is int min ? system.Any(c => c.Min == min)
        : gold.Max is int max && system.Any(c => c.Max == max);

    /// <summary>Place: right when the system's coordinates lie within 161 km of the gold's.</summary>
    public static bool PlaceMatches(GoldPlace gold, double? lat, double? lon) =>
        gold.Lat is double glat && gold.Lon is double glon && lat is double slat && lon is double slon
        && GeoMath.Km(glat, glon, slat, slon) <= PlaceKm;

    /// <summary>Type: the same PLOVER event; a release coded RETREAT (mode release) also answers a gold CONCEDE (README).</summary>
    public static bool TypeMatches(string? gold, string? system, string? systemMode) =>
        gold is not null && system is not null
        && (string.Equals(gold, system, StringComparison.OrdinalIgnoreCase)
            || (gold.Equals("CONCEDE", StringComparison.OrdinalIgnoreCase) && system.Equals("RETREAT", StringComparison.OrdinalIgnoreCase)
                && string.Equals(systemMode, "release", StringComparison.OrdinalIgnoreCase)));
}
