using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Dragoman.Evaluation;
using Dragoman.Events.Roles;
using Dragoman.Output;
using Dragoman.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class TrainRolesSettings : GoldTrainingSettings
{
    [CommandOption("--l2 <LIST>")]
    [Description("L2 penalties to cross-validate, comma-separated; the best on the development folds trains the model (default 0.001,0.003,0.01,0.03).")]
    [DefaultValue("0.001,0.003,0.01,0.03")]
    public string L2 { get; init; } = "0.001,0.003,0.01,0.03";


    [CommandOption("--roles <LIST>")]
    [Description("Which roles to train, comma-separated (actor, target; default both). A role left out keeps its weights and calibration from --base.")]
    [DefaultValue("actor,target")]
    public string Roles { get; init; } = "actor,target";

    [CommandOption("--base <FILE>")]
    [Description("The model whose weights the roles left out of --roles keep (default: the shipped models/roles/roles.tsv).")]
    public string? Base { get; init; }

    [CommandOption("--fold-models <DIR>")]
    [Description("Also write, per cross-validation fold, the model trained on the other folds (fold-K.tsv) and the names outside fold K (fold-K.held.txt, the held-back part included): `eval articles --held-file` with them scores fold K end to end out of fold.")]
    public string? FoldModels { get; init; }

    [CommandOption("--drop-candidates <FEATURE>")]
    [Description("Ablation: leave out of training every candidate carrying this feature (e.g. next) and write it with a weight that rules it out at run time.")]
    public string? DropCandidates { get; init; }

    [CommandOption("--from-base")]
    [Description("Refit from --base: the L2 penalty pulls each weight toward the base model's instead of toward 0, so what the development data do not contradict stays as it was.")]
    public bool FromBase { get; init; }

    [CommandOption("--listed-only")]
    [Description("Train only on the events a list shows (main, current, at or above the salience threshold): those `eval articles` scores.")]
    public bool ListedOnly { get; init; }

    [CommandOption("--no-actor-only")]
    [Description("Learn only the no-actor threshold (out of fold) and write it into the model at --out, keeping its weights.")]
    public bool NoActorOnly { get; init; }

    [CommandOption("--errors")]
    [Description("List the development examples the cross-validated ranker gets wrong: article, role, gold, chosen answer, the right candidates.")]
    public bool Errors { get; init; }

    public override ValidationResult Validate()
    {
        if (base.Validate() is { Successful: false } invalid) return invalid;
        if (Penalties() is null) return ValidationResult.Error($"--l2: expected comma-separated non-negative numbers, got \"{L2}\"");
        if (TrainedRoles() is null) return ValidationResult.Error($"--roles: expected actor, target or both, got \"{Roles}\"");
        return ValidationResult.Success();
    }

    public double[]? Penalties()
    {
        var parts = L2.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new List<double>();
        foreach (var p in parts)
        {
            if (!double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || x < 0) return null;
            values.Add(x);
        }
        return values.Count == 0 ? null : [.. values];
    }

    public HashSet<RoleKind>? TrainedRoles()
    {
        var roles = new HashSet<RoleKind>();
        foreach (var p in Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<RoleKind>(p, ignoreCase: true, out var role)) return null;
            roles.Add(role);
        }
        return roles.Count == 0 ? null : roles;
    }
}

