using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dragoman.Text;

namespace Dragoman.Entities;

public sealed record ClusterOptions
{
    public int MinCount { get; init; } = 3;
    public int MaxWords { get; init; } = 40000;
    public int ContextWords { get; init; } = 1000;
    public int Dimensions { get; init; } = 64;
    public int[] Levels { get; init; } = [32, 128, 512];
    public int Iterations { get; init; } = 8;
    public int Seed { get; init; } = 7;
}

/// <summary>
/// Learns word clusters from unlabelled text (training time only): each word's contexts (the words at -2, -1, +1, +2,
/// among the most frequent context words, weighted by log inverse frequency) are summed through a fixed random
/// projection into a short dense vector, normalised, and clustered by spherical k-means at several granularities.
/// A cheap, deterministic stand-in for Brown clusters that runs in seconds on one core.
/// </summary>
public static class ClusterTrainer
{
    /// <summary>Reads a text source into sentences of tokens: annotated corpora by their reader, .jsonl "text" fields, XML/TimeML with tags stripped, else plain text.</summary>
    public static IEnumerable<string[]> ReadSentences(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".conll" || path.EndsWith(".conll.txt", StringComparison.Ordinal) || path.Contains("conll2003", StringComparison.Ordinal) || (ext == ".csv" && path.Contains("ner_dataset", StringComparison.Ordinal)))
        {
            var docs = NerCorpus.ReadSpec(path);
            if (!docs.IsOk) yield break;
            foreach (var d in docs.Value!)
                foreach (var s in d.Sentences)
                    yield return [.. Enumerable.Range(s.FirstToken, s.TokenCount).Select(i => d.TokenText(i).ToString())];
            yield break;
        }
        IEnumerable<string> texts = ext switch
        {
            ".jsonl" => File.ReadLines(path).Select(JsonText).OfType<string>(),
            ".gz" when path.EndsWith(".jsonl.gz", StringComparison.Ordinal) => GzLines(path).Select(JsonText).OfType<string>(),
            ".xml" or ".tml" => [Regex.Replace(File.ReadAllText(path), "<[^>]*>", " ")],
            _ => File.ReadLines(path),
        };
        foreach (var text in texts)
        {
            var tokens = Tokenizer.Tokenize(text);
            foreach (var s in SentenceSplitter.Split(text, tokens))
                yield return [.. Enumerable.Range(s.FirstToken, s.TokenCount).Select(i => text[tokens[i].Start..tokens[i].End])];
        }
    }

    private static IEnumerable<string> GzLines(string path)
    {
        using var f = File.OpenRead(path);
        using var gz = new System.IO.Compression.GZipStream(f, System.IO.Compression.CompressionMode.Decompress);
        using var r = new StreamReader(gz);
        while (r.ReadLine() is { } line) yield return line;
    }

    private static string? JsonText(string line)
    {
        if (line.Length == 0) return null;
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        }
        catch (JsonException) { return null; }
    }

    public static string Norm(string w)
    {
        var chars = new char[w.Length];
        for (int i = 0; i < w.Length; i++) chars[i] = FeatureHash.NormChar(w[i]);
        return new string(chars);
    }

    public static WordClusters Train(IEnumerable<string[]> sentences, ClusterOptions o, Action<string>? log = null)
    {
        var corpus = new List<int[]>();
        var ids = new Dictionary<string, int>();
        var counts = new List<int>();
        var words = new List<string>();
        long tokens = 0;
        foreach (var s in sentences)
        {
            var row = new int[s.Length];
            for (int i = 0; i < s.Length; i++)
            {
                var n = Norm(s[i]);
                if (!ids.TryGetValue(n, out int id)) { id = ids.Count; ids[n] = id; counts.Add(0); words.Add(n); }
                counts[id]++;
                row[i] = id;
            }
            tokens += s.Length;
            corpus.Add(row);
        }
        var byFreq = Enumerable.Range(0, counts.Count).OrderByDescending(i => counts[i]).ThenBy(i => words[i], StringComparer.Ordinal).ToArray();
        var ctxIndex = new int[counts.Count];
        Array.Fill(ctxIndex, -1);
        for (int r = 0; r < Math.Min(o.ContextWords, byFreq.Length); r++) ctxIndex[byFreq[r]] = r;
        var target = new int[counts.Count];
        Array.Fill(target, -1);
        int nWords = 0;
        foreach (var w in byFreq)
        {
            if (counts[w] < o.MinCount || nWords >= o.MaxWords) break;
            target[w] = nWords++;
        }
        log?.Invoke($"clusters: {tokens} tokens, {counts.Count} types, {nWords} words clustered");

        int D = o.Dimensions, C = o.ContextWords + 2; // + other, + boundary
        var rng = new Random(o.Seed);
        var proj = new float[4 * C * D];
        for (int i = 0; i < proj.Length; i++) proj[i] = rng.Next(2) == 0 ? -1f : 1f;
        var ctxWeight = new float[C];
        for (int c = 0; c < C; c++)
        {
            double f = c < o.ContextWords && c < byFreq.Length ? counts[byFreq[c]] : c == C - 1 ? corpus.Count : Math.Max(1, tokens / 10);
            ctxWeight[c] = (float)Math.Max(0.1, Math.Log((double)tokens / f));
        }
        var vec = new float[nWords * D];
        foreach (var row in corpus)
        {
            for (int i = 0; i < row.Length; i++)
            {
                int t = target[row[i]];
                if (t < 0) continue;
                var v = vec.AsSpan(t * D, D);
                for (int slot = 0; slot < 4; slot++)
                {
                    int j = i + (slot < 2 ? slot - 2 : slot - 1);
                    int c = j < 0 || j >= row.Length ? C - 1 : ctxIndex[row[j]] < 0 ? C - 2 : ctxIndex[row[j]];
                    var p = proj.AsSpan((slot * C + c) * D, D);
                    float wgt = ctxWeight[c];
                    for (int d = 0; d < D; d++) v[d] += wgt * p[d];
                }
            }
        }
        for (int t = 0; t < nWords; t++) Normalise(vec.AsSpan(t * D, D));

        var assign = new ushort[o.Levels.Length][];
        for (int l = 0; l < o.Levels.Length; l++)
        {
            assign[l] = KMeans(vec, nWords, D, o.Levels[l], o.Iterations, new Random(o.Seed + l));
            log?.Invoke($"clusters: level {l} k={o.Levels[l]} done");
        }
        var result = new WordClusters(o.Levels.Length);
        var idsBuf = new ushort[o.Levels.Length];
        for (int r = 0; r < nWords; r++)
        {
            int w = byFreq[r];
            for (int l = 0; l < idsBuf.Length; l++) idsBuf[l] = assign[l][r];
            result.Add(words[w], idsBuf);
        }
        return result;
    }

    private static void Normalise(Span<float> v)
    {
        float n = 0;
        foreach (var x in v) n += x * x;
        n = MathF.Sqrt(n);
        if (n > 0) for (int d = 0; d < v.Length; d++) v[d] /= n;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int i = 0;
        var acc = Vector<float>.Zero;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        float s = Vector.Sum(acc);
        for (; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>Spherical k-means (cosine), initialised from evenly spread frequent words; deterministic.</summary>
    private static ushort[] KMeans(float[] vec, int n, int D, int k, int iterations, Random rng)
    {
        k = Math.Min(k, n);
        var cent = new float[k * D];
        var chosen = new HashSet<int>();
        for (int c = 0; c < k; c++)
        {
            int pick;
            do pick = rng.Next(n); while (!chosen.Add(pick));
            vec.AsSpan(pick * D, D).CopyTo(cent.AsSpan(c * D, D));
        }
        var assign = new ushort[n];
        for (int it = 0; it < iterations; it++)
        {
            for (int t = 0; t < n; t++)
            {
                var v = vec.AsSpan(t * D, D);
                int best = 0;
                float bestDot = float.NegativeInfinity;
                for (int c = 0; c < k; c++)
                {
                    float dot = Dot(v, cent.AsSpan(c * D, D));
                    if (dot > bestDot) { bestDot = dot; best = c; }
                }
                assign[t] = (ushort)best;
            }
            Array.Clear(cent);
            for (int t = 0; t < n; t++)
            {
                var c = cent.AsSpan(assign[t] * D, D);
                var v = vec.AsSpan(t * D, D);
                for (int d = 0; d < D; d++) c[d] += v[d];
            }
            for (int c = 0; c < k; c++) Normalise(cent.AsSpan(c * D, D));
        }
        return assign;
    }
}
