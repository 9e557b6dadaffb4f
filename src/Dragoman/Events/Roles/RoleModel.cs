using System.Globalization;

namespace Dragoman.Events.Roles;

/// <summary>
/// The role ranker (models/roles/README.md): a conditional logit over the candidates of one role of one event
/// (<see cref="RoleCandidates"/>), one linear score per candidate from named weights ("actor:subject|active"), the
/// softmax of the scores the probability that a candidate is the role a careful coder would give (the none answer
/// included). Plain-text file: a header line, then "feature TAB weight" lines. Immutable, thread-safe. Scoring reads a
/// weight array per role indexed by the interned feature ids (<see cref="RoleFeatureNames"/>): no names, no lookups.
/// </summary>
public sealed class RoleModel
{
    public const string ModelHeader = "# dragoman event role ranker v1";

    private readonly Dictionary<string, double> _weights;

    /// <summary>The weights of each role by interned feature id (the name without its role prefix); ids past the end weigh 0.</summary>
    private readonly double[] _actor, _target;

    public RoleModel(IReadOnlyDictionary<string, double> weights)
    {
        _weights = new Dictionary<string, double>(weights, StringComparer.Ordinal);
        double[] Part(string prefix)
        {
            var part = _weights.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal))
                .Select(p => (Id: RoleFeatureNames.Id(p.Key[prefix.Length..]), p.Value)).Where(p => p.Id >= 0).ToList();
            var w = new double[part.Count == 0 ? 0 : part.Max(p => p.Id) + 1];
            foreach (var (id, value) in part) w[id] = value;
            return w;
        }
        (_actor, _target) = (Part(Prefix(RoleKind.Actor)), Part(Prefix(RoleKind.Target)));
    }

    public IReadOnlyDictionary<string, double> Weights => _weights;

    public static string Prefix(RoleKind role) => role == RoleKind.Actor ? "actor:" : "target:";

    public double Score(RoleKind role, RoleCandidate candidate)
    {
        var weights = role == RoleKind.Actor ? _actor : _target;
        double z = 0;
        foreach (var id in candidate.FeatureIds) if ((uint)id < (uint)weights.Length) z += weights[id];
        return z;
    }

    /// <summary>The name of the learned threshold under which a chosen actor's calibrated probability means no named actor.</summary>
    public const string NoActorName = "abstain:actor:below";

    /// <summary>
    /// The calibrated probability under which the chosen actor gives way to the coder's category for an unnamed actor
    /// (<see cref="UnnamedActorsComponent"/>), learned out of fold by `train roles`; null where the model has none.
    /// </summary>
    public double? NoActorBelow => _weights.TryGetValue(NoActorName, out var t) ? t : null;

    /// <summary>This model with the no-actor threshold set.</summary>
    public RoleModel WithNoActorBelow(double threshold) =>
        new(new Dictionary<string, double>(_weights, StringComparer.Ordinal) { [NoActorName] = threshold });

    /// <summary>The weight names of a role's calibration: slope and intercept on the chosen answer's log-odds.</summary>
    public static (string Slope, string Intercept) CalibrationNames(RoleKind role) =>
        ("calibration:" + Prefix(role) + "slope", "calibration:" + Prefix(role) + "intercept");

    /// <summary>
    /// The chosen answer's softmax share mapped to the share of such answers a careful coder would call right (Platt
    /// scaling fitted on cross-validated choices, the examples without any right candidate included); the share itself
    /// where the model has no calibration.
    /// </summary>
    public double Calibrated(RoleKind role, double probability)
    {
        var (slope, intercept) = CalibrationNames(role);
        if (!_weights.TryGetValue(slope, out var a) || !_weights.TryGetValue(intercept, out var b)) return probability;
        return Platt(a, b, probability);
    }

    /// <summary>sigmoid(a * logit(p) + b), p kept off 0 and 1.</summary>
    public static double Platt(double a, double b, double p)
    {
        p = Math.Clamp(p, 1e-6, 1 - 1e-6);
        return 1 / (1 + Math.Exp(-(a * Math.Log(p / (1 - p)) + b)));
    }

    /// <summary>This model with a role's calibration set (<see cref="Calibrated"/>).</summary>
    public RoleModel WithCalibration(RoleKind role, double slope, double intercept)
    {
        var weights = new Dictionary<string, double>(_weights, StringComparer.Ordinal);
        var (s, i) = CalibrationNames(role);
        (weights[s], weights[i]) = (slope, intercept);
        return new RoleModel(weights);
    }

    /// <summary>This model with some weights set (an ablation that rules a kind of candidate out).</summary>
    public RoleModel WithWeights(IEnumerable<(string Name, double Weight)> set)
    {
        var weights = new Dictionary<string, double>(_weights, StringComparer.Ordinal);
        foreach (var (name, w) in set) weights[name] = w;
        return new RoleModel(weights);
    }

    /// <summary>
    /// The weights and calibration of <paramref name="trained"/> roles from <paramref name="model"/>, those of the other
    /// roles from <paramref name="baseModel"/>: one role retrained, the other as it was.
    /// </summary>
    public static RoleModel Combine(RoleModel model, RoleModel baseModel, IReadOnlySet<RoleKind> trained)
    {
        bool Of(string name, RoleKind role) => name.StartsWith(Prefix(role), StringComparison.Ordinal)
            || name.StartsWith("calibration:" + Prefix(role), StringComparison.Ordinal);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var role in Enum.GetValues<RoleKind>())
            foreach (var (name, w) in (trained.Contains(role) ? model : baseModel)._weights)
                if (Of(name, role)) weights[name] = w;
        // the no-actor threshold belongs to the actor role
        if ((trained.Contains(RoleKind.Actor) ? model : baseModel).NoActorBelow is { } below) weights[NoActorName] = below;
        return new RoleModel(weights);
    }

    /// <summary>
    /// The Platt slope and intercept that fit (probability, right) pairs best: the mean log-loss minimised by Newton's
    /// method with a small ridge on the slope's distance from 1 and the intercept's from 0. Deterministic.
    /// </summary>
    public static (double Slope, double Intercept) FitPlatt(IReadOnlyList<(double Probability, bool Right)> data, double ridge = 1e-3)
    {
        double a = 1, b = 0;
        if (data.Count == 0) return (a, b);
        var x = data.Select(d => Math.Log(Math.Clamp(d.Probability, 1e-6, 1 - 1e-6) / (1 - Math.Clamp(d.Probability, 1e-6, 1 - 1e-6)))).ToArray();
        double Loss(double sa, double sb)
        {
            double l = 0.5 * ridge * ((sa - 1) * (sa - 1) + sb * sb);
            for (int i = 0; i < x.Length; i++)
            {
                double z = sa * x[i] + sb;
                // log(1 + e^-z) for the right answers, log(1 + e^z) for the others, written to stay finite
                double m = data[i].Right ? -z : z;
                l += (m > 0 ? m + Math.Log(1 + Math.Exp(-m)) : Math.Log(1 + Math.Exp(m))) / x.Length;
            }
            return l;
        }
        double loss = Loss(a, b);
        for (int it = 0; it < 100; it++)
        {
            double ga = ridge * (a - 1), gb = ridge * b, haa = ridge, hab = 0, hbb = ridge;
            for (int i = 0; i < x.Length; i++)
            {
                double q = 1 / (1 + Math.Exp(-(a * x[i] + b))), r = q - (data[i].Right ? 1 : 0), w = q * (1 - q);
                ga += r * x[i] / x.Length; gb += r / x.Length;
                haa += w * x[i] * x[i] / x.Length; hab += w * x[i] / x.Length; hbb += w / x.Length;
            }
            double det = haa * hbb - hab * hab;
            if (Math.Abs(det) < 1e-12) break;
            double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
            // a Newton step halved until the loss falls: plain Newton overshoots on shares pressed against 0 and 1
            double step = 1, next = Loss(a - da, b - db);
            while (next > loss && step > 1e-6) { step /= 2; next = Loss(a - step * da, b - step * db); }
            if (next > loss) break;
            (a, b) = (a - step * da, b - step * db);
            bool done = loss - next < 1e-12;
            loss = next;
            if (done) break;
        }
        return (a, b);
    }

    /// <summary>The probability of every candidate (softmax of the scores).</summary>
    public double[] Probabilities(RoleKind role, IReadOnlyList<RoleCandidate> candidates)
    {
        var z = new double[candidates.Count];
        for (int i = 0; i < z.Length; i++) z[i] = Score(role, candidates[i]);
        return LogisticRegression.Softmax(z);
    }

    /// <summary>The best candidate and its probability; ties go to the earlier candidate (the none answer, then the rules' chunk).</summary>
    public (int Index, double Probability) Choose(RoleKind role, IReadOnlyList<RoleCandidate> candidates)
    {
        var p = Probabilities(role, candidates);
        int best = 0;
        for (int i = 1; i < p.Length; i++) if (p[i] > p[best] + 1e-12) best = i;
        return (best, p.Length == 0 ? 0 : p[best]);
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

    public void Save(string path, IEnumerable<string> comments) => LogisticRegression.WriteWeights(path, ModelHeader, comments, _weights);

    /// <summary>
    /// Fits the weights of both roles by full-batch gradient descent on the mean negative log-likelihood of the right
    /// answers (a role may have several right candidates: their probabilities add up) plus an L2 penalty. Deterministic:
    /// no sampling, examples in the given order. Features seen in fewer than <paramref name="minCount"/> candidates are dropped.
    /// </summary>
    /// <param name="prior">Weights the L2 penalty pulls toward instead of 0 (a model refitted from an earlier one: what the
    /// data do not contradict stays as it was); its weights of features the data lack are kept as they are.</param>
    public static RoleModel Train(IReadOnlyList<RoleExample> data, double l2 = 0.001, int iterations = 1500, double rate = 0.5, int minCount = 3, RoleModel? prior = null)
    {
        // features by role and id, named only to order the weights and to write them
        var counts = new Dictionary<(RoleKind, int), int>();
        foreach (var x in data) foreach (var c in x.Candidates) foreach (var id in c.FeatureIds) counts[(x.Role, id)] = counts.GetValueOrDefault((x.Role, id)) + 1;
        var kept = counts.Where(c => c.Value >= minCount).Select(c => (Key: c.Key, Name: Prefix(c.Key.Item1) + RoleFeatureNames.Name(c.Key.Item2)))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ToArray();
        var names = kept.Select(c => c.Name).ToArray();
        var index = kept.Select((c, i) => (c.Key, i)).ToDictionary(p => p.Key, p => p.i);
        var rows = data.Where(x => x.Right.Count > 0).Select(x => (
            X: x.Candidates.Select(c => c.FeatureIds.Where(id => index.ContainsKey((x.Role, id))).Select(id => (index[(x.Role, id)], 1.0)).ToArray()).ToArray(),
            Right: x.Right.ToHashSet())).ToArray();
        var w0 = names.Select(n => prior?._weights.GetValueOrDefault(n) ?? 0).ToArray();
        var w = (double[])w0.Clone();
        var grad = new double[names.Length];
        for (int it = 0; it < iterations; it++)
        {
            Array.Clear(grad);
            foreach (var (x, right) in rows)
            {
                var z = new double[x.Length];
                for (int i = 0; i < x.Length; i++) foreach (var (j, v) in x[i]) z[i] += w[j] * v;
                var p = LogisticRegression.Softmax(z);
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
            for (int j = 0; j < w.Length; j++) w[j] -= rate * (grad[j] / Math.Max(1, rows.Length) + l2 * (w[j] - w0[j]));
        }
        var fitted = names.Select((k, i) => (k, w[i])).ToDictionary(p => p.k, p => p.Item2, StringComparer.Ordinal);
        // the prior's weights of the roles trained here that no kept feature replaced (calibration is fitted apart)
        if (prior is not null)
            foreach (var (k, v) in prior._weights)
                if (!k.StartsWith("calibration:", StringComparison.Ordinal) && data.Any(x => k.StartsWith(Prefix(x.Role), StringComparison.Ordinal))) fitted.TryAdd(k, v);
        return new RoleModel(fitted);
    }
}

/// <summary>One role of one event as training data: its candidates, which of them are right, which one the clause rules chose.</summary>
public sealed record RoleExample(string Article, RoleKind Role, IReadOnlyList<RoleCandidate> Candidates, IReadOnlyList<int> Right, int RuleChoice);
