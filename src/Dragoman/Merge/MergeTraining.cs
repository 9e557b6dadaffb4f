using System.Globalization;

namespace Dragoman.Merge;

/// <summary>A gold-labelled report: the main event of one merge-gold article, its incident and its fold.</summary>
public sealed record LabelledReport(string File, string Incident, int Fold, MergeReport Report);

/// <summary>One pair of labelled reports of different articles: gold answer, whether blocking compares it, its features.</summary>
public sealed record LabelledPair(LabelledReport A, LabelledReport B, bool Same, bool HardNegative, string? WhyApart, double[] Features)
{
    /// <summary>The two reports are in one fold, so the pair can be held out of a fold's training.</summary>
    public int? Fold => A.Fold == B.Fold ? A.Fold : null;
}

/// <summary>The out-of-fold figures of one threshold: pairs linked (score at or above it) by gold kind; Objective = gold pairs linked - other pairs linked (hard negatives included).</summary>
public sealed record ThresholdRow(double Logit, int SameLinked, int Same, int HardLinked, int Hard, int OtherLinked, int Other, double Objective);

/// <summary>
/// Fits <see cref="PairModel"/> (models/merge/README.md): weighted logistic regression over <see cref="PairScorer"/>'s
/// features on the pairs of labelled reports that blocking compares, pulled towards a prior model's weights (the hand-set
/// ones), hard-negative pairs weighted <c>hardWeight</c> times; the L2 penalty is the one of lowest out-of-fold log-loss
/// (folds by incident component: an incident and its hard negatives are in one fold) and the threshold is the score where
/// the fitted probability reaches a fixed decision (0.5). Deterministic: full-batch gradient descent from the prior, fixed iterations.
/// </summary>
public static class MergeTraining
{
    /// <summary>Folds: incidents grouped into components by the hard-negative pairs, the components sorted by their first id and dealt round.</summary>
    public static IReadOnlyDictionary<string, int> Folds(IEnumerable<string> incidents, IReadOnlyList<(string A, string B)> negatives, int folds)
    {
        var ids = incidents.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var parent = ids.ToDictionary(i => i, i => i, StringComparer.Ordinal);
        string Find(string x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        foreach (var (a, b) in negatives)
            if (parent.ContainsKey(a) && parent.ContainsKey(b))
            {
                string ra = Find(a), rb = Find(b);
                if (ra != rb) parent[string.CompareOrdinal(ra, rb) < 0 ? rb : ra] = string.CompareOrdinal(ra, rb) < 0 ? ra : rb;
            }
        var components = ids.GroupBy(Find).Select(g => g.Min(StringComparer.Ordinal)!).Order(StringComparer.Ordinal).ToList();
        var foldOf = components.Select((c, i) => (c, i % folds)).ToDictionary(p => p.c, p => p.Item2, StringComparer.Ordinal);
        return ids.ToDictionary(i => i, i => foldOf[Find(i)], StringComparer.Ordinal);
    }

    /// <summary>Every pair of labelled reports of different articles, in file order.</summary>
    public static IReadOnlyList<LabelledPair> Pairs(IReadOnlyList<LabelledReport> reports, IReadOnlyList<(string A, string B)> negatives)
    {
        var neg = negatives.SelectMany(n => new[] { (n.A, n.B), (n.B, n.A) }).ToHashSet();
        var sorted = reports.OrderBy(r => r.File, StringComparer.Ordinal).ToList();
        var list = new List<LabelledPair>();
        for (int i = 0; i < sorted.Count; i++)
            for (int j = i + 1; j < sorted.Count; j++)
            {
                var (a, b) = (sorted[i], sorted[j]);
                bool sameFamily = a.Report.Family is not null && a.Report.Family == b.Report.Family;
                list.Add(new LabelledPair(a, b, a.Incident == b.Incident, neg.Contains((a.Incident, b.Incident)),
                    MergeBlocking.WhyApart(a.Report, b.Report), sameFamily ? PairScorer.Features(a.Report, b.Report) : []));
            }
        return list;
    }

    /// <summary>The pairs a model learns from: those blocking compares (the decisions the scorer makes in a store).</summary>
    public static bool Trainable(LabelledPair p) => p.Features.Length > 0 && p.WhyApart is null;

    /// <summary>
    /// Weighted logistic regression with an L2 penalty that pulls the weights (not the intercept) towards
    /// <paramref name="prior"/>'s: a feature the compared pairs never fire (dates weeks apart, another country: blocking
    /// keeps such pairs out, but the clusterer's averages still meet them) keeps its prior weight. Returns the weights and the intercept.
    /// </summary>
    public static (double[] Weights, double Bias) Fit(IReadOnlyList<LabelledPair> pairs, double hardWeight, double l2, PairModel prior, int iterations = 4000, double rate = 0.3)
    {
        int n = PairModel.FeatureCount;
        var w = prior.Weights.ToArray();
        double bias = -prior.Threshold;
        var grad = new double[n];
        var rows = pairs.Where(Trainable).Select(p => (X: p.Features, Y: p.Same ? 1.0 : 0.0, C: p.HardNegative ? hardWeight : 1.0)).ToArray();
        double total = rows.Sum(r => r.C);
        if (total == 0) return (w, bias);
        for (int it = 0; it < iterations; it++)
        {
            Array.Clear(grad);
            double gb = 0;
            foreach (var (x, y, c) in rows)
            {
                double z = bias;
                for (int j = 0; j < n; j++) z += w[j] * x[j];
                double err = c * (1 / (1 + Math.Exp(-z)) - y);
                gb += err;
                for (int j = 0; j < n; j++) grad[j] += err * x[j];
            }
            bias -= rate * gb / total;
            for (int j = 0; j < n; j++) w[j] -= rate * (grad[j] / total + l2 * (w[j] - prior[(PairFeature)j]));
        }
        return (w, bias);
    }

    /// <summary>
    /// Out-of-fold log-odds of every trainable pair that lies within one fold (a model fitted on the pairs that touch
    /// no article of that fold), in <paramref name="pairs"/> order with the pair.
    /// </summary>
    public static IReadOnlyList<(LabelledPair Pair, double Logit)> OutOfFold(IReadOnlyList<LabelledPair> pairs, int folds, double hardWeight, double l2, PairModel prior)
    {
        var result = new List<(LabelledPair, double)>();
        for (int f = 0; f < folds; f++)
        {
            var train = pairs.Where(p => Trainable(p) && p.A.Fold != f && p.B.Fold != f).ToList();
            var (w, bias) = Fit(train, hardWeight, l2, prior);
            var model = new PairModel(w, bias, 0);
            foreach (var p in pairs.Where(p => Trainable(p) && p.Fold == f))
                result.Add((p, bias + PairScorer.Value(p.A.Report, p.B.Report, model)));
        }
        return result;
    }

    /// <summary>The L2 penalties tried when none is given (<see cref="ChooseL2"/>).</summary>
    public static readonly IReadOnlyList<double> L2Grid = [0.03, 0.1, 0.3, 1, 3];

    /// <summary>
    /// The out-of-fold log-loss of the compared pairs, hard negatives weighted as in the fit: how well the model's
    /// probabilities hold on incidents it did not see. A smooth figure of every pair's score, so that a small change in
    /// the reports moves it a little, where a count of pairs above a threshold jumps.
    /// </summary>
    public static double LogLoss(IReadOnlyList<(LabelledPair Pair, double Logit)> scored, double hardWeight)
    {
        double loss = 0, total = 0;
        foreach (var (p, z) in scored)
        {
            if (p.WhyApart is not null) continue;
            double c = p.HardNegative ? hardWeight : 1;
            // log(1 + e^-z) for a gold pair, log(1 + e^z) for another, written so that neither overflows.
            double m = p.Same ? -z : z;
            loss += c * (Math.Max(m, 0) + Math.Log(1 + Math.Exp(-Math.Abs(m))));
            total += c;
        }
        return total == 0 ? 0 : loss / total;
    }

    /// <summary>The out-of-fold log-loss of each L2 of <see cref="L2Grid"/> and the one with the lowest (a tie: the larger penalty, nearer the prior).</summary>
    public static (double L2, IReadOnlyList<(double L2, double LogLoss)> Table) ChooseL2(IReadOnlyList<LabelledPair> pairs, int folds, double hardWeight, PairModel prior)
    {
        var table = L2Grid.Select(l2 => (l2, LogLoss(OutOfFold(pairs, folds, hardWeight, l2, prior), hardWeight))).ToList();
        double best = table.Min(t => t.Item2);
        return (table.Where(t => t.Item2 <= best + 1e-9).Max(t => t.l2), table);
    }

    /// <summary>
    /// The score threshold of a decision probability: a pair links when the model's P(one incident) reaches
    /// <paramref name="decision"/>, i.e. when bias + score reaches logit(decision). A fixed probability, not a cut fitted
    /// to the few pairs near it: the threshold moves only as far as the fitted intercept does (models/merge/README.md).
    /// </summary>
    public static double ThresholdAt(double bias, double decision) => Math.Log(decision / (1 - decision)) - bias;

    /// <summary>
    /// The fitted weights with <see cref="PairFeature.PlaceFar"/> lowered, where needed, so that a pair whose places lie
    /// beyond three tolerances stays below <paramref name="threshold"/> whatever else it shares. The PostgreSQL store
    /// reads no stored report that far (its distance block, PostgresEventStore.PlaceReach), so without this it would make
    /// other incidents than SQLite, which scores every report of the block. Returns the weights and whether it lowered one.
    /// </summary>
    public static (double[] Weights, bool Lowered) KeepFarApart(double[] weights, double threshold, double margin = 0.01)
    {
        var w = weights.ToArray();
        double most = threshold - margin - PairScorer.LargestWithoutPlace(new PairModel(w, 0, threshold));
        if (w[(int)PairFeature.PlaceFar] <= most) return (w, false);
        w[(int)PairFeature.PlaceFar] = Math.Round(most, 3, MidpointRounding.ToNegativeInfinity);
        return (w, true);
    }

    /// <summary>
    /// The threshold refitted without each fold's incidents (at the same L2 and decision): how far the threshold moves when
    /// a fifth of the incidents change, the stability the rule is meant to have (models/merge/README.md, session 10).
    /// </summary>
    public static IReadOnlyList<double> ThresholdsWithoutEachFold(IReadOnlyList<LabelledPair> pairs, int folds, double hardWeight, double l2, PairModel prior, double decision) =>
        [.. Enumerable.Range(0, folds).Select(f => ThresholdAt(Fit([.. pairs.Where(p => p.A.Fold != f && p.B.Fold != f)], hardWeight, l2, prior).Bias, decision))];

    /// <summary>The compared pairs linked at log-odds <paramref name="logit"/>, by gold kind (out-of-fold figures at the decision).</summary>
    public static ThresholdRow Linked(IReadOnlyList<(LabelledPair Pair, double Logit)> scored, double logit)
    {
        var compared = scored.Where(s => s.Pair.WhyApart is null).ToList();
        int same = compared.Count(s => s.Pair.Same), hard = compared.Count(s => s.Pair.HardNegative), other = compared.Count - same - hard;
        int sl = compared.Count(s => s.Pair.Same && s.Logit >= logit), hl = compared.Count(s => s.Pair.HardNegative && s.Logit >= logit);
        int ol = compared.Count(s => !s.Pair.Same && !s.Pair.HardNegative && s.Logit >= logit);
        return new ThresholdRow(logit, sl, same, hl, hard, ol, other, sl - ol - hl);
    }

    /// <summary>Tab-separated pair table (header first): the files, incidents, gold kind, blocking, score, features fired.</summary>
    public static IEnumerable<string> PairTable(IReadOnlyList<LabelledPair> pairs, PairModel model)
    {
        yield return "file_a\tfile_b\tincident_a\tincident_b\tgold\tcompared\tscore\tfeatures";
        foreach (var p in pairs)
        {
            string gold = p.Same ? "same" : p.HardNegative ? "hard-negative" : "other";
            string score = p.Features.Length == 0 ? "" : PairScorer.Value(p.A.Report, p.B.Report, model).ToString("0.###", CultureInfo.InvariantCulture);
            string features = string.Join(' ', p.Features.Select((v, i) => (v, i)).Where(t => t.v != 0)
                .Select(t => PairModel.Key((PairFeature)t.i) + (t.v == 1 ? "" : "=" + t.v.ToString(CultureInfo.InvariantCulture))));
            yield return string.Join('\t', p.A.File, p.B.File, p.A.Incident, p.B.Incident, gold, p.WhyApart ?? "yes", score, features);
        }
    }
}
