using System.Globalization;

namespace Dragoman.Geo;

/// <summary>What the resolver knew about one choice, as the confidence model reads it (all computed while resolving).</summary>
public readonly record struct ChoiceEvidence(
    double Margin, int Candidates, int CandidateCountries, int Population, char FeatureClass, string FeatureCode,
    bool SpellingVariant, bool AlternateNameOnly, bool Fuzzy, double NamedShare, double PickFocus, double NearestOtherKm,
    bool Relation, bool Container, double Context, int NameLength, bool SentenceInitial, double RuleConfidence);

/// <summary>
/// The probability that a resolved place lies within 161 km of where the text means: a logistic regression over the
/// resolver's own evidence (score margin, candidate count and spread over countries, population, feature class,
/// agreement with the countries the text names and with the other places, match kind; nothing that tells the
/// training sets apart, such as whether a recogniser or the gazetteer found the name), fitted by
/// <see cref="Fit"/> on the development parts of LGL, GeoVirus and articles-gold (`dragoman train geoconf`).
/// A choice below <see cref="Threshold"/> is left as text, unresolved. Immutable and thread-safe.
/// </summary>
public sealed class PlaceConfidence
{
    public const string ModelHeader = "# dragoman place-confidence model v1";

    /// <summary>Feature names, in the order of <see cref="Features"/>.</summary>
    public static readonly string[] FeatureNames =
    [
        "bias", "margin", "single_candidate", "log_candidates", "candidate_countries_many", "log_population",
        "class_country", "class_adm1", "class_area_other", "class_populated", "class_natural_or_region", "spelling_variant",
        "alternate_name_only", "fuzzy", "named_share", "names_no_country", "pick_focus", "other_place_within_250km",
        "relation", "container", "context", "short_name", "sentence_initial", "rule_confidence",
    ];

    private readonly double[] _weights;

    public PlaceConfidence(double[] weights, double threshold)
    {
        if (weights.Length != FeatureNames.Length) throw new ArgumentException($"expected {FeatureNames.Length} weights, got {weights.Length}", nameof(weights));
        _weights = (double[])weights.Clone();
        Threshold = threshold;
    }

    /// <summary>Probability under which a choice is left unresolved.</summary>
    public double Threshold { get; }

    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The feature vector of one choice (values scaled to about [0, 1]).</summary>
    public static double[] Features(in ChoiceEvidence e)
    {
        bool country = e.FeatureClass == 'A' && e.FeatureCode.StartsWith("PCL", StringComparison.Ordinal);
        bool adm1 = e.FeatureClass == 'A' && e.FeatureCode == "ADM1";
        return
        [
            1.0,
            e.Candidates <= 1 ? 0 : Math.Clamp(e.Margin, 0, 4) / 4,
            e.Candidates <= 1 ? 1 : 0,
            Math.Log(Math.Max(1, e.Candidates)) / 5,
            e.CandidateCountries > 1 ? 1 : 0,
            Math.Log10(Math.Max(0, e.Population) + 1.0) / 7,
            country ? 1 : 0,
            adm1 ? 1 : 0,
            e.FeatureClass == 'A' && !country && !adm1 ? 1 : 0,
            e.FeatureClass == 'P' ? 1 : 0,
            e.FeatureClass is 'L' or 'H' or 'T' ? 1 : 0,
            e.SpellingVariant ? 1 : 0,
            e.AlternateNameOnly ? 1 : 0,
            e.Fuzzy ? 1 : 0,
            Math.Max(0, e.NamedShare),
            e.NamedShare < 0 ? 1 : 0,
            Math.Clamp(e.PickFocus, 0, 1),
            e.NearestOtherKm <= 250 ? 1 : 0,
            e.Relation ? 1 : 0,
            e.Container ? 1 : 0,
            Math.Clamp(e.Context, -4, 8) / 8,
            e.NameLength <= 4 ? 1 : 0,
            e.SentenceInitial ? 1 : 0,
            e.RuleConfidence,
        ];
    }

    public double Probability(ReadOnlySpan<double> x)
    {
        double z = 0;
        for (int i = 0; i < _weights.Length; i++) z += _weights[i] * x[i];
        return 1.0 / (1.0 + Math.Exp(-z));
    }

    /// <summary>The model shipped in models/geo (copied next to the binary at build time).</summary>
    public static string BundledPath => Path.Combine(AppContext.BaseDirectory, "models", "geo", "place-confidence.tsv");

    private static readonly Lazy<PlaceConfidence?> BundledModel = new(() =>
    {
        var r = Load(BundledPath);
        if (!r.IsOk && File.Exists(BundledPath)) Console.Error.WriteLine("dragoman: geo: " + r.Error);
        return r.IsOk ? r.Value : null;
    });

