using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Dragoman.Evaluation;
using Dragoman.Events.Types;
using Dragoman.Output;
using Dragoman.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class TrainTypesSettings : GoldTrainingSettings
{
    [CommandOption("--l2 <LIST>")]
    [Description("L2 penalties to cross-validate, comma-separated; the best on the development folds trains the model (default 0.003,0.01,0.03,0.1).")]
    [DefaultValue("0.003,0.01,0.03,0.1")]
    public string L2 { get; init; } = "0.003,0.01,0.03,0.1";

    [CommandOption("--breakdown")]
    [Description("First tally where the shipped pipeline loses gold events' types (salience, coreference, the events stage's rules, the dictionary's sense, no trigger), both parts.")]
    public bool Breakdown { get; init; }

    [CommandOption("--errors")]
    [Description("With --breakdown: list the development gold events whose type is lost, the stage that lost it and what the dictionary coded in the sentence. Always: the development examples the cross-validated chooser gets wrong.")]
    public bool Errors { get; init; }

    public double[] Penalties() => L2.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && x >= 0 ? x : double.NaN).ToArray();

    public override ValidationResult Validate()
    {
        if (base.Validate() is { Successful: false } invalid) return invalid;
        var p = Penalties();
        return p.Length == 0 || p.Any(double.IsNaN) ? ValidationResult.Error($"--l2: expected comma-separated non-negative numbers, got \"{L2}\"") : ValidationResult.Success();
    }
}

/// <summary>
/// Trains the event type chooser on the development part of articles-gold (models/types/README.md): the L2 penalty by
/// cross-validated type accuracy on development folds; the held-back part is only measured. With --breakdown it first
/// tallies where the shipped pipeline loses gold events' types (docs/benchmarks.md, issue 12).
/// </summary>
public sealed class TrainTypesCommand : Command<TrainTypesSettings>
{
    public override int Execute(CommandContext context, TrainTypesSettings settings, CancellationToken cancellationToken)
    {
        var held = ArticleSplit.ReadHeld(settings.HeldFile ?? ArticleSplit.BundledHeldFile);
        if (!held.IsOk) { Console.Error.WriteLine($"dragoman: {held.Error}"); return 1; }
        var resources = PipelineResources.Load(settings.DataDir);
        if (settings.Breakdown) PrintBreakdown(TypeMisses.Analyse(settings.Folder, resources, held.Value!), settings.Errors);
        var labelled = TypeTraining.Examples(settings.Folder, resources, held.Value!);
        var dev = labelled.Where(x => !x.Held).Select(x => x.Example).ToList();
        var heldOut = labelled.Where(x => x.Held).Select(x => x.Example).ToList();
        if (dev.Count == 0) { Console.Error.WriteLine("dragoman: no labelled development events to train on"); return 1; }
        var rules = TypeTraining.Evaluate(dev.Select(x => (x, x.RuleType)));
        var rulesHeld = TypeTraining.Evaluate(heldOut.Select(x => (x, x.RuleType)));
        Console.Out.WriteLine($"development part: {dev.Count} labelled events ({dev.Count(x => x.RuleType != x.Right)} typed otherwise by the coders); rules: {rules}");
        Console.Out.WriteLine($"cross-validation, {settings.Folds} folds of development articles:\n| l2 | accuracy | fixed | broken |\n|---|---|---|---|");
        double bestL2 = 0;
        TypeTraining.Score? best = null;
        List<(TypeExample Example, string Chosen, double Probability)> bestChoices = [];
        foreach (var l2 in settings.Penalties())
        {
            var choices = TypeTraining.CrossValidate(dev, settings.Folds, l2);
            var s = TypeTraining.Evaluate(choices.Select(c => (c.Example, c.Chosen)));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {l2} | {s.Accuracy:0.000} | {s.Fixed} | {s.Broken} |"));
            if (best is null || s.Right > best.Right) { best = s; bestL2 = l2; bestChoices = choices; }
        }
        if (settings.Errors)
            foreach (var (x, chosen, p) in bestChoices.Where(c => c.Chosen != c.Example.Right))
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{x.Article}\tgold: {x.Right}\tchosen: {chosen} ({p:0.00})\trules: {x.RuleType}\t{string.Join(' ', x.Features)}"));
        var model = TypeModel.Train(dev, bestL2);
        var heldScore = TypeTraining.Evaluate(heldOut.Select(x => (x, model.Choose(x.RuleType, x.Features).Type)));
        model.Save(settings.Out,
        [
            $"trained {DateTime.UtcNow:yyyy-MM-dd} by `dragoman train types {Path.GetFileName(Path.TrimEndingDirectorySeparator(settings.Folder))} --l2 {settings.L2} --folds {settings.Folds}` (chosen l2 {bestL2.ToString(CultureInfo.InvariantCulture)})",
            $"development labelled events {dev.Count}: rules {rules}; cross-validated chooser {best}",
            $"held-back labelled events {heldOut.Count}: rules {rulesHeld}; chooser {heldScore}",
        ]);
        Console.Out.WriteLine($"held-back part: rules {rulesHeld}; chooser {heldScore}; wrote {settings.Out}");
        // the pipeline uses models/types/types.tsv when it exists: ship a model only when it beats the rules out of fold
        Console.Out.WriteLine(best!.Right > rules.Right
            ? "verdict: the cross-validated chooser beats the rules on the development part"
            : "verdict: the cross-validated chooser does not beat the rules on the development part: do not ship this model");
        Console.Out.WriteLine(new JsonObject
        {
            ["dev_examples"] = dev.Count, ["held_examples"] = heldOut.Count, ["l2"] = bestL2,
            ["rules_dev"] = Math.Round(rules.Accuracy, 4), ["cv_dev"] = Math.Round(best.Accuracy, 4), ["cv_fixed"] = best.Fixed, ["cv_broken"] = best.Broken,
            ["rules_held"] = Math.Round(rulesHeld.Accuracy, 4), ["held"] = Math.Round(heldScore.Accuracy, 4), ["held_fixed"] = heldScore.Fixed, ["held_broken"] = heldScore.Broken,
        }.ToJsonString(DocumentJson.Compact));
        return 0;
    }

    private static void PrintBreakdown(List<TypeMiss> misses, bool errors)
    {
        Console.Out.WriteLine("where gold main events' types are lost (shipped pipeline, default view):");
        Console.Out.WriteLine(TypeMisses.Table(misses));
        if (!errors) return;
        foreach (var m in misses.Where(m => !m.Held && m.Cause != TypeMissCause.Matched).OrderBy(m => m.Cause))
            Console.Out.WriteLine($"{m.Article}\t{m.Cause}\tgold: {m.Gold.Plover} ({m.Gold.Action})\tcoded: {(m.Seen.Length == 0 ? "-" : m.Seen)}\t| {string.Join(' ', m.Gold.Evidence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}");
        Console.Out.WriteLine();
    }
}