/// <summary>
/// Trains the event role ranker on the development part of articles-gold (models/roles/README.md): tallies why the
/// clause rules miss, cross-validates the L2 penalty on development folds, trains on the whole development part and
/// writes the model. The held-back part is left to `eval articles`.
/// </summary>
public sealed class TrainRolesCommand : Command<TrainRolesSettings>
{
    public override int Execute(CommandContext context, TrainRolesSettings settings, CancellationToken cancellationToken)
    {
        var held = ArticleSplit.ReadHeld(settings.HeldFile ?? ArticleSplit.BundledHeldFile);
        if (!held.IsOk) { Console.Error.WriteLine($"dragoman: {held.Error}"); return 1; }
        var rules = ArticleFieldRules.LoadBundled();
        var examples = RoleTraining.Examples(settings.Folder, PipelineResources.Load(settings.DataDir), held.Value!, rules, settings.ListedOnly);
        if (!examples.IsOk) { Console.Error.WriteLine($"dragoman: {examples.Error}"); return 1; }
        var trained = settings.TrainedRoles()!;
        RoleModel? baseModel = null;
        if (trained.Count < 2 || settings.FromBase)
        {
            var loaded = RoleModel.Load(settings.Base ?? RoleModel.BundledPath);
            if (!loaded.IsOk) { Console.Error.WriteLine($"dragoman: {loaded.Error}"); return 1; }
            baseModel = loaded.Value!;
        }
        var prior = settings.FromBase ? baseModel : null;
        var labelled = examples.Value!.Where(x => !x.Held && trained.Contains(x.Example.Role)).ToList();
        if (settings.DropCandidates is { } dropped) labelled = labelled.ConvertAll(x => x with { Example = RoleTraining.Without(x.Example, dropped) });
        var dev = labelled.Select(x => x.Example).ToList();
        if (dev.Count == 0) { Console.Error.WriteLine("dragoman: no development role examples to train on"); return 1; }
        Console.Out.WriteLine($"development part: {dev.Count} role examples (events matched to gold events, two roles each); why the clause rules miss:");
        Console.Out.WriteLine(RoleTraining.CauseTable(labelled));
        var ruleScore = RoleTraining.Score(dev, x => x.RuleChoice);
        var oracle = RoleTraining.Score(dev, x => x.Right.Count > 0 ? x.Right[0] : -1);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clause rules: actor {ruleScore.Actor:0.000}, target {ruleScore.Target:0.000}; best candidate (ceiling): actor {oracle.Actor:0.000}, target {oracle.Target:0.000}"));
        // the base model (the shipped one unless --base) on the same examples: trained on earlier development data, so not out of fold
        if (RoleModel.Load(settings.Base ?? RoleModel.BundledPath) is { IsOk: true } current)
        {
            var was = RoleTraining.Score(dev, x => current.Value!.Choose(x.Role, x.Candidates).Index);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"base model on these examples (in sample): actor {was.Actor:0.000}, target {was.Target:0.000}"));
        }
        Console.Out.WriteLine($"cross-validation, {settings.Folds} folds of development articles:\n| l2 | actor | target |\n|---|---|---|");
        double bestL2 = 0, bestMean = -1;
        List<(RoleExample, int, double)> bestChoices = [];
        foreach (var l2 in settings.Penalties()!)
        {
            var choices = RoleTraining.CrossValidate(dev, settings.Folds, l2, prior);
            var s = RoleTraining.Score(dev, ChoiceOf(choices));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {l2} | {s.Actor:0.000} | {s.Target:0.000} |"));
            if (s.Actor + s.Target > bestMean + 1e-9) { bestMean = s.Actor + s.Target; bestL2 = l2; bestChoices = choices; }
        }
        var cv = RoleTraining.Score(dev, ChoiceOf(bestChoices));
        Console.Out.WriteLine($"reliability of the chosen answers' probabilities (cross-validated, l2 {bestL2.ToString(CultureInfo.InvariantCulture)}):\n{RoleTraining.Reliability(bestChoices)}");
        // the softmax share is over-confident where no candidate is right: Platt scaling on the cross-validated choices
        Console.Out.WriteLine($"after Platt calibration (fitted per role on the other folds' choices):\n{RoleTraining.Reliability(RoleTraining.CrossCalibrated(bestChoices, settings.Folds))}");
        if (settings.Errors) PrintErrors(labelled, bestChoices);
        // the no-actor threshold, on probabilities calibrated out of fold (what the shipped model's calibration gives at run time)
        // (the run time applies it to any chosen actor; abstaining on phrases that name no party only is printed for comparison)
        var calibrated = RoleTraining.CrossCalibrated(bestChoices, settings.Folds);
        var noParty = RoleTraining.LearnNoActor(labelled, calibrated, settings.Folds, noPartyOnly: true);
        Console.Out.WriteLine($"for comparison, abstaining only on chosen phrases that name no party:\n{noParty.Table()}");
        var noActor = RoleTraining.LearnNoActor(labelled, calibrated, settings.Folds, noPartyOnly: false);
        Console.Out.WriteLine($"no named actor (a chosen actor below the threshold takes the coder's category):\n{noActor.Table()}");
        if (settings.NoActorOnly)
        {
            var kept = RoleModel.Load(settings.Out);
            if (!kept.IsOk) { Console.Error.WriteLine($"dragoman: {kept.Error}"); return 1; }
            var comments = File.ReadLines(settings.Out).Skip(1).Where(l => l.StartsWith("# ", StringComparison.Ordinal) && !l.StartsWith("# no-actor", StringComparison.Ordinal)).Select(l => l[2..]).ToList();
            comments.Add(string.Create(CultureInfo.InvariantCulture, $"no-actor threshold {noActor.Threshold:0.00} learned {DateTime.UtcNow:yyyy-MM-dd} by `dragoman train roles --no-actor-only` (l2 {bestL2}): actor examples right never abstaining {noActor.RightNever} of {noActor.Examples}, nested cross-validated {noActor.RightNested}"));
            kept.Value!.WithNoActorBelow(noActor.Threshold).Save(settings.Out, comments);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote the no-actor threshold {noActor.Threshold:0.00} into {settings.Out} (weights kept)"));
            return 0;
        }
        var model = RoleTraining.Calibrate(RoleModel.Train(dev, bestL2, prior: prior), bestChoices, trained).WithNoActorBelow(noActor.Threshold);
        // a role left out keeps the base model's weights and calibration: one role retrained moves nothing of the other
        if (baseModel is not null && trained.Count < 2) model = RoleModel.Combine(model, baseModel, trained);
        if (settings.DropCandidates is { } ruledOut) model = model.WithWeights(trained.Select(r => (RoleModel.Prefix(r) + ruledOut, -30.0)));
        if (settings.FoldModels is { } foldDir) WriteFoldModels(settings, foldDir, dev, bestL2, baseModel, trained, held.Value!);
        var fit = RoleTraining.Score(dev, x => model.Choose(x.Role, x.Candidates).Index);
        model.Save(settings.Out,
        [
            $"trained {DateTime.UtcNow:yyyy-MM-dd} by `dragoman train roles {Path.GetFileName(Path.TrimEndingDirectorySeparator(settings.Folder))} --roles {settings.Roles} --l2 {settings.L2} --folds {settings.Folds}` (chosen l2 {bestL2.ToString(CultureInfo.InvariantCulture)})",
            string.Create(CultureInfo.InvariantCulture, $"development role examples {dev.Count}: rules actor {ruleScore.Actor:0.000} target {ruleScore.Target:0.000}; cross-validated ranker actor {cv.Actor:0.000} target {cv.Target:0.000}; ceiling actor {oracle.Actor:0.000} target {oracle.Target:0.000}"),
        ]);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained on all development examples (l2 {bestL2}): fit actor {fit.Actor:0.000}, target {fit.Target:0.000}; wrote {settings.Out}"));
        Console.Out.WriteLine(new JsonObject
        {
            ["dev_examples"] = dev.Count, ["l2"] = bestL2,
            ["rules_actor"] = ruleScore.Actor, ["rules_target"] = ruleScore.Target,
            ["cv_actor"] = cv.Actor, ["cv_target"] = cv.Target,
            ["ceiling_actor"] = oracle.Actor, ["ceiling_target"] = oracle.Target,
        }.ToJsonString(DocumentJson.Compact));
        return 0;
    }

    /// <summary>Per fold: the model trained on the other folds' development examples, and the names an end-to-end run of that fold holds back.</summary>
    private static void WriteFoldModels(TrainRolesSettings settings, string dir, List<RoleExample> dev, double l2, RoleModel? baseModel, HashSet<RoleKind> trained, IReadOnlySet<string> held)
    {
        Directory.CreateDirectory(dir);
        var names = Directory.GetFiles(Path.Combine(settings.Folder, "gold"), "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList();
        for (int f = 0; f < settings.Folds; f++)
        {
            var train = dev.Where(x => RoleTraining.Fold(x.Article, settings.Folds) != f).ToList();
            var model = RoleModel.Train(train, l2, prior: settings.FromBase ? baseModel : null);
            if (baseModel is not null && trained.Count < 2) model = RoleModel.Combine(model, baseModel, trained);
            if (settings.DropCandidates is { } ruledOut) model = model.WithWeights(trained.Select(r => (RoleModel.Prefix(r) + ruledOut, -30.0)));
            model.Save(Path.Combine(dir, $"fold-{f}.tsv"), [$"fold {f} of {settings.Folds}: trained on the other folds' development examples (l2 {l2.ToString(CultureInfo.InvariantCulture)}), uncalibrated"]);
            File.WriteAllLines(Path.Combine(dir, $"fold-{f}.held.txt"), names.Where(n => held.Contains(n) || RoleTraining.Fold(n, settings.Folds) != f));
        }
        Console.Out.WriteLine($"wrote {settings.Folds} fold models and their held-back name lists to {dir}");
    }

    private static void PrintErrors(List<LabelledRole> labelled, List<(RoleExample Example, int Chosen, double Probability)> choices)
    {
        var gold = new Dictionary<RoleExample, LabelledRole>(ReferenceEqualityComparer.Instance);
        foreach (var l in labelled) gold[l.Example] = l;
        static string Text(RoleCandidate c) => c.IsNone ? "(none)" : c.Chunk.IsEmpty ? "carried: " + c.Argument!.Text : c.Argument!.Text;
        foreach (var (x, chosen, p) in choices)
        {
            if (x.Right.Contains(chosen)) continue;
            var right = string.Join(" | ", x.Right.Take(3).Select(k => Text(x.Candidates[k])));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{x.Article}\t{x.Role}\tgold: {gold[x].Gold ?? "(none)"}\tchosen: {Text(x.Candidates[chosen])} ({p:0.00})\trules: {Text(x.Candidates[x.RuleChoice])}\tright: {(right.Length == 0 ? "-" : right)}\t{gold[x].Cause}"));
        }
    }

    private static Func<RoleExample, int> ChoiceOf(List<(RoleExample Example, int Chosen, double Probability)> choices)
    {
        var chosen = new Dictionary<RoleExample, int>(ReferenceEqualityComparer.Instance);
        foreach (var c in choices) chosen[c.Example] = c.Chosen;
        return x => chosen[x];
    }
}
