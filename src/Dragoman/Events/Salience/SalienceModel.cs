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

    public double Probability(IReadOnlyDictionary<string, double> features) => LogisticRegression.Probability(_weights, features);

    public static string BundledPath => Path.Combine(AppContext.BaseDirectory, "models", "events", "salience.tsv");

    private static readonly Lazy<Result<SalienceModel>> Bundled = new(() => Load(BundledPath));

    /// <summary>The shipped model, loaded once per process.</summary>
    public static Result<SalienceModel> LoadBundled() => Bundled.Value;

    public static Result<SalienceModel> Load(string path)
    {
        var read = LogisticRegression.Read(path, ModelHeader, "event salience model");
        if (!read.IsOk) return Result<SalienceModel>.Fail(read.Error!);
        var weights = read.Value!;
        double threshold = weights.Remove("threshold", out var t) ? t : 0.5;
        if (threshold is <= 0 or >= 1) return Result<SalienceModel>.Fail($"{path}: threshold must lie in (0, 1)");
        return new SalienceModel(weights, threshold);
    }

    public void Save(string path, IEnumerable<string> comments) => LogisticRegression.Write(path, ModelHeader, comments, Threshold, _weights);

    /// <summary>Fits the weights (<see cref="LogisticRegression.Fit"/>) and keeps <paramref name="threshold"/> as the display threshold.</summary>
    public static SalienceModel Train(IReadOnlyList<(IReadOnlyDictionary<string, double> Features, bool Label)> data,
        double threshold, double l2 = 0.01, int iterations = 2000, double rate = 0.5, int minCount = 3) =>
        new(LogisticRegression.Fit(data, l2, iterations, rate, minCount), threshold);
}
