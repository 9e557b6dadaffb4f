using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Dragoman.Actors;
using Dragoman.Documents;
using Dragoman.Events.Roles;
using Dragoman.Ingest;
using Dragoman.Pipeline;

namespace Dragoman.Evaluation;

/// <summary>Why the clause rules' answer for one role of a matched event is wrong (or that it is right): the tally of docs/benchmarks.md.</summary>
public enum RoleMissCause
{
    RuleRight,
    /// <summary>The gold leaves the role empty; the rules named one.</summary>
    GoldWantsNone,
    /// <summary>A candidate of the sentence holds the gold party; the rules chose another (or none).</summary>
    OtherCandidateChosen,
    /// <summary>Only the actor carried from an earlier sentence holds it.</summary>
    CarriedOnly,
    /// <summary>A candidate holds a word of the same stem but no shared content word ("Turkish" for "Turkey", "Huthi" for "Houthis").</summary>
    WordingOnly,
    /// <summary>The gold party's words are in the event's sentence, but no candidate holds them (a missing span: the candidates' ceiling).</summary>
    InSentenceNoCandidate,
    /// <summary>The gold party is named in the article, but not in the event's sentence.</summary>
    ElsewhereInArticle,
    /// <summary>The gold words are nowhere in the article: a generic or implicit party ("civilians" for "five people").</summary>
    GenericOrImplicit,
}

/// <summary>One role example with the gold party text and why the rules miss it.</summary>
public sealed record LabelledRole(RoleExample Example, string? Gold, RoleMissCause Cause, bool Held)
{
    /// <summary>The category a coder gives the event's actor where the text names none (Events.UnnamedActorsComponent), or null.</summary>
    public string? Category { get; init; }

    /// <summary>Whether that category shares a content word with the gold actor (the scorer's rule).</summary>
    public bool CategoryRight { get; init; }
}

/// <summary>
/// Builds the role ranker's training data from a folder shaped like articles-gold: for every system event of the same
/// PLOVER type whose sentence overlaps a gold event's evidence (the way `eval articles` matches them), the candidates
/// of its actor and target with their features (from the events stage's <c>RoleTrace</c>, the clause rules deciding),
/// labelled right where the candidate's text shares a content word with the gold party (or is none where the gold
/// leaves the role empty). The held-back part is skipped before its gold is opened: no held page yields an
/// example, so nothing downstream (training, cross-validation, calibration, the no-actor threshold) can read one.
/// </summary>
public static class RoleTraining
{
    /// <param name="listedOnly">Only the events a list shows (<see cref="Event.Main"/>: main, current, at or above the salience
    /// threshold), the ones `eval articles` scores by default.</param>
    public static Result<List<LabelledRole>> Examples(string folder, PipelineResources resources, IReadOnlySet<string> held, ArticleFieldRules rules, bool listedOnly = false)
    {
        var input = Path.Combine(folder, "input.jsonl");
        if (!File.Exists(input)) return Result<List<LabelledRole>>.Fail($"{folder}: no input.jsonl (expected a folder shaped like articles-gold)");
        var decisions = new ConcurrentDictionary<Event, List<RoleDecision>>();
        var pipeline = StandardPipeline.Build(resources, coreference: false, roleTrace: (ev, d) => decisions.GetOrAdd(ev, _ => []).Add(d));
        var list = new List<LabelledRole>();
        foreach (var (doc, name, gold, view) in ArticleEvaluation.Annotated(folder, pipeline, skip: held))
        {
            var articleWords = rules.ContentWords(doc.Text);
            foreach (var g in gold.Events)
                foreach (var i in ArticleEvaluation.Matching(doc, view, g))
                {
                    var se = view.Events[i];
                    if (listedOnly && !doc.Events[i].Main) continue;
                    if (!decisions.TryGetValue(doc.Events[i], out var ds)) continue;
                    foreach (var d in ds)
                    {
                        var goldText = d.Role == RoleKind.Actor ? g.Actor : g.Target;
                        var right = Enumerable.Range(0, d.Candidates.Count)
                            .Where(k => rules.PartyMatches(goldText, d.Candidates[k].IsNone ? [] : [d.Candidates[k].Argument!.Text, d.Candidates[k].Argument!.Name?.Text])).ToList();
                        var example = new RoleExample(name, d.Role, d.Candidates, right, d.RuleChoice);
                        var sentenceWords = rules.ContentWords(string.Concat(se.Sentences.Select(s => doc.Text[s.Start..s.End] + " ")));
                        var category = d.Role == RoleKind.Actor ? Events.UnnamedActorsComponent.CategoryOf(doc.Events[i].Codes.Cameo) : null;
                        list.Add(new LabelledRole(example, goldText, Cause(example, goldText, rules, articleWords, sentenceWords), held.Contains(name))
                        {
                            Category = category, CategoryRight = category is not null && rules.PartyMatches(goldText, [category]),
                        });
                    }
                }
        }
        return list;
    }

