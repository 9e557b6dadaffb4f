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

    /// <summary>The lines of the model file that hold the <see cref="Rule"/> beside the threshold (among the weights, they are no features).</summary>
    public const string TopPerArticleKey = "top-per-article", CapPerArticleKey = "cap-per-article", OnePerSentenceKey = "one-per-sentence";

    public SalienceModel(IReadOnlyDictionary<string, double> weights, MainRule rule)
    {
        _weights = new Dictionary<string, double>(weights, StringComparer.Ordinal);
        Rule = rule;
    }

    public SalienceModel(IReadOnlyDictionary<string, double> weights, double threshold, int topPerArticle = SalienceComponent.DefaultTopPerArticle)
        : this(weights, new MainRule(threshold, topPerArticle)) { }

    /// <summary>How the article's main events are picked from the confidences (chosen by the trainer).</summary>
    public MainRule Rule { get; }

    /// <summary>How many of an article's best-ranked events are main even below the threshold (chosen by the trainer with the threshold).</summary>
    public int TopPerArticle => Rule.Top;

    /// <summary>Default display threshold: events at or above it are shown as main (with their other conditions).</summary>
    public double Threshold => Rule.Threshold;

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
        double top = weights.Remove(TopPerArticleKey, out var k) ? k : SalienceComponent.DefaultTopPerArticle;
        if (top is < 0 or > 20 || top != Math.Floor(top)) return Result<SalienceModel>.Fail($"{path}: {TopPerArticleKey} must be a whole number from 0 to 20");
        double cap = weights.Remove(CapPerArticleKey, out var c) ? c : 0;
        if (cap is < 0 or > 20 || cap != Math.Floor(cap)) return Result<SalienceModel>.Fail($"{path}: {CapPerArticleKey} must be a whole number from 0 (no cap) to 20");
        double perSentence = weights.Remove(OnePerSentenceKey, out var o) ? o : 0;
        if (perSentence is not (0 or 1)) return Result<SalienceModel>.Fail($"{path}: {OnePerSentenceKey} must be 0 or 1");
        return new SalienceModel(weights, new MainRule(threshold, (int)top, (int)cap, perSentence == 1));
    }

    public void Save(string path, IEnumerable<string> comments) =>
        LogisticRegression.Write(path, ModelHeader, comments, Threshold, new Dictionary<string, double>(_weights)
        {
            [TopPerArticleKey] = Rule.Top, [CapPerArticleKey] = Rule.Cap, [OnePerSentenceKey] = Rule.OnePerSentence ? 1 : 0,
        });

    /// <summary>Fits the weights (<see cref="LogisticRegression.Fit"/>) and keeps <paramref name="threshold"/> as the display threshold.</summary>
    public static SalienceModel Train(IReadOnlyList<(IReadOnlyDictionary<string, double> Features, bool Label)> data,
        double threshold, double l2 = 0.01, int iterations = 2000, double rate = 0.5, int minCount = 3) =>
        new(LogisticRegression.Fit(data, l2, iterations, rate, minCount), threshold);
}
