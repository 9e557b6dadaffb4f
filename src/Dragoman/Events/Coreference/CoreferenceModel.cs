namespace Dragoman.Events.Coreference;

/// <summary>
/// Logistic regression over <see cref="CoreferenceFeatures"/>: the probability that two events of one article tell
/// the same happening, and the clustering threshold chosen by cross-validation (models/coreference/README.md).
/// Plain-text file like the salience model's. Immutable, thread-safe.
/// </summary>
public sealed class CoreferenceModel(IReadOnlyDictionary<string, double> weights, double threshold)
{
    public const string ModelHeader = "# dragoman event coreference model v1";

    private readonly Dictionary<string, double> _weights = new(weights, StringComparer.Ordinal);

    /// <summary>Two clusters join when the mean probability over their pairs is at least this.</summary>
    public double Threshold { get; } = threshold;

    public IReadOnlyDictionary<string, double> Weights => _weights;

    public double Probability(EventMention a, EventMention b) =>
        CoreferenceFeatures.Candidates(a, b) ? LogisticRegression.Probability(_weights, CoreferenceFeatures.Compute(a, b)) : 0;

    public static string BundledPath => Path.Combine(AppContext.BaseDirectory, "models", "coreference", "coreference.tsv");

    private static readonly Lazy<Result<CoreferenceModel>> Bundled = new(() => Load(BundledPath));

    /// <summary>The shipped model, loaded once per process.</summary>
    public static Result<CoreferenceModel> LoadBundled() => Bundled.Value;

    public static Result<CoreferenceModel> Load(string path)
    {
        var read = LogisticRegression.Read(path, ModelHeader, "event coreference model");
        if (!read.IsOk) return Result<CoreferenceModel>.Fail(read.Error!);
        var weights = read.Value!;
        if (!weights.Remove("threshold", out var threshold) || threshold is <= 0 or >= 1)
            return Result<CoreferenceModel>.Fail($"{path}: needs a line \"threshold<TAB>p\" with p in (0, 1)");
        return new CoreferenceModel(weights, threshold);
    }

    public void Save(string path, IEnumerable<string> comments) => LogisticRegression.Write(path, ModelHeader, comments, Threshold, _weights);
}
