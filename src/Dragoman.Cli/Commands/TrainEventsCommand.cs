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

    [CommandOption("--labels <RULE>")]
    [Description("any: an event is main when it matches a gold main event (type and sentence); one-to-one: each gold event makes one event main, the first matching it in its own sentence (default any).")]
    [DefaultValue("any")]
    public string Labels { get; init; } = "any";

    [CommandOption("--outside-bound <SHARE>")]
    [Description("Bound on the out-of-fold share of shown events outside gold main-event sentences that the display rule must keep at its threshold and both neighbours; the rule is the one with the highest recall within it (default 0.27: the issue's 0.30 less a margin).")]
    [DefaultValue(SalienceTraining.DefaultOutsideBound)]
    public double OutsideBound { get; init; } = SalienceTraining.DefaultOutsideBound;

    [CommandOption("--rule <THRESHOLD,TOP,CAP>")]
    [Description("Keep this display rule (threshold, best always shown, cap per article; one per sentence and type) instead of choosing one by --outside-bound: refits the weights under a shipped rule, and reports its out-of-fold figures.")]
    public string? Rule { get; init; }

    [CommandOption("--examples <FILE>")]
    [Description("Also write every event of the development part as one JSON line (article, label, features, gold matches), for analysis outside the trainer; the held-back part is never written.")]
    public string? ExamplesOut { get; init; }

    public override ValidationResult Validate() =>
        Labels is not ("any" or "one-to-one") ? ValidationResult.Error($"--labels: expected any or one-to-one, got '{Labels}'")
        : OutsideBound is <= 0 or >= 1 ? ValidationResult.Error("--outside-bound: expected a share between 0 and 1")
        : Rule is { } r && SalienceTraining.ParseRule(r) is null ? ValidationResult.Error($"--rule: expected THRESHOLD,TOP,CAP with a threshold in (0, 1), top 0-3, cap 1-4 and top <= cap, got '{r}'")
        : base.Validate();
}

