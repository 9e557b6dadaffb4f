using System.Globalization;
using Dragoman.Documents;
using Dragoman.Events.Coreference;
using Dragoman.Pipeline;

namespace Dragoman.Evaluation;

/// <summary>A labelled pair of one article's events (indexes into its mentions): whether gold says they tell one happening.</summary>
public sealed record CoreferencePair(int A, int B, bool Same);

/// <summary>One article's events as the coreference trainer sees them: their mentions and the pairs gold labels.</summary>
public sealed record CoreferenceArticle(string Name, bool Held, IReadOnlyList<EventMention> Mentions, IReadOnlyList<CoreferencePair> Pairs);

/// <summary>
/// Pairwise precision, recall and F1 of a clustering over labelled pairs, and its B-cubed precision and recall over the
/// tellings that have a labelled pair (<see cref="CoreferenceTraining.Bcubed"/>).
/// </summary>
public sealed record PairScore(double Threshold, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Harmonic(Precision, Recall);
    public double BcubedPrecision { get; init; }
    public double BcubedRecall { get; init; }
    public double BcubedF1 => Harmonic(BcubedPrecision, BcubedRecall);

    private static double Harmonic(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>
/// Training data for the event coreference model from a folder shaped like articles-gold, run through the pipeline
/// without coreference (every telling its own event). An event refers to a gold main event when it has its type and
/// (a) its sentence holds that gold event's evidence, or else (b) it is the only gold event of its type that the
/// event's own fields agree with somewhere (place within 161 km, date in the gold window, same count, shared party
/// words) and contradict nowhere (<see cref="FieldAgreement"/>): gold names one sentence per event, so (b) is what finds the headline's and the
/// body's retellings. Two events are the same happening when they refer to one gold event, and different when they
/// refer to different ones or one contradicts the other's gold event; other pairs are not labelled.
/// </summary>
public static class CoreferenceTraining
{
    public static Result<List<CoreferenceArticle>> Articles(string folder, DocumentPipeline pipeline, IReadOnlySet<string> held, ArticleFieldRules rules)
    {
        var input = Path.Combine(folder, "input.jsonl");
        if (!File.Exists(input)) return Result<List<CoreferenceArticle>>.Fail($"{folder}: no input.jsonl (expected a folder shaped like articles-gold)");
        var list = new List<CoreferenceArticle>();
        foreach (var (doc, name, gold, view) in ArticleEvaluation.Annotated(folder, pipeline))
        {
            var mentions = EventMention.Of(doc, doc.Events);
            var refs = Enumerable.Range(0, doc.Events.Count).Select(i => Referents(gold, doc, doc.Events[i], view.Events[i], rules)).ToList();
            var pairs = new List<CoreferencePair>();
            for (int i = 0; i < mentions.Length; i++)
                for (int j = i + 1; j < mentions.Length; j++)
                    if (CoreferenceFeatures.Comparable(mentions[i], mentions[j]) && Label(refs[i], refs[j]) is bool same)
                        pairs.Add(new CoreferencePair(i, j, same));
            list.Add(new CoreferenceArticle(name, held.Contains(name), mentions, pairs));
        }
        return list.OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The gold events an event refers to, and those its own fields contradict.</summary>
    public sealed record Reference(IReadOnlySet<int> Refers, IReadOnlySet<int> Contradicts);

    public static bool? Label(Reference a, Reference b)
    {
        if (a.Refers.Overlaps(b.Refers)) return true;
        if (a.Refers.Count > 0 && b.Refers.Count > 0) return false;
        if (a.Refers.Count > 0 && a.Refers.All(b.Contradicts.Contains)) return false;
        if (b.Refers.Count > 0 && b.Refers.All(a.Contradicts.Contains)) return false;
        return null;
    }

    private static Reference Referents(GoldArticle gold, Document doc, Event e, SystemEvent s, ArticleFieldRules rules)
    {
        var strict = new HashSet<int>();
        var agreeing = new HashSet<int>();
        var contradicts = new HashSet<int>();
        for (int g = 0; g < gold.Events.Count; g++)
        {
            var ge = gold.Events[g];
            if (!ArticleFieldRules.TypeMatches(ge.Plover, s.Plover, s.PloverMode)) { contradicts.Add(g); continue; }
            if (EvidenceLocator.Find(doc.Text, ge.Evidence).Any(span => s.Sentences.Any(x => x.Overlaps(span)))) strict.Add(g);
            var (agree, differ) = FieldAgreement(gold, ge, doc, e, s, rules);
            if (differ > 0) contradicts.Add(g);
            else if (agree > 0) agreeing.Add(g);
        }
        var refers = strict.Count > 0 ? strict : agreeing.Count == 1 ? agreeing : [];
        return new Reference(refers, contradicts);
    }

    /// <summary>
    /// How many of the event's own fields agree with a gold event's, and how many contradict it (fields either side
    /// leaves empty say nothing). Two fields can only agree: a target worded otherwise ("three persons", "the victims")
    /// is still the same victims, and a country or province is no other place than a town inside it.
    /// </summary>
    private static (int Agree, int Differ) FieldAgreement(GoldArticle article, GoldEvent g, Document doc, Event e, SystemEvent s, ArticleFieldRules rules)
    {
        int agree = 0, differ = 0;
        void Judge(bool right) { if (right) agree++; else differ++; }
        if (!string.IsNullOrWhiteSpace(g.Actor) && e.Actor is { Inherited: false }) Judge(rules.PartyMatches(g.Actor, [s.Actor]));
        if (!string.IsNullOrWhiteSpace(g.Target) && e.Target is { Inherited: false } && rules.PartyMatches(g.Target, [s.Target])) agree++;
        if (g.Place is not null && ArticleScorer.FindPlace(article, g.Place) is { Lat: not null, Lon: not null } gp && e.Place is { Inherited: false } place && s.Lat is not null)
        {
            bool right = ArticleFieldRules.PlaceMatches(gp, s.Lat, s.Lon);
            bool coarse = EventMention.ResolutionOf(doc, place)?.Precision is PlacePrecision.Region or PlacePrecision.Country;
            if (right || !coarse) Judge(right);
        }
        if (ArticleFieldRules.DateWindow(g.Date) is not null && e.Time is { Inherited: false, Start: not null }) Judge(ArticleFieldRules.DateMatches(g.Date, s.Start, s.End));
        if (g.Count is { } c && s.Counts.Count > 0) Judge(ArticleFieldRules.CountMatches(c, s.Counts));
        return (agree, differ);
    }

    /// <summary>
    /// The labelled candidate pairs of some articles as training rows; a vetoed pair
    /// (<see cref="CoreferenceFeatures.Incompatibility"/>) is never scored, so it teaches nothing, but it stays among
    /// the pairs the sweep counts.
    /// </summary>
    public static List<(IReadOnlyDictionary<string, double> Features, bool Label)> Rows(IEnumerable<CoreferenceArticle> articles) =>
        articles.SelectMany(a => a.Pairs.Where(p => CoreferenceFeatures.Candidates(a.Mentions[p.A], a.Mentions[p.B])).Select(p => ((IReadOnlyDictionary<string, double>)CoreferenceFeatures.Compute(a.Mentions[p.A], a.Mentions[p.B]), p.Same))).ToList();

    /// <summary>Pairwise scores of the clustering a model gives at each threshold (0.05 steps, 0.10 to 0.90), over the labelled pairs.</summary>
    public static List<PairScore> Sweep(IReadOnlyList<(CoreferenceArticle Article, CoreferenceModel Model)> scored)
    {
        var points = new List<PairScore>();
        for (int step = 2; step <= 18; step++)
        {
            double t = step / 20.0;
            int tp = 0, fp = 0, fn = 0, precise = 0, recalled = 0;
            double precision = 0, recall = 0;
            foreach (var (a, model) in scored)
            {
                var cluster = EventClustering.Cluster(a.Mentions, model.Probability, t);
                foreach (var p in a.Pairs)
                {
                    bool joined = cluster[p.A] == cluster[p.B];
                    if (joined && p.Same) tp++;
                    else if (joined) fp++;
                    else if (p.Same) fn++;
                }
                foreach (var (p, r) in Bcubed(a.Pairs, cluster))
                {
                    if (p is { } pv) { precision += pv; precise++; }
                    if (r is { } rv) { recall += rv; recalled++; }
                }
            }
            points.Add(new PairScore(t, tp, fp, fn)
            {
                BcubedPrecision = precise == 0 ? 1 : precision / precise, BcubedRecall = recalled == 0 ? 0 : recall / recalled,
            });
        }
        return points;
    }

    /// <summary>
    /// B-cubed precision and recall of every telling that has a labelled pair, counting only labelled partners and not
    /// the telling itself: precision is the share of its labelled cluster mates that gold calls the same happening (none
    /// when it is joined to no labelled partner), recall the share of its same-labelled partners in its cluster (none
    /// when it has no such partner). Unlike pairwise F1, which counts the pairs of a big cluster by their square, each
    /// telling weighs once, as each shown event does in `eval articles`: one wrong join makes every telling of the joined
    /// event less precise. The telling itself is left out because a telling left alone is no evidence of precision:
    /// counted in, every singleton scored 1 and the choice fell to thresholds that lost events right in full.
    /// </summary>
    public static IEnumerable<(double? Precision, double? Recall)> Bcubed(IReadOnlyList<CoreferencePair> pairs, IReadOnlyList<int> cluster)
    {
        var tellings = new SortedDictionary<int, (int SameJoined, int DifferentJoined, int Same)>();
        void Count(int m, bool same, bool joined)
        {
            var (sj, dj, s) = tellings.GetValueOrDefault(m);
            tellings[m] = (sj + (same && joined ? 1 : 0), dj + (!same && joined ? 1 : 0), s + (same ? 1 : 0));
        }
        foreach (var p in pairs)
        {
            bool joined = cluster[p.A] == cluster[p.B];
            Count(p.A, p.Same, joined);
            Count(p.B, p.Same, joined);
        }
        foreach (var (sj, dj, s) in tellings.Values)
            yield return (sj + dj == 0 ? null : (double)sj / (sj + dj), s == 0 ? null : (double)sj / s);
    }

    /// <summary>
    /// Cross-validated sweep over the development articles: each of <paramref name="folds"/> folds (articles in name
    /// order, every k-th) is clustered by a model fitted on the other folds.
    /// </summary>
    public static List<PairScore> CrossValidate(IReadOnlyList<CoreferenceArticle> dev, int folds, double l2) => Sweep(OutOfFold(dev, folds, l2));

    /// <summary>Every development article with the model fitted on the folds it is not in (articles in name order, every k-th a fold).</summary>
    public static List<(CoreferenceArticle Article, CoreferenceModel Model)> OutOfFold(IReadOnlyList<CoreferenceArticle> dev, int folds, double l2)
    {
        var scored = new List<(CoreferenceArticle, CoreferenceModel)>();
        for (int k = 0; k < folds; k++)
        {
            var train = dev.Where((_, i) => i % folds != k);
            var model = new CoreferenceModel(Events.LogisticRegression.Fit(Rows(train), l2), 0.5);
            scored.AddRange(dev.Where((_, i) => i % folds == k).Select(a => (a, model)));
        }
        return scored;
    }

    /// <summary>
    /// The labelled pairs as the clustering at <paramref name="threshold"/> leaves them, one JSON object a line (article,
    /// gold label, joined or not, the pair probability, both mentions, the features): what error analysis reads.
    /// </summary>
    public static IEnumerable<string> PairListing(IReadOnlyList<(CoreferenceArticle Article, CoreferenceModel Model)> scored, double threshold)
    {
        var options = new System.Text.Json.JsonSerializerOptions { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
        foreach (var (a, model) in scored)
        {
            var cluster = EventClustering.Cluster(a.Mentions, model.Probability, threshold);
            foreach (var p in a.Pairs)
            {
                var (x, y) = (a.Mentions[p.A], a.Mentions[p.B]);
                yield return System.Text.Json.JsonSerializer.Serialize(new
                {
                    article = a.Name, same = p.Same, joined = cluster[p.A] == cluster[p.B],
                    probability = Math.Round(model.Probability(x, y), 4), a = x, b = y, features = CoreferenceFeatures.Compute(x, y),
                }, options);
            }
        }
    }

    /// <summary>
    /// The threshold to ship: the best B-cubed F1 (<see cref="Bcubed"/>) smoothed over each threshold and its neighbours
    /// in the sweep (<see cref="Smoothed"/>), the higher threshold on ties. Pairwise F1 picked low thresholds whose
    /// extra joins over-joined end to end (models/coreference/README.md); B-cubed weighs tellings, not pairs, and the
    /// smoothing keeps one lucky sweep point on 84 pages from deciding.
    /// </summary>
    public static double BestThreshold(IReadOnlyList<PairScore> sweep) => BestThreshold(sweep.Select(p => (p.Threshold, p.BcubedF1)).ToList());

    /// <summary>The threshold of the best smoothed objective, the higher threshold on ties (within 0.0005: noise on this data).</summary>
    public static double BestThreshold(IReadOnlyList<(double Threshold, double Objective)> sweep)
    {
        if (sweep.Count == 0) throw new ArgumentException("an empty sweep has no best threshold", nameof(sweep));
        var ordered = sweep.OrderBy(p => p.Threshold).ToList();
        var smoothed = Smoothed(ordered.Select(p => p.Objective).ToList());
        double best = smoothed.Max();
        return ordered.Where((_, i) => smoothed[i] >= best - TieTolerance).Max(p => p.Threshold);
    }

    /// <summary>Objectives closer than this to the best count as tied.</summary>
    public const double TieTolerance = 0.0005;

    /// <summary>Each value averaged with its neighbours (one each side; the ends with the one they have).</summary>
    public static double[] Smoothed(IReadOnlyList<double> values) =>
        values.Select((_, i) => values.Skip(Math.Max(0, i - 1)).Take(i == 0 ? 2 : 3).Average()).ToArray();

    public static string Row(PairScore p) => string.Create(CultureInfo.InvariantCulture,
        $"| {p.Threshold:0.00} | {p.Precision:0.000} | {p.Recall:0.000} | {p.F1:0.000} | {p.TruePositives} | {p.FalsePositives} | {p.FalseNegatives} | {p.BcubedPrecision:0.000} | {p.BcubedRecall:0.000} | {p.BcubedF1:0.000} |");
}
