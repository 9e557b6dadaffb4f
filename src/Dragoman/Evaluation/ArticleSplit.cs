using System.Text;

namespace Dragoman.Evaluation;

/// <summary>Which part of a gold set an article belongs to: tuned on (development) or only measured (held back).</summary>
public enum SplitPart { Development, HeldBack }

/// <summary>
/// The fixed development / held-back split of articles-gold (docs/evaluation.md). Rule: within each name prefix
/// ("af-", "mx-", ...) the names are ordered by a stable 64-bit FNV-1a hash of the name and the first 30% (rounded)
/// are held back. The held-back names are written once to data/eval/articles-gold-held.txt, which is what the
/// evaluation reads, so adding articles later never moves an existing one between parts.
/// </summary>
public static class ArticleSplit
{
    public const double HeldShare = 0.3;
    public const string HeldFileName = "articles-gold-held.txt";

    public static ulong StableHash(string name)
    {
        ulong h = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(name)) { h ^= b; h *= 1099511628211UL; }
        return h;
    }

    /// <summary>The name's stratum: the text before the first '-' (the set's source group), or the whole name.</summary>
    public static string Prefix(string name) => name.IndexOf('-') is var i and > 0 ? name[..i] : name;

    /// <summary>The held-back names the rule chooses among <paramref name="names"/>, sorted.</summary>
    public static SortedSet<string> ChooseHeld(IEnumerable<string> names)
    {
        var held = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var group in names.Distinct(StringComparer.Ordinal).GroupBy(Prefix, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(StableHash).ThenBy(n => n, StringComparer.Ordinal).ToList();
            int take = (int)Math.Round(ordered.Count * HeldShare, MidpointRounding.AwayFromZero);
            foreach (var n in ordered.Take(take)) held.Add(n);
        }
        return held;
    }

    /// <summary>Reads a held-back names file: one name a line, '#' starts a comment.</summary>
    public static Result<HashSet<string>> ReadHeld(string path)
    {
        if (!File.Exists(path)) return Result<HashSet<string>>.Fail($"{path}: held-back names file not found");
        return File.ReadLines(path).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The shipped held-back list of articles-gold (data/eval beside the binary).</summary>
    public static string BundledHeldFile => Path.Combine(Pipeline.PipelineResources.BundledDataDir, "eval", HeldFileName);
}