    /// <summary>The bundled model, or null (the resolver then keeps its rule-based confidence and no threshold).</summary>
    public static PlaceConfidence? Bundled => BundledModel.Value;

    /// <summary>Reads a model: the header line, "threshold TAB p", then "feature TAB weight" for every feature.</summary>
    public static Result<PlaceConfidence> Load(string path)
    {
        if (!File.Exists(path)) return Result<PlaceConfidence>.Fail($"place-confidence model not found: {path}");
        var weights = new double[FeatureNames.Length];
        var seen = new bool[FeatureNames.Length];
        double threshold = double.NaN;
        int line = 0;
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            if (line == 1)
            {
                if (raw != ModelHeader) return Result<PlaceConfidence>.Fail($"{path}: not a place-confidence model (first line must be \"{ModelHeader}\")");
                continue;
            }
            if (raw.Length == 0 || raw[0] == '#') continue;
            int tab = raw.IndexOf('\t');
            if (tab <= 0 || !double.TryParse(raw.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                return Result<PlaceConfidence>.Fail($"{path}:{line}: expected FEATURE<TAB>NUMBER");
            var key = raw[..tab];
            if (key == "threshold") { threshold = v; continue; }
            int i = Array.IndexOf(FeatureNames, key);
            if (i < 0) return Result<PlaceConfidence>.Fail($"{path}:{line}: unknown feature '{key}'");
            weights[i] = v;
            seen[i] = true;
        }
        if (threshold is not (>= 0 and < 1)) return Result<PlaceConfidence>.Fail($"{path}: threshold missing or outside [0, 1)");
        int missing = Array.IndexOf(seen, false);
        if (missing >= 0) return Result<PlaceConfidence>.Fail($"{path}: no weight for feature '{FeatureNames[missing]}'");
        return new PlaceConfidence(weights, threshold);
    }

    public void Save(string path, IEnumerable<string>? comments = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var w = new StreamWriter(path);
        w.WriteLine(ModelHeader);
        foreach (var c in comments ?? []) w.WriteLine("# " + c);
        w.WriteLine("threshold\t" + Threshold.ToString("0.###", CultureInfo.InvariantCulture));
        for (int i = 0; i < FeatureNames.Length; i++)
            w.WriteLine(FeatureNames[i] + "\t" + Math.Round(_weights[i], 5).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Fits the weights by full-batch gradient descent on the mean log loss with an L2 penalty (not on the bias);
    /// each example weighted so that every source counts alike, whatever its size.
    /// </summary>
    public static PlaceConfidence Fit(IReadOnlyList<(double[] X, bool Right, double Weight)> examples, double threshold, double l2 = 1e-3, int epochs = 3000, double rate = 0.5)
    {
        int d = FeatureNames.Length;
        var w = new double[d];
        var grad = new double[d];
        double total = examples.Sum(e => e.Weight);
        if (total <= 0) return new PlaceConfidence(w, threshold);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            Array.Clear(grad);
            foreach (var (x, right, weight) in examples)
            {
                double z = 0;
                for (int i = 0; i < d; i++) z += w[i] * x[i];
                double err = (1.0 / (1.0 + Math.Exp(-z)) - (right ? 1 : 0)) * weight;
                for (int i = 0; i < d; i++) grad[i] += err * x[i];
            }
            for (int i = 0; i < d; i++) w[i] -= rate * (grad[i] / total + (i == 0 ? 0 : l2 * w[i]));
        }
        return new PlaceConfidence(w, threshold);
    }
}

/// <summary>Predicted probability against observed accuracy, by bucket; the Brier score of the whole.</summary>
public sealed record ReliabilityTable(IReadOnlyList<(double Lo, double Hi, int N, double MeanPredicted, double Observed)> Buckets, int N, double Brier, double Accuracy)
{
    public static readonly double[] Edges = [0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001];

    public static ReliabilityTable Of(IReadOnlyList<(double P, bool Right)> items)
    {
        var buckets = new List<(double, double, int, double, double)>();
        for (int b = 0; b + 1 < Edges.Length; b++)
        {
            var inside = items.Where(i => i.P >= Edges[b] && i.P < Edges[b + 1]).ToList();
            buckets.Add((Edges[b], Math.Min(1, Edges[b + 1]), inside.Count,
                inside.Count == 0 ? 0 : inside.Average(i => i.P), inside.Count == 0 ? 0 : inside.Count(i => i.Right) / (double)inside.Count));
        }
        double brier = items.Count == 0 ? 0 : items.Average(i => Math.Pow(i.P - (i.Right ? 1 : 0), 2));
        double acc = items.Count == 0 ? 0 : items.Count(i => i.Right) / (double)items.Count;
        return new ReliabilityTable(buckets, items.Count, brier, acc);
    }
}
