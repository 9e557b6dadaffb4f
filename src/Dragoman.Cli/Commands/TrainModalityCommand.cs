using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Dragoman.Evaluation;
using Dragoman.Events.Modalities;
using Dragoman.Output;
using Dragoman.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class TrainModalitySettings : GoldTrainingSettings
{
    [CommandOption("--l2 <LIST>")]
    [Description("L2 penalties to cross-validate, comma-separated; the best on the development folds trains the model (default 0.003,0.01,0.03,0.1,0.3).")]
    [DefaultValue("0.003,0.01,0.03,0.1,0.3")]
    public string L2 { get; init; } = "0.003,0.01,0.03,0.1,0.3";

    [CommandOption("--without-rules")]
    [Description("Leave out the cue rules' answer and the step that gave it (features \"rule:*\", \"step:*\"): the model decides from the general features alone.")]
    public bool WithoutRules { get; init; }

    [CommandOption("--errors")]
    [Description("List the development tellings the cross-validated model gets wrong: article, gold, model, rules.")]
    public bool Errors { get; init; }

    [CommandOption("--dump <FILE>")]
    [Description("Also write the development tellings as JSON Lines (article, gold, rules' answer, features) for analysis; the held-back part is never written.")]
    public string? Dump { get; init; }

    public override ValidationResult Validate()
    {
        if (base.Validate() is { Successful: false } invalid) return invalid;
        if (Penalties() is null) return ValidationResult.Error($"--l2: expected comma-separated non-negative numbers, got \"{L2}\"");
        return ValidationResult.Success();
    }

    public double[]? Penalties()
    {
        var values = new List<double>();
        foreach (var p in L2.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || x < 0) return null;
            values.Add(x);
        }
        return values.Count == 0 ? null : [.. values];
    }
}

/// <summary>
/// Trains the modality model on the development part of articles-gold (models/modality/README.md): the tellings matched
/// to gold events, the L2 penalty cross-validated on development folds by article, then trained on the whole
/// development part. The held-back part is left to `eval articles`.
/// </summary>
public sealed class TrainModalityCommand : Command<TrainModalitySettings>
{
    public override int Execute(CommandContext context, TrainModalitySettings settings, CancellationToken cancellationToken)
    {
        var held = ArticleSplit.ReadHeld(settings.HeldFile ?? ArticleSplit.BundledHeldFile);
        if (!held.IsOk) { Console.Error.WriteLine($"dragoman: {held.Error}"); return 1; }
        var examples = ModalityTraining.Examples(settings.Folder, PipelineResources.Load(settings.DataDir), held.Value!);
        if (!examples.IsOk) { Console.Error.WriteLine($"dragoman: {examples.Error}"); return 1; }
        var dev = examples.Value!.Where(x => !x.Held)
            .Select(x => settings.WithoutRules ? x with { Features = x.Features.Where(p => !p.Key.StartsWith("rule:", StringComparison.Ordinal) && !p.Key.StartsWith("step:", StringComparison.Ordinal)).ToDictionary() } : x).ToList();
        if (dev.Count == 0) { Console.Error.WriteLine("dragoman: no development tellings to train on"); return 1; }
        if (settings.Dump is { } dump)
            File.WriteAllLines(dump, dev.Select(x => new JsonObject
            {
                ["article"] = x.Article, ["gold"] = ModalityFeatures.Name(x.Gold), ["rule"] = ModalityFeatures.Name(x.Rule),
                ["features"] = new JsonObject(x.Features.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            }.ToJsonString(DocumentJson.Compact)));
        int trainable = ModalityTraining.Trainable(dev).Count;
        var rules = ModalityTraining.Accuracy(dev, x => x.Rule);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"development part: {dev.Count} tellings matched to gold events, {trainable} factual by rules and gold; cue rules right {rules:0.000}"));
        Console.Out.WriteLine($"cross-validation, {settings.Folds} folds of development articles:\n| l2 | right |\n|---|---|");
        double bestL2 = 0, best = -1;
        Dictionary<ModalityExample, Documents.Modality> bestAnswers = [];
        foreach (var l2 in settings.Penalties()!)
        {
            var answers = ModalityTraining.CrossValidate(dev, settings.Folds, l2);
            var acc = ModalityTraining.Accuracy(dev, x => answers[x]);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {l2} | {acc:0.000} |"));
            if (acc > best + 1e-9) { best = acc; bestL2 = l2; bestAnswers = answers; }
        }
        if (settings.Errors)
            foreach (var x in dev.Where(x => bestAnswers[x] != x.Gold))
                Console.Out.WriteLine($"{x.Article}\tgold: {ModalityFeatures.Name(x.Gold)}\tmodel: {ModalityFeatures.Name(bestAnswers[x])}\trules: {ModalityFeatures.Name(x.Rule)}");
        var model = ModalityModel.Train(ModalityTraining.Trainable(dev), bestL2);
        var fit = ModalityTraining.Accuracy(dev, x => model.Decide(x.Features, x.Rule));
        model.Save(settings.Out,
        [
            $"trained {DateTime.UtcNow:yyyy-MM-dd} by `dragoman train modality {Path.GetFileName(Path.TrimEndingDirectorySeparator(settings.Folder))} --l2 {settings.L2} --folds {settings.Folds}{(settings.WithoutRules ? " --without-rules" : "")}` (chosen l2 {bestL2.ToString(CultureInfo.InvariantCulture)})",
            string.Create(CultureInfo.InvariantCulture, $"development tellings {dev.Count} ({trainable} trainable): cue rules {rules:0.000}; cross-validated model {best:0.000}; fit {fit:0.000}"),
        ]);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained on all development tellings (l2 {bestL2}): fit {fit:0.000}; wrote {settings.Out}"));
        Console.Out.WriteLine(new JsonObject
        {
            ["dev_tellings"] = dev.Count, ["trainable"] = trainable, ["l2"] = bestL2,
            ["rules"] = rules, ["cv_model"] = best, ["fit"] = fit,
        }.ToJsonString(DocumentJson.Compact));
        return 0;
    }
}