    private static RoleMissCause Cause(RoleExample x, string? gold, ArticleFieldRules rules, HashSet<string> articleWords, HashSet<string> sentenceWords)
    {
        if (x.Right.Contains(x.RuleChoice)) return RoleMissCause.RuleRight;
        var goldWords = rules.ContentWords(gold);
        if (goldWords.Count == 0) return RoleMissCause.GoldWantsNone;
        if (x.Right.Any(k => !x.Candidates[k].IsNone && !x.Candidates[k].Chunk.IsEmpty)) return RoleMissCause.OtherCandidateChosen;
        if (x.Right.Count > 0) return RoleMissCause.CarriedOnly;
        bool Near(string a, string b) => a.Length >= 4 && b.Length >= 4 && a[..4] == b[..4];
        if (x.Candidates.Any(c => !c.IsNone && rules.ContentWords(c.Argument!.Text).Any(w => goldWords.Any(gw => Near(w, gw))))) return RoleMissCause.WordingOnly;
        if (goldWords.Overlaps(sentenceWords)) return RoleMissCause.InSentenceNoCandidate;
        return goldWords.Overlaps(articleWords) ? RoleMissCause.ElsewhereInArticle : RoleMissCause.GenericOrImplicit;
    }

    /// <summary>An example without the candidates carrying a feature (an ablation), its right answers and the rules' choice renumbered.</summary>
    public static RoleExample Without(RoleExample x, string feature)
    {
        int id = RoleFeatureNames.Id(feature);
        var keep = Enumerable.Range(0, x.Candidates.Count).Where(i => !x.Candidates[i].FeatureIds.Contains(id)).ToList();
        var at = keep.Select((old, i) => (old, i)).ToDictionary(p => p.old, p => p.i);
        return x with
        {
            Candidates = keep.ConvertAll(i => x.Candidates[i]),
            Right = x.Right.Where(at.ContainsKey).Select(i => at[i]).ToList(),
            RuleChoice = at.GetValueOrDefault(x.RuleChoice, 0),
        };
    }

