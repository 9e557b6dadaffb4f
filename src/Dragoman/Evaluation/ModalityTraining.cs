using System.Collections.Concurrent;
using Dragoman.Actors;
using Dragoman.Documents;
using Dragoman.Events.Modalities;
using Dragoman.Ingest;
using Dragoman.Pipeline;

namespace Dragoman.Evaluation;

/// <summary>One telling matched to a gold event: its features (the rules' answer among them), the rules' answer and the gold modality.</summary>
public sealed record ModalityExample(string Article, IReadOnlyDictionary<string, double> Features, Modality Rule, Modality Gold, bool Held);

/// <summary>
/// Builds the modality model's data from a folder shaped like articles-gold: every system telling (coreference off, so
/// each telling is its own event) of the same PLOVER type whose sentence overlaps a gold event's evidence, the way
/// `eval articles` matches them, with the gold event's modality. Tagged with the part of the fixed split; training
/// reads the development part only.
/// </summary>
public static class ModalityTraining
{
    public static Result<List<ModalityExample>> Examples(string folder, PipelineResources resources, IReadOnlySet<string> held)
    {
        var input = Path.Combine(folder, "input.jsonl");
        if (!File.Exists(input)) return Result<List<ModalityExample>>.Fail($"{folder}: no input.jsonl (expected a folder shaped like articles-gold)");
        var traced = new ConcurrentDictionary<Event, IReadOnlyDictionary<string, double>>();
        var pipeline = StandardPipeline.Build(resources, coreference: false, modalityTrace: (ev, f) => traced[ev] = f);
        var list = new List<ModalityExample>();
        foreach (var (doc, name, gold, view) in ArticleEvaluation.Annotated(folder, pipeline))
            foreach (var g in gold.Events)
            {
                if (!Enum.TryParse<Modality>(g.Modality, ignoreCase: true, out var goldModality)) continue;
                foreach (var i in ArticleEvaluation.Matching(doc, view, g))
                    if (traced.TryGetValue(doc.Events[i], out var f))
                        list.Add(new ModalityExample(name, f, doc.Events[i].Modality, goldModality, held.Contains(name)));
            }
        return list;
    }

    /// <summary>The fold of an article in cross-validation (articles never straddle folds).</summary>
    public static int Fold(string article, int folds) => RoleTraining.Fold(article, folds);

    /// <summary>Out-of-fold answers on the examples: each fold answered by a model trained on the other folds' factual examples.</summary>
    public static Dictionary<ModalityExample, Modality> CrossValidate(IReadOnlyList<ModalityExample> dev, int folds, double l2)
    {
        var answers = new Dictionary<ModalityExample, Modality>(ReferenceEqualityComparer.Instance);
        for (int f = 0; f < folds; f++)
        {
            var model = ModalityModel.Train(Trainable(dev.Where(x => Fold(x.Article, folds) != f)), l2);
            foreach (var x in dev.Where(x => Fold(x.Article, folds) == f)) answers[x] = model.Decide(x.Features, x.Rule);
        }
        return answers;
    }

    /// <summary>What the model learns from: tellings the rules call factual whose gold modality is factual.</summary>
    public static List<(IReadOnlyDictionary<string, double>, Modality)> Trainable(IEnumerable<ModalityExample> xs) =>
        xs.Where(x => ModalityModel.Decides(x.Rule) && ModalityModel.Decides(x.Gold)).Select(x => (x.Features, x.Gold)).ToList();

    public static double Accuracy(IReadOnlyList<ModalityExample> xs, Func<ModalityExample, Modality> answer) =>
        xs.Count == 0 ? 0 : Math.Round(xs.Count(x => answer(x) == x.Gold) / (double)xs.Count, 4);
}
