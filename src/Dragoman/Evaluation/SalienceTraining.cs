using System.Globalization;
using System.Text;
using Dragoman.Events.Salience;
using Dragoman.Pipeline;

namespace Dragoman.Evaluation;

/// <summary>One event as the salience model sees it: its features, whether it matches a gold main event, its part.</summary>
public sealed record SalienceExample(string Article, IReadOnlyDictionary<string, double> Features, bool Label, bool Held)
{
    /// <summary>The event's sentence index and PLOVER type: main events are chosen one per such group.</summary>
    public (int Sentence, string? Type) Group { get; init; }

    public bool Historical { get; init; }

    /// <summary>Indexes of the gold main events it matches (type and sentence), for recall at a threshold.</summary>
    public IReadOnlyList<int> GoldMatches { get; init; } = [];

    /// <summary>Whether its sentence holds any gold main event (an event outside them is the scorer's noise proxy).</summary>
    public bool InGoldSentence { get; init; }
}

/// <summary>Every event of a folder as an example, and the number of gold main events of each article (the recall denominator).</summary>
public sealed record SalienceDataSet(IReadOnlyList<SalienceExample> Examples, IReadOnlyDictionary<string, int> GoldEvents);

/// <summary>
/// Builds the salience model's training data from a folder shaped like articles-gold: every event the pipeline finds,
/// labelled positive when it matches a gold main event (<see cref="ArticleScorer.MatchesGoldEvent"/>), tagged with its
/// part of the fixed split. Trains on the development part only; the held-back part measures calibration.
/// </summary>
public static class SalienceTraining
{
    public static Result<SalienceDataSet> Examples(string folder, DocumentPipeline pipeline, IReadOnlySet<string> held)
    {
        var input = Path.Combine(folder, "input.jsonl");
        if (!File.Exists(input)) return Result<SalienceDataSet>.Fail($"{folder}: no input.jsonl (expected a folder shaped like articles-gold)");
        var list = new List<SalienceExample>();
        var goldCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (doc, name, gold, view) in ArticleEvaluation.Annotated(folder, pipeline))
        {
            var title = SalienceFeatures.TitleWords(doc);
            var lede = SalienceFeatures.LedeWords(doc);
            var goldSpans = gold.Events.Select(g => EvidenceLocator.Find(doc.Text, g.Evidence)).ToList();
            goldCounts[name] = gold.Events.Count;
            for (int i = 0; i < doc.Events.Count; i++)
            {
                var e = doc.Events[i];
                var sentences = view.Events[i].Sentences;
                var matches = Enumerable.Range(0, goldSpans.Count).Where(g =>
                    ArticleFieldRules.TypeMatches(gold.Events[g].Plover, view.Events[i].Plover, view.Events[i].PloverMode)
                    && goldSpans[g].Any(span => sentences.Any(s => s.Overlaps(span)))).ToList();
                list.Add(new SalienceExample(name, SalienceFeatures.Compute(doc, e, doc.Events, title, lede), matches.Count > 0, held.Contains(name))
                {
                    Group = (doc.SentenceAt(e.Trigger.Start), e.Codes.Plover?.Event),
                    Historical = e.Historical,
                    GoldMatches = matches,
                    InGoldSentence = goldSpans.Any(gs => gs.Any(span => sentences.Any(s => s.Overlaps(span)))),
                });
            }
        }
        return new SalienceDataSet(list, goldCounts);
    }

    /// <summary>What the main events at one threshold show on a part: recall of gold main events, events per article, share outside gold sentences.</summary>
    public sealed record ThresholdPoint(double Threshold, double Recall, double PerArticle, double Outside);

    /// <summary>The main events <see cref="SalienceComponent.SelectMain"/> shows at each threshold (0.05 steps, 0.1 to 0.9).</summary>
    public static List<ThresholdPoint> Sweep(SalienceModel model, IReadOnlyList<SalienceExample> data, IReadOnlyDictionary<string, int> goldPerArticle)
    {
        var articles = data.GroupBy(x => x.Article).Select(a => a.ToList()).ToList();
        int gold = articles.Sum(a => goldPerArticle.GetValueOrDefault(a[0].Article));
        var points = new List<ThresholdPoint>();
        for (int step = 18; step >= 2; step--)
        {
            double t = step / 20.0;
            int shown = 0, outside = 0, found = 0;
            foreach (var xs in articles)
            {
                var main = SalienceComponent.SelectMain(xs, x => model.Probability(x.Features), x => x.Historical, x => x.Group, t);
                var hit = new HashSet<int>();
                for (int i = 0; i < xs.Count; i++)
                {
                    if (!main[i]) continue;
                    shown++;
                    if (!xs[i].InGoldSentence) outside++;
                    hit.UnionWith(xs[i].GoldMatches);
                }
                found += hit.Count;
            }
            points.Add(new ThresholdPoint(t, (double)found / Math.Max(1, gold), (double)shown / Math.Max(1, articles.Count), (double)outside / Math.Max(1, shown)));
        }
        return points;
    }

    /// <summary>
    /// The threshold with the best recall of gold main events among those within both noise budgets (at most
    /// <paramref name="maxPerArticle"/> events per article, at most <paramref name="maxOutside"/> of them outside gold
    /// sentences); when none is within both, the best recall within the per-article budget. Ties go to the higher threshold.
    /// </summary>
    public static double BestThreshold(IReadOnlyList<ThresholdPoint> sweep, double maxPerArticle, double maxOutside)
    {
        var within = sweep.Where(p => p.PerArticle <= maxPerArticle && p.Outside <= maxOutside).ToList();
        if (within.Count == 0) within = sweep.Where(p => p.PerArticle <= maxPerArticle).ToList();
        if (within.Count == 0) return sweep.Count == 0 ? 0.5 : sweep[0].Threshold;
        double best = within.Max(p => p.Recall);
        return within.First(p => p.Recall >= best - 1e-9).Threshold;
    }

    /// <summary>Brier score and a reliability table (ten bins of predicted probability: count, mean predicted, observed share).</summary>
    public static (double Brier, string Table) Calibration(SalienceModel model, IReadOnlyList<SalienceExample> data)
    {
        var bins = new (int N, double P, int Pos)[10];
        double brier = 0;
        foreach (var x in data)
        {
            double p = model.Probability(x.Features);
            brier += (p - (x.Label ? 1 : 0)) * (p - (x.Label ? 1 : 0));
            int b = Math.Min(9, (int)(p * 10));
            bins[b] = (bins[b].N + 1, bins[b].P + p, bins[b].Pos + (x.Label ? 1 : 0));
        }
        var sb = new StringBuilder("| predicted | events | mean predicted | observed main share |\n|---|---|---|---|\n");
        for (int b = 0; b < 10; b++)
        {
            if (bins[b].N == 0) continue;
            sb.Append(CultureInfo.InvariantCulture, $"| {b / 10.0:0.0}-{(b + 1) / 10.0:0.0} | {bins[b].N} | {bins[b].P / bins[b].N:0.000} | {(double)bins[b].Pos / bins[b].N:0.000} |\n");
        }
        return (data.Count == 0 ? 0 : Math.Round(brier / data.Count, 4), sb.ToString());
    }
}