    /// <summary>The markdown table of causes per role, counts and shares.</summary>
    public static string CauseTable(IReadOnlyList<LabelledRole> data)
    {
        var sb = new StringBuilder("| cause | actor | target |\n|---|---|---|\n");
        int na = data.Count(x => x.Example.Role == RoleKind.Actor), nt = data.Count(x => x.Example.Role == RoleKind.Target);
        foreach (var cause in Enum.GetValues<RoleMissCause>())
        {
            int a = data.Count(x => x.Example.Role == RoleKind.Actor && x.Cause == cause), t = data.Count(x => x.Example.Role == RoleKind.Target && x.Cause == cause);
            sb.Append(CultureInfo.InvariantCulture, $"| {cause} | {a} ({a / (double)Math.Max(1, na):0.00}) | {t} ({t / (double)Math.Max(1, nt):0.00}) |\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"| all role examples | {na} | {nt} |\n");
        return sb.ToString();
    }

    /// <summary>Accuracy of the chosen candidates: the share of examples whose chosen candidate is right.</summary>
    public sealed record RoleScore(double Actor, double Target, int ActorExamples, int TargetExamples);

    public static RoleScore Score(IReadOnlyList<RoleExample> xs, Func<RoleExample, int> choose)
    {
        var a = xs.Where(x => x.Role == RoleKind.Actor).ToList();
        var t = xs.Where(x => x.Role == RoleKind.Target).ToList();
        double Acc(List<RoleExample> ys) => ys.Count == 0 ? 0 : Math.Round(ys.Count(y => y.Right.Contains(choose(y))) / (double)ys.Count, 4);
        return new RoleScore(Acc(a), Acc(t), a.Count, t.Count);
    }

    /// <summary>The fold of an article in cross-validation: its stable hash modulo the fold count (articles never straddle folds).</summary>
    public static int Fold(string article, int folds) => (int)(ArticleSplit.StableHash(article) % (ulong)folds);

    /// <summary>
    /// Cross-validated choices on the development examples: for each fold, a model trained on the other folds chooses
    /// among the fold's candidates. Returns, per example, the chosen candidate and its probability.
    /// </summary>
    public static List<(RoleExample Example, int Chosen, double Probability)> CrossValidate(IReadOnlyList<RoleExample> dev, int folds, double l2, RoleModel? prior = null)
    {
        var result = new List<(RoleExample, int, double)>();
        for (int f = 0; f < folds; f++)
        {
            var model = RoleModel.Train(dev.Where(x => Fold(x.Article, folds) != f).ToList(), l2, prior: prior);
            foreach (var x in dev.Where(x => Fold(x.Article, folds) == f))
            {
                var (i, p) = model.Choose(x.Role, x.Candidates);
                result.Add((x, i, p));
            }
        }
        return result;
    }

    /// <summary>
    /// The cross-validated choices with their probabilities calibrated out of fold: each fold's by the Platt scaling
    /// (<see cref="RoleModel.FitPlatt"/>) fitted per role on the other folds' choices, so the table of the result is honest.
    /// </summary>
    public static List<(RoleExample Example, int Chosen, double Probability)> CrossCalibrated(IReadOnlyList<(RoleExample Example, int Chosen, double Probability)> choices, int folds)
    {
        var result = new List<(RoleExample, int, double)>(choices.Count);
        for (int f = 0; f < folds; f++)
            foreach (var role in Enum.GetValues<RoleKind>())
            {
                var (a, b) = RoleModel.FitPlatt(Pairs(choices.Where(c => c.Example.Role == role && Fold(c.Example.Article, folds) != f)));
                foreach (var c in choices.Where(c => c.Example.Role == role && Fold(c.Example.Article, folds) == f))
                    result.Add((c.Example, c.Chosen, RoleModel.Platt(a, b, c.Probability)));
            }
        return result;
    }

    /// <summary>A model with each role's Platt scaling fitted on all cross-validated choices of that role.</summary>
    public static RoleModel Calibrate(RoleModel model, IReadOnlyList<(RoleExample Example, int Chosen, double Probability)> choices, IReadOnlySet<RoleKind>? roles = null)
    {
        foreach (var role in Enum.GetValues<RoleKind>().Where(r => roles is null || roles.Contains(r)))
        {
            var (a, b) = RoleModel.FitPlatt(Pairs(choices.Where(c => c.Example.Role == role)));
            model = model.WithCalibration(role, a, b);
        }
        return model;
    }

    private static List<(double, bool)> Pairs(IEnumerable<(RoleExample Example, int Chosen, double Probability)> choices) =>
        choices.Select(c => (c.Probability, c.Example.Right.Contains(c.Chosen))).ToList();

    /// <summary>
    /// The no-actor threshold learned on calibrated out-of-fold choices (<see cref="CrossCalibrated"/>): below it, a chosen
    /// actor gives way to the coder's category (where the event has one), as `Events.UnnamedActorsComponent` does at run
    /// time. <paramref name="noPartyOnly"/> restricts the abstention to chosen phrases that name no party. The threshold
    /// is the one that makes the most actor examples right (ties to the lower, abstaining less); its worth is measured by
    /// nested cross-validation: each fold's threshold learned on the other folds' examples.
    /// </summary>
    public static NoActorFit LearnNoActor(IReadOnlyList<LabelledRole> labelled, IReadOnlyList<(RoleExample Example, int Chosen, double Probability)> calibrated, int folds, bool noPartyOnly)
    {
        var byExample = new Dictionary<RoleExample, LabelledRole>(ReferenceEqualityComparer.Instance);
        foreach (var l in labelled) byExample[l.Example] = l;
        var rows = calibrated.Where(c => c.Example.Role == RoleKind.Actor).Select(c =>
        {
            var l = byExample[c.Example];
            bool eligible = l.Category is not null && (!noPartyOnly || c.Example.Candidates[c.Chosen].NoPartyHead) && !c.Example.Candidates[c.Chosen].IsNone;
            return (c.Example.Article, P: c.Probability, Eligible: eligible, Kept: c.Example.Right.Contains(c.Chosen), Category: l.CategoryRight);
        }).ToList();
        static int Right(IEnumerable<(string, double P, bool Eligible, bool Kept, bool Category)> xs, double t) =>
            xs.Count(x => x.Eligible && x.P < t ? x.Category : x.Kept);
        double[] grid = [0, .. Enumerable.Range(1, 19).Select(k => k / 20.0)];
        double Best(IEnumerable<(string, double, bool, bool, bool)> xs)
        {
            var list = xs.ToList();
            double best = 0;
            int bestRight = Right(list, 0);
            foreach (var t in grid) { int r = Right(list, t); if (r > bestRight) (best, bestRight) = (t, r); }
            return best;
        }
        int nested = 0;
        for (int f = 0; f < folds; f++)
        {
            double t = Best(rows.Where(r => Fold(r.Article, folds) != f));
            nested += Right(rows.Where(r => Fold(r.Article, folds) == f), t);
        }
        double chosen = Best(rows);
        var curve = grid.Select(t => (t, Right(rows, t), rows.Count(r => r.Eligible && r.P < t))).ToList();
        return new NoActorFit(chosen, rows.Count, Right(rows, 0), nested, rows.Count(r => r.Eligible), rows.Count(r => r.Eligible && r.Category), curve);
    }

    /// <summary>
    /// A learned no-actor threshold and its measure over the development actor examples: right answers never abstaining,
    /// right under nested cross-validation, how many examples could abstain and how many of those the category gets right,
    /// and the share right at each threshold of the grid (in sample, with how many abstain).
    /// </summary>
    public sealed record NoActorFit(double Threshold, int Examples, int RightNever, int RightNested, int Eligible, int CategoryRight, List<(double Threshold, int Right, int Abstained)> Curve)
    {
        public string Table()
        {
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"actor examples {Examples}; with a category and a chosen phrase {Eligible}, the category right for {CategoryRight}\n");
            sb.Append(CultureInfo.InvariantCulture, $"never abstain: {RightNever} right ({RightNever / (double)Math.Max(1, Examples):0.000}); nested cross-validated threshold: {RightNested} ({RightNested / (double)Math.Max(1, Examples):0.000}); learned on all: {Threshold:0.00}\n");
            sb.Append("| threshold | right | abstained |\n|---|---|---|\n");
            foreach (var (t, r, a) in Curve) sb.Append(CultureInfo.InvariantCulture, $"| {t:0.00} | {r} | {a} |\n");
            return sb.ToString();
        }
    }

    /// <summary>Reliability of the chosen answers' probabilities: five bins, count, mean probability, observed share right.</summary>
    public static string Reliability(IReadOnlyList<(RoleExample Example, int Chosen, double Probability)> choices)
    {
        var sb = new StringBuilder("| probability | answers | mean probability | observed right |\n|---|---|---|---|\n");
        for (int b = 0; b < 5; b++)
        {
            var bin = choices.Where(c => Math.Min(4, (int)(c.Probability * 5)) == b).ToList();
            if (bin.Count == 0) continue;
            sb.Append(CultureInfo.InvariantCulture,
                $"| {b / 5.0:0.0}-{(b + 1) / 5.0:0.0} | {bin.Count} | {bin.Average(c => c.Probability):0.000} | {bin.Count(c => c.Example.Right.Contains(c.Chosen)) / (double)bin.Count:0.000} |\n");
        }
        if (choices.Count > 0)
            sb.Append(CultureInfo.InvariantCulture, $"Brier score {choices.Average(c => Math.Pow(c.Probability - (c.Example.Right.Contains(c.Chosen) ? 1 : 0), 2)):0.000} over {choices.Count} answers\n");
        return sb.ToString();
    }
}
