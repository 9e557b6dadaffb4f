using System.ComponentModel;
using System.Globalization;
using Dragoman.Merge;
using Dragoman.Storage.Sqlite;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class TrainMergeSettings : PipelineSettings
{
    [CommandArgument(0, "<DIR>")]
    [Description("A folder shaped like ../shared/data/merge-gold (input.jsonl, gold.jsonl, negatives.json); only its development part is trained on.")]
    public string Dir { get; init; } = "";

    [CommandOption("--out <FILE>")]
    [Description("Where to write the model (models/merge/pair-scorer.tsv is the shipped one).")]
    public string? Out { get; init; }

    [CommandOption("--pairs <FILE>")]
    [Description("Also write every pair of labelled development reports (gold kind, compared or why not, score, features) as TSV.")]
    public string? Pairs { get; init; }

    [CommandOption("--store <FILE>")]
    [Description("A store `eval merge --keep` wrote for this folder: read its reports instead of ingesting again.")]
    public string? Store { get; init; }

    [CommandOption("--prior <FILE>")]
    [Description("The model whose weights the fit is pulled towards (default models/merge/prior.tsv, the hand-set weights).")]
    public string? Prior { get; init; }

    [CommandOption("--l2 <L2>")]
    [Description("L2 penalty pulling the weights towards the prior (default: the one of lowest out-of-fold log-loss among 0.03, 0.1, 0.3, 1, 3).")]
    public double? L2 { get; init; }

    [CommandOption("--decision <P>")]
    [Description("Pairs link where the fitted P(one incident) reaches P: the threshold (default 0.5).")]
    [DefaultValue(0.5)]
    public double Decision { get; init; } = 0.5;

    [CommandOption("--hard-weight <W>")]
    [Description("Weight of a hard-negative pair in the fit: what linking one costs against missing a gold link, at the 0.5 decision (default 2).")]
    [DefaultValue(2.0)]
    public double HardWeight { get; init; } = 2;

    [CommandOption("--folds <K>")]
    [Description("Cross-validation folds, by incident component (default 5).")]
    [DefaultValue(5)]
    public int Folds { get; init; } = 5;

    [CommandOption("--without-fold <F>")]
    [Description("Fit on the pairs that touch no article of fold F (0 .. K-1), everything else as usual, and print that fold's articles: one step of cross-validating the whole merge (tools/merge-cv.py).")]
    public int? WithoutFold { get; init; }

    public override ValidationResult Validate()
    {
        if (WithoutFold is { } f && (f < 0 || f >= Folds)) return ValidationResult.Error("--without-fold must be a fold number from 0 to --folds - 1");
        if (Out is null && Pairs is null) return ValidationResult.Error("give --out FILE (the model), --pairs FILE (the pair table) or both");
        if (Folds < 2) return ValidationResult.Error("--folds must be at least 2");
        if (Decision is <= 0 or >= 1) return ValidationResult.Error("--decision must be a probability between 0 and 1");
        if (L2 is < 0) return ValidationResult.Error("--l2 must not be negative");
        return base.Validate();
    }
}

/// <summary>
/// Fits the merge pair model on merge-gold's development part (models/merge/README.md): ingests the folder (or reads a
/// kept store), labels each development article's main report with its gold incident, fits weighted logistic regression
/// over every same-family pair (the L2 penalty chosen by out-of-fold log-loss), sets the threshold where the fitted probability reaches the decision (0.5), and writes the model and/or the pair table.
/// </summary>
public sealed class TrainMergeCommand : Command<TrainMergeSettings>
{
    public override int Execute(CommandContext context, TrainMergeSettings settings, CancellationToken cancellationToken)
    {
        var (folder, error) = MergeGoldStore.Read(settings.Dir);
        if (folder is null) return Terminal.Fail(error!);
        var (input, gold, negatives, held) = (folder.Input, folder.Gold, folder.Negatives, folder.Held);
        var dev = gold.Where(a => !held.Contains(a.Incident)).ToDictionary(a => a.File, a => a.Incident, StringComparer.Ordinal);
        var folds = MergeTraining.Folds(dev.Values, negatives, settings.Folds);
        var priorPath = settings.Prior ?? Path.Combine(AppContext.BaseDirectory, "models", "merge", "prior.tsv");
        var prior = PairModel.Load(priorPath);
        if (!prior.IsOk) return Terminal.Fail(prior.Error!);

        string db = settings.Store ?? Path.Combine(Path.GetTempPath(), $"dragoman-train-merge-{Guid.NewGuid():N}.db");
        var labelled = new List<LabelledReport>();
        try
        {
            using var store = SqliteEventStore.Open(db);
            if (settings.Store is null) Console.WriteLine(MergeGoldStore.Ingest(store, input, settings, false, cancellationToken));
            int unlabelled = 0;
            foreach (var (file, id, eventId) in MergeGoldStore.MainEvents(store))
            {
                if (!dev.TryGetValue(file, out var incident)) continue;
                if (eventId is not null && store.MergeReportOf(id, eventId) is { } report) labelled.Add(new LabelledReport(file, incident, folds[incident], report));
                else unlabelled++;
            }
            Console.WriteLine($"{labelled.Count} development articles with a mergeable main report, {unlabelled} without");
        }
        finally
        {
            if (settings.Store is null) foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
        }

        if (settings.WithoutFold is { } heldOut)
        {
            // The fold's articles are the test: their reports leave the examples, so no pair that touches them is fitted on
            // (the L2 is chosen by the other folds' out-of-fold log-loss; the held-out fold contributes no pair to it).
            var test = labelled.Where(r => r.Fold == heldOut).Select(r => r.File).Order(StringComparer.Ordinal).ToList();
            Console.WriteLine($"held-out fold {heldOut} ({test.Count} articles): {string.Join(' ', test)}");
            labelled.RemoveAll(r => r.Fold == heldOut);
        }
        var pairs = MergeTraining.Pairs(labelled, negatives);
        foreach (var kind in new[] { "same", "hard-negative" })
        {
            var ofKind = pairs.Where(p => kind == "same" ? p.Same : p.HardNegative).ToList();
            var why = ofKind.GroupBy(p => p.WhyApart ?? "compared").OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}");
            Console.WriteLine($"{kind} pairs: {ofKind.Count}: {string.Join(", ", why)}");
        }

