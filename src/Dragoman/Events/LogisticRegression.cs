using System.Globalization;

namespace Dragoman.Events;

/// <summary>
/// The plain logistic regression the events layer's learned models share (salience, coreference): fitting named
/// features, and the model file ("header", "# comment" lines, "name TAB weight" lines). Deterministic: no sampling.
/// </summary>
public static class LogisticRegression
{
    /// <summary>Class probabilities of the scores (shifted by their maximum so that Exp cannot overflow); empty in, empty out.</summary>
    public static double[] Softmax(double[] z)
    {
        if (z.Length == 0) return z;
        double max = z.Max(), sum = 0;
        var p = new double[z.Length];
        for (int i = 0; i < z.Length; i++) { p[i] = Math.Exp(z[i] - max); sum += p[i]; }
        for (int i = 0; i < z.Length; i++) p[i] /= sum;
        return p;
    }

    public static double Probability(IReadOnlyDictionary<string, double> weights, IReadOnlyDictionary<string, double> features)
    {
        double z = 0;
        foreach (var (k, v) in features) if (weights.TryGetValue(k, out var w)) z += w * v;
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>
    /// Fits the weights by full-batch gradient descent on the mean log loss plus an L2 penalty (<paramref name="l2"/>,
    /// not on "bias"). Features seen in fewer than <paramref name="minCount"/> examples are dropped.
    /// </summary>
    public static Dictionary<string, double> Fit(IReadOnlyList<(IReadOnlyDictionary<string, double> Features, bool Label)> data,
        double l2 = 0.01, int iterations = 2000, double rate = 0.5, int minCount = 3)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (x, _) in data) foreach (var k in x.Keys) counts[k] = counts.GetValueOrDefault(k) + 1;
        var names = counts.Where(c => c.Value >= minCount).Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        var rows = data.Select(d => (X: d.Features.Where(p => index.ContainsKey(p.Key)).Select(p => (index[p.Key], p.Value)).ToArray(), Y: d.Label ? 1.0 : 0.0)).ToArray();
        var w = new double[names.Length];
        var grad = new double[names.Length];
        int bias = index.GetValueOrDefault("bias", -1);
        for (int it = 0; it < iterations; it++)
        {
            Array.Clear(grad);
            foreach (var (x, y) in rows)
            {
                double z = 0;
                foreach (var (j, v) in x) z += w[j] * v;
                double err = 1 / (1 + Math.Exp(-z)) - y;
                foreach (var (j, v) in x) grad[j] += err * v;
            }
            for (int j = 0; j < w.Length; j++)
                w[j] -= rate * (grad[j] / Math.Max(1, rows.Length) + (j == bias ? 0 : l2 * w[j]));
        }
        return names.Select((k, i) => (k, w[i])).ToDictionary(p => p.k, p => p.Item2, StringComparer.Ordinal);
    }

    /// <summary>Reads a model file: the exact header line first, then "name TAB number" lines (blank and "#" lines skipped).</summary>
    public static Result<Dictionary<string, double>> Read(string path, string header, string what)
    {
        if (!File.Exists(path)) return Result<Dictionary<string, double>>.Fail($"{what} not found: {path}");
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        int line = 0;
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            if (line == 1)
            {
                if (raw != header) return Result<Dictionary<string, double>>.Fail($"{path}: not an {what} (first line must be \"{header}\")");
                continue;
            }
            if (raw.Length == 0 || raw[0] == '#') continue;
            int tab = raw.LastIndexOf('\t');
            if (tab <= 0 || !double.TryParse(raw.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var w))
                return Result<Dictionary<string, double>>.Fail($"{path}:{line}: expected FEATURE<TAB>WEIGHT");
            values[raw[..tab]] = w;
        }
        if (line == 0) return Result<Dictionary<string, double>>.Fail($"{path}: empty file");
        return values;
    }

    /// <summary>
    /// Writes a multi-class model file (the role and modality models): header, comments, then the weights in name order,
    /// rounded to four decimals, leaving out those that round to nothing.
    /// </summary>
    public static void WriteWeights(string path, string header, IEnumerable<string> comments, IReadOnlyDictionary<string, double> weights)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var w = new StreamWriter(path);
        w.WriteLine(header);
        foreach (var c in comments) w.WriteLine("# " + c);
        foreach (var (k, v) in weights.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (Math.Abs(v) >= 5e-5) w.WriteLine(k + "\t" + Math.Round(v, 4).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Writes a model file: header, comments, the threshold line, then the weights in name order.</summary>
    public static void Write(string path, string header, IEnumerable<string> comments, double threshold, IReadOnlyDictionary<string, double> weights)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var w = new StreamWriter(path);
        w.WriteLine(header);
        foreach (var c in comments) w.WriteLine("# " + c);
        w.WriteLine("threshold\t" + threshold.ToString("R", CultureInfo.InvariantCulture));
        foreach (var (k, v) in weights.OrderBy(p => p.Key, StringComparer.Ordinal))
            w.WriteLine(k + "\t" + Math.Round(v, 5).ToString(CultureInfo.InvariantCulture));
    }
}
