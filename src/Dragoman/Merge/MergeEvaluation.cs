using System.Text.Json;

namespace Dragoman.Merge;

/// <summary>One article of a merge-gold folder: its file name and the incident it reports.</summary>
public sealed record MergeGoldArticle(string File, string Incident);

/// <summary>Pairwise and B-cubed scores of a clustering of articles, and how many hard-negative article pairs were merged.</summary>
public sealed record MergeScores(
    int Articles, double PairPrecision, double PairRecall, double PairF1,
    double BCubedPrecision, double BCubedRecall, double BCubedF1, int HardNegativePairs, int HardNegativePairsMerged);

/// <summary>
/// Scores article clusterings against merge-gold (its README defines the measures): pairwise precision / recall / F1
/// over article pairs, B-cubed over articles, and the hard-negative article pairs put into one cluster.
/// The development / held-back split is by incident (data/merge/merge-gold-held.txt).
/// </summary>
public static class MergeEvaluation
{
    public static IReadOnlyList<MergeGoldArticle> ReadGold(string path)
    {
        var list = new List<MergeGoldArticle>();
        int line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            try
            {
                using var doc = JsonDocument.Parse(text);
                var file = doc.RootElement.GetProperty("file").GetString();
                var incident = doc.RootElement.GetProperty("incident").GetString();
                if (string.IsNullOrEmpty(file) || string.IsNullOrEmpty(incident)) throw new FormatException("empty file or incident");
                list.Add(new MergeGoldArticle(file, incident));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
            {
                throw new FormatException($"{path}:{line}: not a gold record with 'file' and 'incident' ({ex.Message})", ex);
            }
        }
        return list;
    }

    /// <summary>negatives.json: {"incident": ["incident it must stay apart from", ...]} as unordered pairs.</summary>
    public static IReadOnlyList<(string A, string B)> ReadNegatives(string path)
    {
        if (!File.Exists(path)) return [];
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var pairs = new List<(string, string)>();
        foreach (var p in doc.RootElement.EnumerateObject())
            foreach (var other in p.Value.EnumerateArray())
                if (other.GetString() is { } o) pairs.Add((p.Name, o));
        return pairs;
    }

    /// <summary>Incident ids, one a line; '#' starts a comment.</summary>
    public static IReadOnlySet<string> ReadIds(string path) =>
        File.ReadLines(path).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);

    /// <param name="gold">The part's articles.</param>
    /// <param name="predicted">Each article's cluster (file -> cluster id); an article missing from it is its own cluster.</param>
    public static MergeScores Score(IReadOnlyList<MergeGoldArticle> gold, IReadOnlyDictionary<string, string> predicted, IReadOnlyList<(string A, string B)> negatives)
    {
        var g = gold.ToDictionary(a => a.File, a => a.Incident, StringComparer.Ordinal);
        var p = gold.ToDictionary(a => a.File, a => predicted.TryGetValue(a.File, out var c) ? c : "alone:" + a.File, StringComparer.Ordinal);
        var files = g.Keys.Order(StringComparer.Ordinal).ToArray();
        int goldPairs = 0, predPairs = 0, both = 0, hard = 0, hardMerged = 0;
        var neg = negatives.SelectMany(n => new[] { (n.A, n.B), (n.B, n.A) }).ToHashSet();
        for (int i = 0; i < files.Length; i++)
            for (int j = i + 1; j < files.Length; j++)
            {
                bool sg = g[files[i]] == g[files[j]], sp = p[files[i]] == p[files[j]];
                if (sg) goldPairs++;
                if (sp) predPairs++;
                if (sg && sp) both++;
                if (neg.Contains((g[files[i]], g[files[j]]))) { hard++; if (sp) hardMerged++; }
            }
        double pp = predPairs == 0 ? 1 : (double)both / predPairs, pr = goldPairs == 0 ? 1 : (double)both / goldPairs;
        double bp = 0, br = 0;
        foreach (var a in files)
        {
            int inter = files.Count(b => g[b] == g[a] && p[b] == p[a]);
            bp += (double)inter / files.Count(b => p[b] == p[a]);
            br += (double)inter / files.Count(b => g[b] == g[a]);
        }
        bp /= Math.Max(1, files.Length);
        br /= Math.Max(1, files.Length);
        return new MergeScores(files.Length, pp, pr, F(pp, pr), bp, br, F(bp, br), hard, hardMerged);
    }

    private static double F(double a, double b) => a + b == 0 ? 0 : 2 * a * b / (a + b);
}

/// <summary>Where the development / held-back split of merge-gold is kept.</summary>
public static class MergeGoldSplit
{
    public static string HeldPath => Path.Combine(AppContext.BaseDirectory, "data", "merge", "merge-gold-held.txt");
}
