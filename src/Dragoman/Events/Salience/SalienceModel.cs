using System.Globalization;

namespace Dragoman.Events.Salience;

/// <summary>
/// Logistic regression over <see cref="SalienceFeatures"/>: the probability that a careful coder would code the
/// event as one of the article's main events (models/events/README.md). Plain-text file: a header line,
/// "threshold TAB p" (the default display threshold), then "feature TAB weight" lines. Immutable, thread-safe.
/// </summary>
public sealed class SalienceModel
{
    public const string ModelHeader = "# dragoman event salience model v1";

    private readonly Dictionary<string, double> _weights;

    public SalienceModel(IReadOnlyDictionary<string, double> weights, double threshold)
    {
        _weights = new Dictionary<string, double>(weights, StringComparer.Ordinal);
        Threshold = threshold;
    }

    /// <summary>Default display threshold: events at or above it are shown as main (with their other conditions).</summary>
    public double Threshold { get; }

    public IReadOnlyDictionary<string, double> Weights => _weights;

    public double Probability(IReadOnlyDictionary<string, double> features)
    {
        double z = 0;
        foreach (var (k, v) in features) if (_weights.TryGetValue(k, out var w)) z += w * v;
        return 1 / (1 + Math.Exp(-z));
    }

    public static string BundledPath => Path.Combine(AppContext.BaseDirectory, "models", "events", "salience.tsv");

    private static readonly Lazy<Result<SalienceModel>> Bundled = new(() => Load(BundledPath));

    /// <summary>The shipped model, loaded once per process.</summary>
    public static Result<SalienceModel> LoadBundled() => Bundled.Value;

    public static Result<SalienceModel> Load(string path)
    {
        if (!File.Exists(path)) return Result<SalienceModel>.Fail($"event salience model not found: {path}");
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        double threshold = 0.5;
        int line = 0;
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            if (line == 1)
            {
                if (raw != ModelHeader) return Result<SalienceModel>.Fail($"{path}: not an event salience model (first line must be \"{ModelHeader}\")");
                continue;
            }
            if (raw.Length == 0 || raw[0] == '#') continue;
            int tab = raw.LastIndexOf('\t');
            if (tab <= 0 || !double.TryParse(raw.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var w))
                return Result<SalienceModel>.Fail($"{path}:{line}: expected FEATURE<TAB>WEIGHT");
            if (raw[..tab] == "threshold") threshold = w;
            else weights[raw[..tab]] = w;
        }
        if (line == 0) return Result<SalienceModel>.Fail($"{path}: empty file");
        if (threshold is <= 0 or >= 1) return Result<SalienceModel>.Fail($"{path}: threshold must lie in (0, 1)");
        return new SalienceModel(weights, threshold);
    }

    public void Save(string path, IEnumerable<string> comments)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var w = new StreamWriter(path);
        w.WriteLine(ModelHeader);
        foreach (var c in comments) w.WriteLine("# " + c);
        w.WriteLine("threshold\t" + Threshold.ToString("R", CultureInfo.InvariantCulture));
        foreach (var (k, v) in _weights.OrderBy(p => p.Key, StringComparer.Ordinal))
            w.WriteLine(k + "\t" + Math.Round(v, 5).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Fits the weights by full-batch gradient descent on the mean log loss plus an L2 penalty (<paramref name="l2"/>,
    /// not on the bias). Deterministic: no sampling. Features seen in fewer than <paramref name="minCount"/> examples are dropped.
    /// </summary>
    public static SalienceModel Train(IReadOnlyList<(IReadOnlyDictionary<string, double> Features, bool Label)> data,
        double threshold, double l2 = 0.01, int iterations = 2000, double rate = 0.5, int minCount = 3)
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
        return new SalienceModel(names.Select((k, i) => (k, w[i])).ToDictionary(p => p.k, p => p.Item2, StringComparer.Ordinal), threshold);
    }
}