/// <summary>Trains the event salience model on the development part and reports its calibration on both parts (models/events/README.md).</summary>
public sealed class TrainEventsCommand : Command<TrainEventsSettings>
{
    public override int Execute(CommandContext context, TrainEventsSettings settings, CancellationToken cancellationToken)
    {
        var held = ArticleSplit.ReadHeld(settings.HeldFile ?? ArticleSplit.BundledHeldFile);
        if (!held.IsOk) { Console.Error.WriteLine($"dragoman: {held.Error}"); return 1; }
        var examples = SalienceTraining.Examples(settings.Folder, StandardPipeline.Build(PipelineResources.Load(settings.DataDir)), held.Value!, settings.Labels == "one-to-one");
        if (!examples.IsOk) { Console.Error.WriteLine($"dragoman: {examples.Error}"); return 1; }
        if (settings.ExamplesOut is { } dump) WriteExamples(dump, examples.Value!.Examples);
        var dev = examples.Value!.Examples.Where(x => !x.Held).ToList();
        var heldOut = examples.Value!.Examples.Where(x => x.Held).ToList();
        if (dev.Count == 0) { Console.Error.WriteLine("dragoman: no development events to train on"); return 1; }
        // the penalty and the rule (threshold, best-ranked events always shown, share of the best) are chosen on
        // out-of-fold probabilities of the development part
        var (l2, losses) = settings.L2 is { } given ? (given, []) : SalienceTraining.ChooseL2(dev, settings.Folds, SalienceTraining.L2Choices);
        foreach (var (c, loss) in losses) Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"L2 {c}: {settings.Folds}-fold out-of-fold log loss {loss:0.0000}"));
        var outOfFold = SalienceTraining.OutOfFold(dev, settings.Folds, l2);
        var fixedRule = settings.Rule is { } text ? SalienceTraining.ParseRule(text) : null;
        var sweep = SalienceTraining.Sweep(dev, x => outOfFold[x], examples.Value!.GoldEvents,
            fixedRule is null ? SalienceTraining.Rules() : SalienceTraining.Thresholds().Select(t => fixedRule with { Threshold = t }).Append(fixedRule).Distinct());
        // a fixed rule is scored at its own threshold, with its neighbours of the grid around it
        var rule = fixedRule is null ? SalienceTraining.BestRule(sweep, settings.OutsideBound) : sweep.First(p => p.Rule == fixedRule);
        var fitted = SalienceModel.Train(dev.Select(x => (x.Features, x.Label)).ToList(), 0.5, l2);
        var model = new SalienceModel(fitted.Weights, rule.Rule);
        var cvBrier = SalienceTraining.Brier(dev, x => outOfFold[x]);
        PrintSweep(sweep, rule, settings.Folds, settings.OutsideBound);
        var (devBrier, devTable) = SalienceTraining.Calibration(model, dev);
        var (_, outOfFoldTable) = SalienceTraining.Calibration(dev, x => outOfFold[x]);
        var (heldBrier, heldTable) = SalienceTraining.Calibration(model, heldOut);
        string Base(List<SalienceExample> xs) => (xs.Count(x => x.Label) / (double)Math.Max(1, xs.Count)).ToString("0.000", CultureInfo.InvariantCulture);
        model.Save(settings.Out,
        [
            $"trained {DateTime.UtcNow:yyyy-MM-dd} by `dragoman train events {Path.GetFileName(Path.TrimEndingDirectorySeparator(settings.Folder))}{(settings.L2 is null ? "" : " --l2 " + l2.ToString(CultureInfo.InvariantCulture))}{(fixedRule is null ? "" : " --rule " + settings.Rule)} --folds {settings.Folds}`",
            string.Create(CultureInfo.InvariantCulture, $"L2 {l2}{(settings.L2 is null ? $" (lowest {settings.Folds}-fold out-of-fold log loss of {string.Join(", ", SalienceTraining.L2Choices)})" : "")}"),
            $"development events {dev.Count} (main share {Base(dev)}), Brier {devBrier} ({settings.Folds}-fold out-of-fold {cvBrier}); held-back events {heldOut.Count} (main share {Base(heldOut)}), Brier {heldBrier}",
            fixedRule is not null
                ? string.Create(CultureInfo.InvariantCulture, $"rule ({rule.Rule}) fixed by --rule, not chosen; out of fold on the development part at it: recall of gold main events {rule.Recall:0.000}, {rule.PerArticle:0.00} events per article, {rule.Outside:0.000} outside gold sentences (with the neighbouring thresholds: recall {rule.SmoothedRecall:0.000}, outside at most {rule.NeighbourOutside:0.000})")
                : string.Create(CultureInfo.InvariantCulture, $"rule ({rule.Rule}): highest out-of-fold recall of gold main events on the development part, averaged over the neighbouring thresholds ({rule.SmoothedRecall:0.000}), among the rules whose share shown outside gold sentences stays at or under {settings.OutsideBound} there (at most {rule.NeighbourOutside:0.000}; at the rule: recall {rule.Recall:0.000}, {rule.PerArticle:0.00} events per article, {rule.Outside:0.000} outside)"),
        ]);
        Console.Out.WriteLine($"development part, {settings.Folds}-fold out-of-fold: {dev.Count} events, {dev.Count(x => x.Label)} main; Brier {cvBrier}\n{outOfFoldTable}");
        Console.Out.WriteLine($"development part, in sample: Brier {devBrier}\n{devTable}");
        Console.Out.WriteLine($"held-back part: {heldOut.Count} events, {heldOut.Count(x => x.Label)} main; Brier {heldBrier}\n{heldTable}");
        Console.Out.WriteLine($"rule: {model.Rule}; wrote {settings.Out}");
        Console.Out.WriteLine(new JsonObject
        {
            ["dev_events"] = dev.Count, ["held_events"] = heldOut.Count, ["threshold"] = model.Threshold, ["top_per_article"] = model.TopPerArticle,
            ["cap_per_article"] = model.Rule.Cap, ["one_per_sentence"] = model.Rule.OnePerSentence, ["l2"] = l2, ["outside_bound"] = settings.OutsideBound, ["cv_f"] = Math.Round(rule.F, 3), ["cv_recall_smoothed"] = Math.Round(rule.SmoothedRecall, 3),
            ["cv_outside_neighbours"] = Math.Round(rule.NeighbourOutside, 3),
            ["cv_recall"] = Math.Round(rule.Recall, 3), ["cv_per_article"] = Math.Round(rule.PerArticle, 2), ["cv_outside"] = Math.Round(rule.Outside, 3),
            ["brier_dev"] = devBrier, ["brier_dev_out_of_fold"] = cvBrier, ["brier_held"] = heldBrier,
            ["brier_held_base_rate"] = Math.Round(heldOut.Count == 0 ? 0 : heldOut.Average(x => Math.Pow((x.Label ? 1 : 0) - dev.Count(d => d.Label) / (double)dev.Count, 2)), 4),
        }.ToJsonString(DocumentJson.Compact));
        return 0;
    }

    /// <summary>The development part's examples as JSON lines (<see cref="SalienceTraining.ExampleJson"/>): what the trainer fits on,
    /// for analysis outside it. Held-back sentences are not written, so no analysis can read them.</summary>
    private static void WriteExamples(string path, IReadOnlyList<SalienceExample> examples)
    {
        using var w = new StreamWriter(path);
        foreach (var line in SalienceTraining.DevelopmentJsonLines(examples)) w.WriteLine(line.ToJsonString(DocumentJson.Compact));
    }

    /// <summary>The objective's curve: the chosen rule's kind over every threshold, and the best threshold within the bound of every other kind.</summary>
    private static void PrintSweep(IReadOnlyList<SalienceTraining.RulePoint> sweep, SalienceTraining.RulePoint chosen, int folds, double bound)
    {
        const string Head = "| best shown | cap | one per | threshold | recall of gold main events | events per article | outside gold sentences | recall with neighbours | outside, most of neighbours | F |\n|---|---|---|---|---|---|---|---|---|---|";
        static string Row(SalienceTraining.RulePoint p) => string.Create(CultureInfo.InvariantCulture,
            $"| {p.Rule.Top} | {p.Rule.Cap} | {(p.Rule.OnePerSentence ? "sentence" : "sentence, type")} | {p.Rule.Threshold:0.00} | {p.Recall:0.000} | {p.PerArticle:0.00} | {p.Outside:0.000} | {p.SmoothedRecall:0.000} | {p.NeighbourOutside:0.000} | {p.F:0.000} |");
        Console.Out.WriteLine($"development part, {folds}-fold out-of-fold probabilities, the chosen kind of rule over every threshold:\n{Head}");
        foreach (var p in sweep.Where(p => p.Rule with { Threshold = 0 } == chosen.Rule with { Threshold = 0 })) Console.Out.WriteLine(Row(p));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"every kind of rule at its best threshold with at most {bound} outside there and at both neighbours (none: its lowest):\n{Head}"));
        foreach (var g in sweep.GroupBy(p => p.Rule with { Threshold = 0 }))
            Console.Out.WriteLine(Row(SalienceTraining.BestRule([.. g], bound)));
    }
}
