using System.Globalization;

namespace Dragoman.Events.Types;

/// <summary>One event as type-chooser training data: its features, the rules' PLOVER type, the right type and its CAMEO code.</summary>
public sealed record TypeExample(string Article, IReadOnlyList<string> Features, string RuleType, string Right, string? RightCameo);

/// <summary>
/// The event type chooser (models/types/README.md): a conditional logit over the candidate PLOVER types of one event,
/// which are the type the dictionary and context rules gave and the types a careful coder gave instead to events the
/// rules typed so in training (the learned "alt FROM TO" lines). Each candidate's score is the sum of the weights of
/// its conjunctions with the event's <see cref="TypeFeatures"/> ("COERCE|target:protest"), its bias, and "rules" when
/// it is the rules' type. A type chosen over the rules' takes the CAMEO code the coders gave that type most often
/// (the "code TYPE CAMEO" lines). Plain-text file; immutable and thread-safe.
/// </summary>
public sealed class TypeModel
{
    public const string ModelHeader = "# dragoman event type chooser v1";
    public const string RulesFeature = "rules";

    private readonly Dictionary<string, double> _weights;
    private readonly Dictionary<string, string[]> _alternatives;
    private readonly Dictionary<string, string> _codes;

    public TypeModel(IReadOnlyDictionary<string, double> weights, IReadOnlyDictionary<string, string[]> alternatives, IReadOnlyDictionary<string, string> codes)
    {
        _weights = new Dictionary<string, double>(weights, StringComparer.Ordinal);
        _alternatives = new Dictionary<string, string[]>(alternatives, StringComparer.Ordinal);
        _codes = new Dictionary<string, string>(codes, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, double> Weights => _weights;
    public IReadOnlyDictionary<string, string[]> Alternatives => _alternatives;

    /// <summary>The CAMEO code an event retyped to <paramref name="type"/> takes, or null when training never saw one.</summary>
    public string? CameoFor(string type) => _codes.GetValueOrDefault(type);

    /// <summary>The rules' type first, then the learned alternatives that have a CAMEO code.</summary>
    public List<string> Candidates(string ruleType)
    {
        var list = new List<string> { ruleType };
        if (_alternatives.TryGetValue(ruleType, out var alt))
            foreach (var a in alt) if (a != ruleType && _codes.ContainsKey(a)) list.Add(a);
        return list;
    }

    public double Score(string candidate, string ruleType, IReadOnlyList<string> features)
    {
        double z = _weights.GetValueOrDefault(candidate + "|bias");
        if (candidate == ruleType) z += _weights.GetValueOrDefault(RulesFeature);
        foreach (var f in features) z += _weights.GetValueOrDefault(candidate + "|" + f);
        return z;
    }

    /// <summary>The best candidate type and its probability; ties keep the rules' type.</summary>
    public (string Type, double Probability) Choose(string ruleType, IReadOnlyList<string> features)
    {
        var candidates = Candidates(ruleType);
        var p = Softmax(candidates.Select(c => Score(c, ruleType, features)).ToArray());
        int best = 0;
        for (int i = 1; i < p.Length; i++) if (p[i] > p[best] + 1e-12) best = i;
        return (candidates[best], p[best]);
    }

    private static double[] Softmax(double[] z)
    {
        double max = z.Max(), sum = 0;
        var p = new double[z.Length];
        for (int i = 0; i < z.Length; i++) { p[i] = Math.Exp(z[i] - max); sum += p[i]; }
        for (int i = 0; i < z.Length; i++) p[i] /= sum;
        return p;
    }

    /// <summary>
    /// Fits the model on labelled events: alternatives are the (rules' type, right type) pairs seen at least
    /// <paramref name="minTransitions"/> times; codes the most frequent CAMEO code of each right type; weights by full-batch
    /// gradient descent on the mean negative log-likelihood of the right candidate plus an L2 penalty. Deterministic.
    /// Examples whose right type is no candidate carry no gradient; conjunctions seen in fewer than
    /// <paramref name="minCount"/> candidates are dropped.
    /// </summary>
    public static TypeModel Train(IReadOnlyList<TypeExample> data, double l2, int minTransitions = 2, int iterations = 1500, double rate = 0.5, int minCount = 3)
    {
        var alternatives = data.Where(x => x.Right != x.RuleType).GroupBy(x => (x.RuleType, x.Right)).Where(g => g.Count() >= minTransitions)
            .GroupBy(g => g.Key.RuleType, g => g.Key.Right, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        var codes = data.Where(x => x.RightCameo is not null).GroupBy(x => x.Right, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(x => x.RightCameo!).OrderByDescending(c => c.Count()).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key, StringComparer.Ordinal);
        var shell = new TypeModel(new Dictionary<string, double>(), alternatives, codes);
        var rows = new List<(string[][] Names, int Right)>();
        foreach (var x in data)
        {
            var candidates = shell.Candidates(x.RuleType);
            int right = candidates.IndexOf(x.Right);
            if (right < 0) continue;
            rows.Add((candidates.Select(c => Names(c, x.RuleType, x.Features)).ToArray(), right));
        }
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (names, _) in rows) foreach (var c in names) foreach (var k in c) counts[k] = counts.GetValueOrDefault(k) + 1;
        var kept = counts.Where(c => c.Value >= minCount).Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
        var index = kept.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        var matrix = rows.Select(r => (X: r.Names.Select(c => c.Where(index.ContainsKey).Select(k => index[k]).ToArray()).ToArray(), r.Right)).ToArray();
        var w = new double[kept.Length];
        var grad = new double[kept.Length];
        for (int it = 0; it < iterations; it++)
        {
            Array.Clear(grad);
            foreach (var (x, right) in matrix)
            {
                var z = new double[x.Length];
                for (int i = 0; i < x.Length; i++) foreach (var j in x[i]) z[i] += w[j];
                var p = Softmax(z);
                for (int i = 0; i < x.Length; i++)
                {
                    double g = p[i] - (i == right ? 1 : 0);
                    foreach (var j in x[i]) grad[j] += g;
                }
            }
            for (int j = 0; j < w.Length; j++) w[j] -= rate * (grad[j] / Math.Max(1, matrix.Length) + l2 * w[j]);
        }
        return new TypeModel(kept.Select((k, i) => (k, w[i])).ToDictionary(p => p.k, p => p.Item2, StringComparer.Ordinal), alternatives, codes);
    }

    /// <summary>The weight names a candidate's score adds up.</summary>
    private static string[] Names(string candidate, string ruleType, IReadOnlyList<string> features)
    {
        var names = new List<string>(features.Count + 2) { candidate + "|bias" };
        if (candidate == ruleType) names.Add(RulesFeature);
        foreach (var f in features) names.Add(candidate + "|" + f);
        return [.. names];
    }

    public static string BundledPath => Path.Combine(AppContext.BaseDirectory, "models", "types", "types.tsv");

    private static readonly Lazy<Result<TypeModel>> Bundled = new(() => Load(BundledPath));

    /// <summary>The shipped model, loaded once per process.</summary>
    public static Result<TypeModel> LoadBundled() => Bundled.Value;

    /// <summary>Reads a model file: the header, then "alt TAB FROM TAB TO", "code TAB TYPE TAB CAMEO" and "feature TAB weight" lines.</summary>
    public static Result<TypeModel> Load(string path)
    {
        if (!File.Exists(path)) return Result<TypeModel>.Fail($"event type model not found: {path}");
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var alternatives = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        int line = 0;
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            if (line == 1)
            {
                if (raw != ModelHeader) return Result<TypeModel>.Fail($"{path}: not an event type model (first line must be \"{ModelHeader}\")");
                continue;
            }
            if (raw.Length == 0 || raw[0] == '#') continue;
            var f = raw.Split('\t');
            if (f.Length == 3 && f[0] == "alt" && f[1].Length > 0 && f[2].Length > 0) { (alternatives.TryGetValue(f[1], out var l) ? l : alternatives[f[1]] = []).Add(f[2]); continue; }
            if (f.Length == 3 && f[0] == "code" && f[1].Length > 0 && f[2].Length > 0) { codes[f[1]] = f[2]; continue; }
            if (f.Length != 2 || f[0].Length == 0 || !double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var w))
                return Result<TypeModel>.Fail($"{path}:{line}: expected FEATURE<TAB>WEIGHT, alt<TAB>FROM<TAB>TO or code<TAB>TYPE<TAB>CAMEO");
            weights[f[0]] = w;
        }
        if (line == 0) return Result<TypeModel>.Fail($"{path}: empty file");
        return new TypeModel(weights, alternatives.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), codes);
    }

    public void Save(string path, IEnumerable<string> comments)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var w = new StreamWriter(path);
        w.WriteLine(ModelHeader);
        foreach (var c in comments) w.WriteLine("# " + c);
        foreach (var (from, to) in _alternatives.OrderBy(p => p.Key, StringComparer.Ordinal))
            foreach (var t in to) w.WriteLine($"alt\t{from}\t{t}");
        foreach (var (type, code) in _codes.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteLine($"code\t{type}\t{code}");
        foreach (var (k, v) in _weights.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (Math.Abs(v) >= 5e-5) w.WriteLine(k + "\t" + Math.Round(v, 4).ToString(CultureInfo.InvariantCulture));
    }
}
