using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Dragoman.Evaluation;
using Dragoman.Events.Salience;
using Dragoman.Output;
using Dragoman.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

/// <summary>A trainer on articles-gold that fits one logistic model with one L2 penalty (salience, coreference).</summary>
public abstract class L2GoldTrainingSettings : GoldTrainingSettings
{
    [CommandOption("--l2 <L2>")]
    [Description("L2 penalty on the weights (default 0.01).")]
    [DefaultValue(0.01)]
    public double L2 { get; init; } = 0.01;
}

public sealed class TrainEventsSettings : GoldTrainingSettings
{
    [CommandOption("--l2 <L2>")]
    [Description("L2 penalty on the weights (default: the one of 0.001, 0.003, 0.01, 0.03, 0.1, 0.3 with the lowest out-of-fold log loss on the development part).")]
    public double? L2 { get; init; }

    [CommandOption("--max-per-article <N>")]
    [Description("Noise budget for the default threshold: at most this many events per development article at or above it (default 4).")]
    [DefaultValue(4.0)]
    public double MaxPerArticle { get; init; } = 4;

    [CommandOption("--max-outside <SHARE>")]
    [Description("Noise budget for the default threshold: at most this share of shown development events outside gold main-event sentences (default 0.38: no more than the 0.379 of the previous model on the development part; the issue asks 0.30, which costs a fifth of the recall, models/events/README.md).")]
    [DefaultValue(0.38)]
    public double MaxOutside { get; init; } = 0.38;

}

/// <summary>Trains the event salience model on the development part and reports its calibration on both parts (models/events/README.md).</summary>
public sealed class TrainEventsCommand : Command<TrainEventsSettings>
{
    public override int Execute(CommandContext context, TrainEventsSettings settings, CancellationToken cancellationToken)
    {
        var held = ArticleSplit.ReadHeld(settings.HeldFile ?? ArticleSplit.BundledHeldFile);
        if (!held.IsOk) { Console.Error.WriteLine($"dragoman: {held.Error}"); return 1; }
        var examples = SalienceTraining.Examples(settings.Folder, StandardPipeline.Build(PipelineResources.Load(settings.DataDir)), held.Value!);
        if (!examples.IsOk) { Console.Error.WriteLine($"dragoman: {examples.Error}"); return 1; }
        var dev = examples.Value!.Examples.Where(x => !x.Held).ToList();
        var heldOut = examples.Value!.Examples.Where(x => x.Held).ToList();
        if (dev.Count == 0) { Console.Error.WriteLine("dragoman: no development events to train on"); return 1; }
        // the penalty and the rule (threshold, best-ranked events always shown, share of the best) are chosen on
        // out-of-fold probabilities of the development part
        var (l2, losses) = settings.L2 is { } given ? (given, []) : SalienceTraining.ChooseL2(dev, settings.Folds, SalienceTraining.L2Choices);
        foreach (var (c, loss) in losses) Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"L2 {c}: {settings.Folds}-fold out-of-fold log loss {loss:0.0000}"));
        var outOfFold = SalienceTraining.OutOfFold(dev, settings.Folds, l2);
        var sweep = SalienceTraining.Sweep(dev, x => outOfFold[x], examples.Value!.GoldEvents);
        var rule = SalienceTraining.BestRule(sweep, settings.MaxPerArticle, settings.MaxOutside);
        var fitted = SalienceModel.Train(dev.Select(x => (x.Features, x.Label)).ToList(), 0.5, l2);
        var model = new SalienceModel(fitted.Weights, rule.Threshold, rule.Top);
        var cvBrier = SalienceTraining.Brier(dev, x => outOfFold[x]);
        Console.Out.WriteLine($"development part, {settings.Folds}-fold out-of-fold probabilities, main events by rule:\n| best shown | threshold | recall of gold main events | events per article | outside gold sentences |\n|---|---|---|---|---|");
        foreach (var p in sweep) Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {p.Top} | {p.Threshold:0.00} | {p.Recall:0.000} | {p.PerArticle:0.00} | {p.Outside:0.000} |"));
        var (devBrier, devTable) = SalienceTraining.Calibration(model, dev);
        var (_, outOfFoldTable) = SalienceTraining.Calibration(dev, x => outOfFold[x]);
        var (heldBrier, heldTable) = SalienceTraining.Calibration(model, heldOut);
        string Base(List<SalienceExample> xs) => (xs.Count(x => x.Label) / (double)Math.Max(1, xs.Count)).ToString("0.000", CultureInfo.InvariantCulture);
        model.Save(settings.Out,
        [
            $"trained {DateTime.UtcNow:yyyy-MM-dd} by `dragoman train events {Path.GetFileName(Path.TrimEndingDirectorySeparator(settings.Folder))}{(settings.L2 is null ? "" : " --l2 " + l2.ToString(CultureInfo.InvariantCulture))} --max-per-article {settings.MaxPerArticle.ToString(CultureInfo.InvariantCulture)} --max-outside {settings.MaxOutside.ToString(CultureInfo.InvariantCulture)} --folds {settings.Folds}`",
            string.Create(CultureInfo.InvariantCulture, $"L2 {l2}{(settings.L2 is null ? $" (lowest {settings.Folds}-fold out-of-fold log loss of {string.Join(", ", SalienceTraining.L2Choices)})" : "")}"),
            $"development events {dev.Count} (main share {Base(dev)}), Brier {devBrier} ({settings.Folds}-fold out-of-fold {cvBrier}); held-back events {heldOut.Count} (main share {Base(heldOut)}), Brier {heldBrier}",
            string.Create(CultureInfo.InvariantCulture, $"threshold and {SalienceModel.TopPerArticleKey}: best out-of-fold recall of gold main events on the development part ({rule.Recall:0.000}, {rule.PerArticle:0.00} events per article, {rule.Outside:0.000} outside) with at most {settings.MaxPerArticle} events per article shown, at most {settings.MaxOutside} of them outside gold sentences"),
        ]);
        Console.Out.WriteLine($"development part, {settings.Folds}-fold out-of-fold: {dev.Count} events, {dev.Count(x => x.Label)} main; Brier {cvBrier}\n{outOfFoldTable}");
        Console.Out.WriteLine($"development part, in sample: Brier {devBrier}\n{devTable}");
        Console.Out.WriteLine($"held-back part: {heldOut.Count} events, {heldOut.Count(x => x.Label)} main; Brier {heldBrier}\n{heldTable}");
        Console.Out.WriteLine($"threshold {model.Threshold}, {SalienceModel.TopPerArticleKey} {model.TopPerArticle}; wrote {settings.Out}");
        Console.Out.WriteLine(new JsonObject
        {
            ["dev_events"] = dev.Count, ["held_events"] = heldOut.Count, ["threshold"] = model.Threshold, ["top_per_article"] = model.TopPerArticle, ["l2"] = l2,
            ["cv_recall"] = Math.Round(rule.Recall, 3), ["cv_per_article"] = Math.Round(rule.PerArticle, 2), ["cv_outside"] = Math.Round(rule.Outside, 3),
            ["brier_dev"] = devBrier, ["brier_dev_out_of_fold"] = cvBrier, ["brier_held"] = heldBrier,
            ["brier_held_base_rate"] = Math.Round(heldOut.Count == 0 ? 0 : heldOut.Average(x => Math.Pow((x.Label ? 1 : 0) - dev.Count(d => d.Label) / (double)dev.Count, 2)), 4),
        }.ToJsonString(DocumentJson.Compact));
        return 0;
    }
}
