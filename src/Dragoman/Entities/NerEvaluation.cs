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
}
