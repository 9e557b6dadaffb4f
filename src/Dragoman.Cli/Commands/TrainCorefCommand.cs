using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Dragoman.Evaluation;
using Dragoman.Events;
using Dragoman.Events.Coreference;
using Dragoman.Output;
using Dragoman.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class TrainCorefSettings : L2GoldTrainingSettings
{
    [CommandOption("--pairs <FILE>")]
    [Description("Also write the development part's labelled pairs as the cross-validated clustering at the chosen threshold leaves them (JSON Lines: label, joined, probability, both mentions, features), for error analysis.")]
    public string? Pairs { get; init; }
}

/// <summary>Trains the within-article event coreference model on the development part; the threshold by cross-validated B-cubed F1 (models/coreference/README.md).</summary>
public sealed class TrainCorefCommand : Command<TrainCorefSettings>
{
    public override int Execute(CommandContext context, TrainCorefSettings settings, CancellationToken cancellationToken)
    {
        var held = ArticleSplit.ReadHeld(settings.HeldFile ?? ArticleSplit.BundledHeldFile);
        if (!held.IsOk) { Console.Error.WriteLine($"dragoman: {held.Error}"); return 1; }
        var pipeline = StandardPipeline.Build(PipelineResources.Load(settings.DataDir), coreference: false);
        var articles = CoreferenceTraining.Articles(settings.Folder, pipeline, held.Value!, ArticleFieldRules.LoadBundled());
        if (!articles.IsOk) { Console.Error.WriteLine($"dragoman: {articles.Error}"); return 1; }
        var dev = articles.Value!.Where(a => !a.Held).ToList();
        var heldOut = articles.Value!.Where(a => a.Held).ToList();
        var rows = CoreferenceTraining.Rows(dev);
        if (rows.Count == 0) { Console.Error.WriteLine("dragoman: no labelled development pairs to train on"); return 1; }
        var outOfFold = CoreferenceTraining.OutOfFold(dev, settings.Folds, settings.L2);
        var cv = CoreferenceTraining.Sweep(outOfFold);
        var threshold = CoreferenceTraining.BestThreshold(cv);
        var model = new CoreferenceModel(LogisticRegression.Fit(rows, settings.L2), threshold);
        if (settings.Pairs is { } pairsFile) File.WriteAllLines(pairsFile, CoreferenceTraining.PairListing(outOfFold, threshold));
        var heldScore = CoreferenceTraining.Sweep(heldOut.Select(a => (a, model)).ToList()).First(p => Math.Abs(p.Threshold - threshold) < 1e-9);
        var chosen = cv.First(p => Math.Abs(p.Threshold - threshold) < 1e-9);
        int Pairs(List<CoreferenceArticle> xs, bool same) => xs.Sum(a => a.Pairs.Count(p => p.Same == same));
        string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        Console.Out.WriteLine($"development part, {settings.Folds}-fold cross-validated clustering, labelled pairs:\n| threshold | precision | recall | F1 | same joined | different joined | same apart | B-cubed precision | B-cubed recall | B-cubed F1 |\n|---|---|---|---|---|---|---|---|---|---|");
        foreach (var p in cv) Console.Out.WriteLine(CoreferenceTraining.Row(p));
        model.Save(settings.Out,
        [
            $"trained {DateTime.UtcNow:yyyy-MM-dd} by `dragoman train coref {Path.GetFileName(Path.TrimEndingDirectorySeparator(settings.Folder))} --l2 {settings.L2.ToString(CultureInfo.InvariantCulture)} --folds {settings.Folds}`",
            $"development pairs {Pairs(dev, true)} same / {Pairs(dev, false)} different; held-back pairs {Pairs(heldOut, true)} same / {Pairs(heldOut, false)} different",
            $"threshold: best cross-validated B-cubed F1 on the development part, smoothed over neighbouring thresholds: B-cubed P {F(chosen.BcubedPrecision)} R {F(chosen.BcubedRecall)} F1 {F(chosen.BcubedF1)}; held-back {F(heldScore.BcubedF1)}",
            $"pairwise there: development P {F(chosen.Precision)} R {F(chosen.Recall)} F1 {F(chosen.F1)}; held-back P {F(heldScore.Precision)} R {F(heldScore.Recall)} F1 {F(heldScore.F1)}",
        ]);
        Console.Out.WriteLine($"held-back part at threshold {threshold}: precision {F(heldScore.Precision)}, recall {F(heldScore.Recall)}, F1 {F(heldScore.F1)}; wrote {settings.Out}");
        Console.Out.WriteLine(new JsonObject
        {
            ["dev_pairs_same"] = Pairs(dev, true), ["dev_pairs_different"] = Pairs(dev, false),
            ["held_pairs_same"] = Pairs(heldOut, true), ["held_pairs_different"] = Pairs(heldOut, false),
            ["threshold"] = threshold, ["cv_f1_dev"] = Math.Round(chosen.F1, 4), ["f1_held"] = Math.Round(heldScore.F1, 4),
            ["cv_precision_dev"] = Math.Round(chosen.Precision, 4), ["cv_recall_dev"] = Math.Round(chosen.Recall, 4),
            ["precision_held"] = Math.Round(heldScore.Precision, 4), ["recall_held"] = Math.Round(heldScore.Recall, 4),
            ["cv_bcubed_f1_dev"] = Math.Round(chosen.BcubedF1, 4), ["bcubed_f1_held"] = Math.Round(heldScore.BcubedF1, 4),
        }.ToJsonString(DocumentJson.Compact));
        return 0;
    }
}
