using System.Globalization;

namespace Dragoman.Merge;

/// <summary>
/// The pair scorer's features: each pair of reports fires one date, at most one place, type, count feature, and either the
/// names feature with the number of shared name words (at most <see cref="PairScorer.NamesCounted"/>) or, when both name
/// something and share nothing, <see cref="NamesNoneShared"/>. The names are the model file's keys (models/merge/README.md).
/// </summary>
public enum PairFeature
{
    DateSameDayTexts, DateSameDayPublication, DateOneDay, DateInWindow, DateFar, DateUndated, DateMonthDaySame, DateMonthDayOneDay, DateMonthDayApart,
    PlaceSameTight, PlaceSameWide, PlaceWithinTight, PlaceWithinWide, PlaceNear, PlaceFar, PlaceOtherCountry, PlaceSameCountryOnly, PlaceNone,
    TypeSameAction, TypeSameAcledType, TypeOtherAcledType,
    NamesShared, NamesNoneShared,
    WordsOverlap,
    CountAgree, CountApart, CountNobodyDied,
}

/// <summary>
/// A logistic-regression pair model: one weight per <see cref="PairFeature"/>, the intercept and the link threshold.
/// The scorer's score is the weighted feature sum without the intercept (so a link's reasons add up to its score);
/// P(same incident) = logistic(<see cref="Bias"/> + score). Plain text: a header line, "bias", "threshold" and
/// "feature TAB weight" lines, '#' comments. Immutable.
/// </summary>
public sealed class PairModel
{
    public const string ModelHeader = "# dragoman merge pair model v1";

    private readonly double[] _weights;

    public PairModel(IReadOnlyList<double> weights, double bias, double threshold)
    {
        if (weights.Count != FeatureCount) throw new ArgumentException($"expected {FeatureCount} weights, got {weights.Count}", nameof(weights));
        _weights = [.. weights];
        Bias = bias;
        Threshold = threshold;
    }

    public static int FeatureCount { get; } = Enum.GetValues<PairFeature>().Length;

    /// <summary>The intercept: the log-odds of a pair whose features are all off.</summary>
    public double Bias { get; }

    /// <summary>The average link score (without the intercept) an incident's reports need to stay together.</summary>
    public double Threshold { get; }

    public double this[PairFeature f] => _weights[(int)f];

    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The probability that a pair with this score is one incident.</summary>
    public double Probability(double score) => 1 / (1 + Math.Exp(-(Bias + score)));

    /// <summary>The model file's name of a feature: "date.same_day_texts" for <see cref="PairFeature.DateSameDayTexts"/>.</summary>
    public static string Key(PairFeature f)
    {
        var name = f.ToString();
        int group = 1;
        while (!char.IsUpper(name[group])) group++;
        var sb = new System.Text.StringBuilder(name[..group].ToLowerInvariant()).Append('.');
        for (int i = group; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > group) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }

    private static readonly Dictionary<string, PairFeature> ByKey = Enum.GetValues<PairFeature>().ToDictionary(Key, f => f, StringComparer.Ordinal);

    public static string BundledPath => Path.Combine(AppContext.BaseDirectory, "models", "merge", "pair-scorer.tsv");

    /// <summary>A model a measuring command merges with instead of the shipped one (<see cref="UseInstead"/>).</summary>
    private static PairModel? replacement;

    private static readonly Lazy<PairModel> Bundled = new(() => replacement ?? (Load(BundledPath) is { IsOk: true, Value: { } m }
        ? m : throw new InvalidOperationException(Load(BundledPath).Error)));

    /// <summary>The shipped model (models/merge/pair-scorer.tsv), loaded once per process; a missing or bad file is a broken install.</summary>
    public static PairModel Shipped => Bundled.Value;

    /// <summary>
    /// Makes <paramref name="model"/> the process's model (`eval merge --model`: cross-validation, weight sensitivity).
    /// Only before the first read: the stores build their SQL bound from the weights once, so a later swap would leave
    /// the bound of one model in front of the scores of another.
    /// </summary>
    public static void UseInstead(PairModel model)
    {
        if (Bundled.IsValueCreated) throw new InvalidOperationException("the merge pair model was already read; replace it before merging");
        replacement = model;
    }

    public static Result<PairModel> Load(string path)
    {
        if (!File.Exists(path)) return Result<PairModel>.Fail($"merge pair model not found: {path}");
        var weights = new double?[FeatureCount];
        double? bias = null, threshold = null;
        int line = 0;
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            if (line == 1)
            {
                if (raw != ModelHeader) return Result<PairModel>.Fail($"{path}: not a merge pair model (first line must be \"{ModelHeader}\")");
                continue;
            }
            if (raw.Length == 0 || raw[0] == '#') continue;
            int tab = raw.IndexOf('\t');
            if (tab <= 0 || !double.TryParse(raw.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !double.IsFinite(w))
                return Result<PairModel>.Fail($"{path}:{line}: expected FEATURE<TAB>WEIGHT");
            var key = raw[..tab];
            if (key == "bias") bias = w;
            else if (key == "threshold") threshold = w;
            else if (ByKey.TryGetValue(key, out var f)) weights[(int)f] = w;
            else return Result<PairModel>.Fail($"{path}:{line}: unknown feature '{key}'");
        }
        var missing = Enum.GetValues<PairFeature>().Where(f => weights[(int)f] is null).Select(Key).ToList();
        if (bias is null || threshold is null || missing.Count > 0)
            return Result<PairModel>.Fail($"{path}: missing {string.Join(", ", (bias is null ? ["bias"] : Array.Empty<string>()).Concat(threshold is null ? ["threshold"] : []).Concat(missing))}");
        return Result<PairModel>.Ok(new PairModel([.. weights.Select(x => x!.Value)], bias.Value, threshold.Value));
    }

    public void Save(string path, IEnumerable<string> comments)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var w = new StreamWriter(path) { NewLine = "\n" };
        w.WriteLine(ModelHeader);
        foreach (var c in comments) w.WriteLine("# " + c);
        w.WriteLine("bias\t" + R(Bias));
        w.WriteLine("threshold\t" + R(Threshold));
        foreach (var f in Enum.GetValues<PairFeature>()) w.WriteLine(Key(f) + "\t" + R(this[f]));
    }

    private static string R(double v) => Math.Round(v, 4).ToString(CultureInfo.InvariantCulture);
}