        double l2;
        if (settings.L2 is { } given) l2 = given;
        else
        {
            var (chosen, table) = MergeTraining.ChooseL2(pairs, settings.Folds, settings.HardWeight, prior.Value!);
            foreach (var (l, loss) in table) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  l2 {l}: out-of-fold log-loss {loss:0.####}"));
            l2 = chosen;
        }
        var scored = MergeTraining.OutOfFold(pairs, settings.Folds, settings.HardWeight, l2, prior.Value!);
        double decisionLogit = MergeTraining.ThresholdAt(0, settings.Decision);
        var best = MergeTraining.Linked(scored, decisionLogit);
        var (fitted, bias) = MergeTraining.Fit(pairs, settings.HardWeight, l2, prior.Value!);
        var (weights, lowered) = MergeTraining.KeepFarApart(fitted, MergeTraining.ThresholdAt(bias, settings.Decision));
        var model = new PairModel(weights, bias, MergeTraining.ThresholdAt(bias, settings.Decision));
        if (lowered)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"place.far lowered {fitted[(int)PairFeature.PlaceFar]:0.###} -> {model[PairFeature.PlaceFar]:0.###}: a pair beyond the distance block must stay below the threshold (PostgreSQL reads no farther)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"l2 {l2}; out-of-fold at P >= {settings.Decision}: gold linked {best.SameLinked} of {best.Same}, hard negatives {best.HardLinked} of {best.Hard}, other {best.OtherLinked} of {best.Other}; log-loss {MergeTraining.LogLoss(scored, settings.HardWeight):0.####}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fitted on all development pairs: bias {bias:0.###}, score threshold {model.Threshold:0.###}"));
        var without = MergeTraining.ThresholdsWithoutEachFold(pairs, settings.Folds, settings.HardWeight, l2, prior.Value!, settings.Decision);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"refitted without each fold: score threshold {without.Min():0.###} .. {without.Max():0.###}"));

        if (settings.Pairs is { } pairsPath) File.WriteAllLines(pairsPath, MergeTraining.PairTable(pairs, model));
        if (settings.Out is { } outPath)
            model.Save(outPath, [
                $"trained {DateTime.UtcNow:yyyy-MM-dd} by `dragoman train merge {Path.GetFileName(Path.TrimEndingDirectorySeparator(settings.Dir))} --prior {Path.GetFileName(priorPath)} --hard-weight {Inv(settings.HardWeight)} --decision {Inv(settings.Decision)} --folds {settings.Folds}{(settings.WithoutFold is { } wf ? $" --without-fold {wf}" : "")}`, l2 {Inv(l2)}{(settings.L2 is null ? " (lowest out-of-fold log-loss)" : "")}",
                $"development part: {labelled.Count} labelled reports, {pairs.Count(MergeTraining.Trainable)} compared pairs; models/merge/README.md",
                $"out-of-fold at P >= {Inv(settings.Decision)}: gold pairs linked {best.SameLinked} of {best.Same} compared, hard-negative {best.HardLinked} of {best.Hard}, other {best.OtherLinked} of {best.Other}",
                .. lowered ? [$"place.far lowered from the fitted {Inv(Math.Round(fitted[(int)PairFeature.PlaceFar], 4))}: a pair beyond the distance block stays below the threshold (MergeTraining.KeepFarApart)"] : Array.Empty<string>(),
            ]);
        return 0;
    }

    private static string Inv(double v) => v.ToString(CultureInfo.InvariantCulture);
}
