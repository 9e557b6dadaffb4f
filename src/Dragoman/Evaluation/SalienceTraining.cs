using System.Globalization;
using System.Text;
using Dragoman.Actors;
using Dragoman.Events.Salience;
using Dragoman.Ingest;
using Dragoman.Pipeline;

namespace Dragoman.Evaluation;

/// <summary>One event as the salience model sees it: its features, whether it matches a gold main event, its part.</summary>
public sealed record SalienceExample(string Article, IReadOnlyDictionary<string, double> Features, bool Label, bool Held);

/// <summary>
/// Builds the salience model's training data from a folder shaped like articles-gold: every event the pipeline finds,
/// labelled positive when it matches a gold main event (<see cref="ArticleScorer.MatchesGoldEvent"/>), tagged with its
/// part of the fixed split. Trains on the development part only; the held-back part measures calibration.
/// </summary>
public static class SalienceTraining
{
    public static Result<List<SalienceExample>> Examples(string folder, DocumentPipeline pipeline, IReadOnlySet<string> held)
    {
        var input = Path.Combine(folder, "input.jsonl");
        if (!File.Exists(input)) return Result<List<SalienceExample>>.Fail($"{folder}: no input.jsonl (expected a folder shaped like articles-gold)");
        var actors = ActorResources.Load();
        var list = new List<SalienceExample>();
        foreach (var outcome in BatchProcessor.Process(InputSources.Expand([input]), pipeline, null))
        {
            if (outcome.Document is not { } doc) continue;
            var name = ArticleEvaluation.NameOf(doc);
            var gold = GoldArticle.Read(Path.Combine(folder, "gold", name + ".json"));
            if (!gold.IsOk) continue;
            var view = ArticleEvaluation.View(doc, name, actors);
            var title = SalienceFeatures.TitleWords(doc);
            for (int i = 0; i < doc.Events.Count; i++)
                list.Add(new SalienceExample(name, SalienceFeatures.Compute(doc, doc.Events[i], doc.Events, title),
                    ArticleScorer.MatchesGoldEvent(gold.Value!, doc.Text, view.Events[i]), held.Contains(name)));
        }
        return list;
    }

    /// <summary>
    /// The threshold (0.05 steps) with the best F1 of "is a main event" on <paramref name="data"/> among those that show
    /// at most <paramref name="maxPerArticle"/> events per article (the noise budget an analyst reads through).
    /// </summary>
    public static double BestThreshold(SalienceModel model, IReadOnlyList<SalienceExample> data, double maxPerArticle)
    {
        double best = 0.9, bestF1 = -1;
        int articles = Math.Max(1, data.Select(x => x.Article).Distinct().Count());
        for (double t = 0.1; t < 0.91; t += 0.05)
        {
            if (data.Count(x => model.Probability(x.Features) >= t) > maxPerArticle * articles) continue;
            int tp = 0, fp = 0, fn = 0;
            foreach (var x in data)
            {
                bool p = model.Probability(x.Features) >= t;
                if (p && x.Label) tp++; else if (p) fp++; else if (x.Label) fn++;
            }
            double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            if (f1 > bestF1) { bestF1 = f1; best = Math.Round(t, 2); }
        }
        return best;
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
