using System.Globalization;

namespace Dragoman.Events.Modalities;

/// <summary>
/// The modality model (models/modality/README.md): a multinomial logit over the factual modalities (asserted,
/// reported, claimed) of a telling the cue rules call factual, from <see cref="ModalityFeatures"/>. The rules' hedged
/// and negative answers (negated, denied, hypothetical, expected) stand: the training data holds too few of them to
/// learn. Weights are named "class|feature" in a plain text file read once per process.
/// </summary>
public sealed class ModalityModel
{
    public const string ModelHeader = "# dragoman modality model v1";

    /// <summary>The classes the model chooses among, in file order.</summary>
    public static readonly Documents.Modality[] Classes = [Documents.Modality.Asserted, Documents.Modality.Reported, Documents.Modality.Claimed];

    private readonly Dictionary<string, double> _weights;

    private ModalityModel(Dictionary<string, double> weights) => _weights = weights;

    public static bool Decides(Documents.Modality rule) => Array.IndexOf(Classes, rule) >= 0;

    /// <summary>The most probable factual modality where the rules give a factual one; else the rules' answer.</summary>
    public Documents.Modality Decide(IReadOnlyDictionary<string, double> features, Documents.Modality rule)
    {
        if (!Decides(rule)) return rule;
        var p = Probabilities(features);
        int best = 0;
        for (int i = 1; i < p.Length; i++) if (p[i] > p[best]) best = i;
        return Classes[best];
    }

    public double[] Probabilities(IReadOnlyDictionary<string, double> features)
    {
        var z = new double[Classes.Length];
        for (int c = 0; c < Classes.Length; c++)
        {
            var prefix = ModalityFeatures.Name(Classes[c]) + "|";
            foreach (var (k, v) in features)
                if (_weights.TryGetValue(prefix + k, out var w)) z[c] += w * v;
        }
        return LogisticRegression.Softmax(z);
    }

    /// <summary>
    /// Fits the weights by full-batch gradient descent on the mean negative log-likelihood plus an L2 penalty (not on
    /// "bias"); features seen in fewer than <paramref name="minCount"/> examples are dropped. Deterministic.
    /// </summary>
    public static ModalityModel Train(IReadOnlyList<(IReadOnlyDictionary<string, double> Features, Documents.Modality Label)> data,
        double l2, int iterations = 1500, double rate = 0.5, int minCount = 3)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (x, _) in data) foreach (var k in x.Keys) counts[k] = counts.GetValueOrDefault(k) + 1;
        var names = counts.Where(c => c.Value >= minCount).Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        var rows = data.Where(d => Decides(d.Label))
            .Select(d => (X: d.Features.Where(p => index.ContainsKey(p.Key)).Select(p => (J: index[p.Key], V: p.Value)).ToArray(), Y: Array.IndexOf(Classes, d.Label)))
            .ToArray();
        int n = names.Length, m = Classes.Length, bias = index.GetValueOrDefault("bias", -1);
        var w = new double[m, n];
        var grad = new double[m, n];
        var z = new double[m];
        for (int it = 0; it < iterations; it++)
        {
            Array.Clear(grad);
            foreach (var (x, y) in rows)
            {
                for (int c = 0; c < m; c++) { z[c] = 0; foreach (var (j, v) in x) z[c] += w[c, j] * v; }
                var p = LogisticRegression.Softmax(z);
                for (int c = 0; c < m; c++)
                {
                    double err = p[c] - (c == y ? 1 : 0);
                    foreach (var (j, v) in x) grad[c, j] += err * v;
                }
            }
            for (int c = 0; c < m; c++)
                for (int j = 0; j < n; j++)
                    w[c, j] -= rate * (grad[c, j] / Math.Max(1, rows.Length) + (j == bias ? 0 : l2 * w[c, j]));
        }
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int c = 0; c < m; c++)
            for (int j = 0; j < n; j++)
                weights[ModalityFeatures.Name(Classes[c]) + "|" + names[j]] = w[c, j];
        return new ModalityModel(weights);
    }

    public static string BundledPath => Path.Combine(AppContext.BaseDirectory, "models", "modality", "modality.tsv");

    private static readonly Lazy<Result<ModalityModel>> Bundled = new(() => Load(BundledPath));

    /// <summary>The shipped model, loaded once per process (absent: the cue rules decide alone).</summary>
    public static Result<ModalityModel> LoadBundled() => Bundled.Value;

    public static Result<ModalityModel> Load(string path)
    {
        var weights = LogisticRegression.Read(path, ModelHeader, "modality model");
        return weights.IsOk ? new ModalityModel(weights.Value!) : Result<ModalityModel>.Fail(weights.Error!);
    }

    public void Save(string path, IEnumerable<string> comments) => LogisticRegression.WriteWeights(path, ModelHeader, comments, _weights);
}
