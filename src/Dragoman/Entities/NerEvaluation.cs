using System.Diagnostics;

namespace Dragoman.Entities;

public sealed record NerEvaluationResult(NerScorer Scorer, double TokensPerSecond);

/// <summary>Tags annotated documents on one thread and scores them; tokens/s counts tagging only (features + decoding).</summary>
public static class NerEvaluation
{
    public static NerEvaluationResult Run(NerModel model, IReadOnlyList<NerDocument> docs, TextWriter? errors = null)
    {
        if (docs.Count > 0) model.Tag(docs[0].Text, docs[0].Tokens, docs[0].Sentences); // JIT warm-up
        var scorer = new NerScorer();
        var predicted = new List<int[]>(docs.Count);
        long tokens = 0;
        var sw = Stopwatch.StartNew();
        foreach (var doc in docs)
        {
            predicted.Add(model.Tag(doc.Text, doc.Tokens, doc.Sentences).Labels);
            tokens += doc.Tokens.Length;
        }
        sw.Stop();
        for (int d = 0; d < docs.Count; d++)
        {
            var doc = docs[d];
            for (int s = 0; s < doc.Sentences.Length; s++)
            {
                var sent = doc.Sentences[s];
                var gold = doc.GoldSpans(s);
                var pred = NerLabels.Decode(predicted[d].AsSpan(sent.FirstToken, sent.TokenCount));
                scorer.Add(gold, pred, sent.TokenCount);
                if (errors is not null && !gold.ToHashSet().SetEquals(pred))
                {
                    string Show(TagSpan t) => $"{NerLabels.Classes[t.Class]}:{doc.Text[doc.Tokens[sent.FirstToken + t.Start].Start..doc.Tokens[sent.FirstToken + t.End - 1].End]}";
                    errors.WriteLine(doc.Text[sent.Start..sent.End]);
                    errors.WriteLine("  missed: " + string.Join(" | ", gold.Except(pred).Select(Show)));
                    errors.WriteLine("  wrong:  " + string.Join(" | ", pred.Except(gold).Select(Show)));
                }
            }
        }
        errors?.Dispose();
        return new NerEvaluationResult(scorer, tokens / Math.Max(1e-9, sw.Elapsed.TotalSeconds));
    }

    /// <summary>
    /// Picks the confidence temperature with the lowest Brier score of entity confidences (the least token confidence
    /// in the entity) against exact-match correctness on annotated documents. Labels do not change, only confidences.
    /// </summary>
    public static (float Temperature, double Brier) Calibrate(NerModel model, IReadOnlyList<NerDocument> docs, IDictionary<string, string> info)
    {
        float bestT = 1;
        double bestBrier = double.MaxValue;
        foreach (var t in new[] { 0.5f, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32 })
        {
            info["temperature"] = t.ToString(System.Globalization.CultureInfo.InvariantCulture);
            double sum = 0;
            int n = 0;
            foreach (var doc in docs)
            {
                var (labels, conf) = model.Tag(doc.Text, doc.Tokens, doc.Sentences);
                for (int s = 0; s < doc.Sentences.Length; s++)
                {
                    var sent = doc.Sentences[s];
                    var gold = doc.GoldSpans(s).ToHashSet();
                    foreach (var p in NerLabels.Decode(labels.AsSpan(sent.FirstToken, sent.TokenCount)))
                    {
                        float c = 1;
                        for (int i = p.Start; i < p.End; i++) c = Math.Min(c, conf[sent.FirstToken + i]);
                        double y = gold.Contains(p) ? 1 : 0;
                        sum += (c - y) * (c - y);
                        n++;
                    }
                }
            }
            double brier = n == 0 ? 0 : sum / n;
            if (brier < bestBrier) { bestBrier = brier; bestT = t; }
        }
        info["temperature"] = bestT.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (bestT, bestBrier);
    }
}
