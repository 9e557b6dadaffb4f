using System.Globalization;

namespace Dragoman.Events.Roles;

/// <summary>
/// The role ranker (models/roles/README.md): a conditional logit over the candidates of one role of one event
/// (<see cref="RoleCandidates"/>), one linear score per candidate from named weights ("actor:subject|active"), the
/// softmax of the scores the probability that a candidate is the role a careful coder would give (the none answer
/// included). Plain-text file: a header line, then "feature TAB weight" lines. Immutable, thread-safe.
/// </summary>
public sealed class RoleModel
{
    public const string ModelHeader = "# dragoman event role ranker v1";

    private readonly Dictionary<string, double> _weights;

    /// <summary>The weights of each role by feature name without its prefix: scoring allocates no names.</summary>
    private readonly Dictionary<string, double> _actor, _target;

    public RoleModel(IReadOnlyDictionary<string, double> weights)
    {
        _weights = new Dictionary<string, double>(weights, StringComparer.Ordinal);
        Dictionary<string, double> Part(string prefix) => _weights.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(p => p.Key[prefix.Length..], p => p.Value, StringComparer.Ordinal);
        (_actor, _target) = (Part(Prefix(RoleKind.Actor)), Part(Prefix(RoleKind.Target)));
    }

    public IReadOnlyDictionary<string, double> Weights => _weights;

    public static string Prefix(RoleKind role) => role == RoleKind.Actor ? "actor:" : "target:";

    public double Score(RoleKind role, IReadOnlyDictionary<string, double> features)
    {
        var weights = role == RoleKind.Actor ? _actor : _target;
        double z = 0;
        foreach (var (k, v) in features) if (weights.TryGetValue(k, out var w)) z += w * v;
        return z;
    }

    /// <summary>The probability of every candidate (softmax of the scores).</summary>
    public double[] Probabilities(RoleKind role, IReadOnlyList<RoleCandidate> candidates) =>
        Softmax(candidates.Select(c => Score(role, c.Features)).ToArray());

    /// <summary>The best candidate and its probability; ties go to the earlier candidate (the none answer, then the rules' chunk).</summary>
    public (int Index, double Probability) Choose(RoleKind role, IReadOnlyList<RoleCandidate> candidates)
    {
        var p = Probabilities(role, candidates);
        int best = 0;
        for (int i = 1; i < p.Length; i++) if (p[i] > p[best] + 1e-12) best = i;
        return (best, p.Length == 0 ? 0 : p[best]);
    }

    private static double[] Softmax(double[] z)
    {
        if (z.Length == 0) return z;
        double max = z.Max(), sum = 0;
        var p = new double[z.Length];
        for (int i = 0; i < z.Length; i++) { p[i] = Math.Exp(z[i] - max); sum += p[i]; }
        for (int i = 0; i < z.Length; i++) p[i] /= sum;
        return p;
    }

    public static string BundledPath => Path.Combine(AppContext.BaseDirectory, "models", "roles", "roles.tsv");

    private static readonly Lazy<Result<RoleModel>> Bundled = new(() => Load(BundledPath));

    /// <summary>The shipped model, loaded once per process.</summary>
    public static Result<RoleModel> LoadBundled() => Bundled.Value;

    public static Result<RoleModel> Load(string path)
    {
        if (!File.Exists(path)) return Result<RoleModel>.Fail($"event role model not found: {path}");
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        int line = 0;
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            if (line == 1)
            {
                if (raw != ModelHeader) return Result<RoleModel>.Fail($"{path}: not an event role model (first line must be \"{ModelHeader}\")");
                continue;
            }
            if (raw.Length == 0 || raw[0] == '#') continue;
            int tab = raw.LastIndexOf('\t');
            if (tab <= 0 || !double.TryParse(raw.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var w))
                return Result<RoleModel>.Fail($"{path}:{line}: expected FEATURE<TAB>WEIGHT");
            weights[raw[..tab]] = w;
        }
        if (line == 0) return Result<RoleModel>.Fail($"{path}: empty file");
        return new RoleModel(weights);
    }

    public void Save(string path, IEnumerable<string> comments)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var w = new StreamWriter(path);
        w.WriteLine(ModelHeader);
        foreach (var c in comments) w.WriteLine("# " + c);
        foreach (var (k, v) in _weights.OrderBy(p => p.Key, StringComparer.Ordinal))
            if (Math.Abs(v) >= 5e-5) w.WriteLine(k + "\t" + Math.Round(v, 4).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Fits the weights of both roles by full-batch gradient descent on the mean negative log-likelihood of the right
    /// answers (a role may have several right candidates: their probabilities add up) plus an L2 penalty. Deterministic:
    /// no sampling, examples in the given order. Features seen in fewer than <paramref name="minCount"/> candidates are dropped.
    /// </summary>
    public static RoleModel Train(IReadOnlyList<RoleExample> data, double l2 = 0.001, int iterations = 1500, double rate = 0.5, int minCount = 3)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var x in data) foreach (var c in x.Candidates) foreach (var k in c.Features.Keys) counts[Prefix(x.Role) + k] = counts.GetValueOrDefault(Prefix(x.Role) + k) + 1;
        var names = counts.Where(c => c.Value >= minCount).Select(c => c.Key).Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i, StringComparer.Ordinal);
        var rows = data.Where(x => x.Right.Count > 0).Select(x => (
            X: x.Candidates.Select(c => c.Features.Where(p => index.ContainsKey(Prefix(x.Role) + p.Key)).Select(p => (index[Prefix(x.Role) + p.Key], p.Value)).ToArray()).ToArray(),
            Right: x.Right.ToHashSet())).ToArray();
        var w = new double[names.Length];
        var grad = new double[names.Length];
        for (int it = 0; it < iterations; it++)
        {
            Array.Clear(grad);
            foreach (var (x, right) in rows)
            {
                var z = new double[x.Length];
                for (int i = 0; i < x.Length; i++) foreach (var (j, v) in x[i]) z[i] += w[j] * v;
                var p = Softmax(z);
                double pr = 0;
                foreach (var i in right) pr += p[i];
                // d(-log sum_right p)/dz_i = p_i - [i right] p_i / pr
                for (int i = 0; i < x.Length; i++)
                {
                    double g = p[i] - (right.Contains(i) ? p[i] / Math.Max(pr, 1e-300) : 0);
                    if (g == 0) continue;
                    foreach (var (j, v) in x[i]) grad[j] += g * v;
                }
            }
            for (int j = 0; j < w.Length; j++) w[j] -= rate * (grad[j] / Math.Max(1, rows.Length) + l2 * w[j]);
        }
        return new RoleModel(names.Select((k, i) => (k, w[i])).ToDictionary(p => p.k, p => p.Item2, StringComparer.Ordinal));
    }
}

/// <summary>One role of one event as training data: its candidates, which of them are right, which one the clause rules chose.</summary>
public sealed record RoleExample(string Article, RoleKind Role, IReadOnlyList<RoleCandidate> Candidates, IReadOnlyList<int> Right, int RuleChoice);
