using System.Globalization;
using Dragoman.Events.Context;
using Dragoman.Events.Types;
using Dragoman.Pipeline;

namespace Dragoman.Evaluation;

/// <summary>A labelled type example and its part of the fixed split.</summary>
public sealed record LabelledType(TypeExample Example, bool Held);

/// <summary>
/// Builds the type chooser's training data from a folder shaped like articles-gold, with the rules deciding the types
/// and no coreference (what the chooser sees in the pipeline). An event whose sentence overlaps gold evidence is
/// labelled when the gold tells its type: its own type when a gold event of that sentence has it; otherwise the type
/// of the one gold event of the sentence whose action shares a word with the trigger ("seized" for "seized the
/// town"). Events outside gold sentences, and those no gold event of their sentence names, are not labelled.
/// </summary>
public static class TypeTraining
{
    public static List<LabelledType> Examples(string folder, PipelineResources resources, IReadOnlySet<string> held)
    {
        var words = ContextWords.LoadBundled().Value;
        var list = new List<LabelledType>();
        foreach (var (doc, name, gold, view) in ArticleEvaluation.Annotated(folder, StandardPipeline.Build(resources, coreference: false, types: false)))
        {
            var spans = gold.Events.Select(g => EvidenceLocator.Find(doc.Text, g.Evidence)).ToList();
            for (int i = 0; i < doc.Events.Count; i++)
            {
                var e = doc.Events[i];
                var s = view.Events[i];
                if (s.Plover is not { } rule) continue;
                var inSentence = Enumerable.Range(0, gold.Events.Count).Where(g => spans[g].Any(sp => s.Sentences.Any(x => x.Overlaps(sp)))).Select(g => gold.Events[g]).ToList();
                if (inSentence.Count == 0) continue;
                var same = inSentence.FirstOrDefault(g => ArticleFieldRules.TypeMatches(g.Plover, rule, s.PloverMode));
                GoldEvent? right = same;
                if (right is null)
                {
                    var trigger = doc.Text[e.Trigger.Start..e.Trigger.End];
                    var named = inSentence.Where(g => g.Plover is not null && SharesWord(trigger, g.Action)).ToList();
                    if (named.Select(g => g.Plover).Distinct(StringComparer.Ordinal).Count() != 1) continue;
                    right = named[0];
                }
                var rightType = same is not null ? rule : right.Plover!;
                var cameo = right.CameoRoot is { Length: 2 } root ? root + "0" : null;
                list.Add(new LabelledType(new TypeExample(name, TypeFeatures.Compute(doc, e, words), rule, rightType, cameo), held.Contains(name)));
            }
        }
        return list;
    }

    /// <summary>Whether a word of the trigger and a word of the gold action share their first four letters ("looting", "looted").</summary>
    public static bool SharesWord(string trigger, string? action)
    {
        if (string.IsNullOrWhiteSpace(action)) return false;
        static IEnumerable<string> Stems(string s) => s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetter).ToArray()).ToLowerInvariant()).Where(w => w.Length >= 4).Select(w => w[..4]);
        var t = Stems(trigger).ToHashSet(StringComparer.Ordinal);
        return Stems(action).Any(t.Contains);
    }

    /// <summary>
    /// Each example's type as chosen by a model fitted on the other folds (articles in name order, every k-th article
    /// to a fold), with that model's probability.
    /// </summary>
    public static List<(TypeExample Example, string Chosen, double Probability)> CrossValidate(IReadOnlyList<TypeExample> dev, int folds, double l2)
    {
        var articles = dev.Select(x => x.Article).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var fold = articles.Select((a, i) => (a, i % folds)).ToDictionary(p => p.a, p => p.Item2, StringComparer.Ordinal);
        var chosen = new List<(TypeExample, string, double)>();
        for (int k = 0; k < folds; k++)
        {
            var model = TypeModel.Train(dev.Where(x => fold[x.Article] != k).ToList(), l2);
            foreach (var x in dev.Where(x => fold[x.Article] == k))
            {
                var (type, p) = model.Choose(x.RuleType, x.Features);
                chosen.Add((x, type, p));
            }
        }
        return chosen;
    }

    /// <summary>Accuracy of a choice over the examples, and how many it changes from the rules' type right and wrong.</summary>
    public sealed record Score(int Examples, int Right, int Fixed, int Broken)
    {
        public double Accuracy => Examples == 0 ? 0 : (double)Right / Examples;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"accuracy {Accuracy:0.000} ({Right}/{Examples}); against the rules: {Fixed} fixed, {Broken} broken");
    }

    public static Score Evaluate(IEnumerable<(TypeExample Example, string Chosen)> choices)
    {
        int n = 0, right = 0, fixedN = 0, broken = 0;
        foreach (var (x, chosen) in choices)
        {
            n++;
            bool ok = chosen == x.Right, rules = x.RuleType == x.Right;
            if (ok) right++;
            if (ok && !rules) fixedN++;
            if (!ok && rules) broken++;
        }
        return new Score(n, right, fixedN, broken);
    }
}
