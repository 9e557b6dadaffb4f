using System.ComponentModel;
using System.Globalization;
using Dragoman.Events;
using Dragoman.Events.Counts;
using Dragoman.Events.Evaluation;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class TrainVictimsSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A FA-KES CSV (article_content, nb_civilians, nb_noncivilians): the development rows.")]
    public string File { get; init; } = "";

    [CommandOption("--out <FILE>")]
    [Description("Where to write the model (default models/events/victim-class.tsv).")]
    [DefaultValue("models/events/victim-class.tsv")]
    public string Out { get; init; } = "models/events/victim-class.tsv";

    [CommandOption("--folds <K>")]
    [Description("Cross-validation folds (default 5, as the FA-KES eval's nested figure).")]
    [DefaultValue(VictimClassTraining.Folds)]
    public int Folds { get; init; } = VictimClassTraining.Folds;

    [CommandOption("--min-count <N>")]
    [Description("Features seen in fewer training rows are dropped (default 3).")]
    [DefaultValue(VictimClassTraining.MinCount)]
    public int MinCount { get; init; } = VictimClassTraining.MinCount;

    [CommandOption("--drop <PREFIXES>")]
    [Description("Comma-separated feature-name prefixes left out of the model (default \"w:\", the sentence's words, as shipped; \"near:\" the six words either side; \"-\" none).")]
    [DefaultValue("w:")]
    public string Drop { get; init; } = "w:";

    [CommandOption("--held-file <FILE>")]
    [Description("Unit ids of the held-back rows, never read (default data/eval/fakes-dev-held.txt; \"-\" trains on every row, an experiment only).")]
    public string? HeldFile { get; init; }

    [CommandOption("--ablations")]
    [Description("Also print the nested cross-validated figure with each feature group left out in turn.")]
    public bool Ablations { get; init; }

    [CommandOption("--standard")]
    [Description("Read the features from the standard pipeline's documents (NER, linked parties, coreference: what ingest stores) instead of the FA-KES eval's text -> attribution -> events.")]
    public bool Standard { get; init; }

    [CommandOption("--l2 <L2>")]
    [Description("L2 penalty; with --threshold, the model written (default: the grid's best out-of-fold civilians accuracy).")]
    public double? L2 { get; init; }

    [CommandOption("--threshold <P>")]
    [Description("Confidence the model must reach either way: civilians at p >= P, combatants at p <= 1 - P, else unknown (default: chosen with --l2).")]
    public double? Threshold { get; init; }
}

/// <summary>Trains the victim-class model (are a killed count's unnamed victims civilians?) on FA-KES with k-fold cross-validation; writes out-of-fold figures.</summary>
public sealed class TrainVictimsCommand : Command<TrainVictimsSettings>
{
    public override int Execute(CommandContext context, TrainVictimsSettings settings, CancellationToken cancellationToken)
    {
        // the held-back part is left out before anything is read: settings and weights come from the development part only
        IReadOnlySet<string> held = new HashSet<string>();
        if (settings.HeldFile != "-")
        {
            var heldRead = Dragoman.Evaluation.ArticleSplit.ReadHeld(settings.HeldFile ?? FakesSplit.BundledHeldFile);
            if (!heldRead.IsOk) { Console.Error.WriteLine($"dragoman: {heldRead.Error}"); return 1; }
            held = heldRead.Value!;
        }
        var read = VictimClassTraining.Articles(settings.File, EventResources.LoadBundled(),
            settings.Standard ? Dragoman.Pipeline.StandardPipeline.Build(Dragoman.Pipeline.PipelineResources.Load(null)) : null, held);
        if (!read.IsOk) { Console.Error.WriteLine($"dragoman: {read.Error}"); return 1; }
        var dropped = settings.Drop.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(d => d != "-").ToArray();
        var articles = VictimClassTraining.Without(read.Value!, dropped);
        if (dropped.Length > 0) Console.Out.WriteLine($"features left out: {string.Join(", ", dropped)}");
        var rows = VictimClassTraining.Rows(articles);
        string F(int k) => ((double)k / articles.Count).ToString("0.0000", CultureInfo.InvariantCulture);
        var none = new double?[articles.Count];
        var (baseExact, baseWithin) = VictimClassTraining.Score(articles, none, 0);
        Console.Out.WriteLine($"{articles.Count} development articles ({held.Count} held-back ids left out), {articles.Count(a => a.Features is not null)} with unnamed victims, {rows.Count} of them training rows ({rows.Count(r => !r.Label)} gold 0 civilians and some non-civilians)");
        Console.Out.WriteLine($"unnamed victims taken as civilians (no model): exact {F(baseExact)} ({baseExact}), within 10% {F(baseWithin)}");
        Console.Out.WriteLine($"| l2 | threshold | out-of-fold exact | within 10% |\n|---|---|---|---|");
        double[] l2s = settings.L2 is { } l ? [l] : VictimClassTraining.L2Grid;
        double[] thresholds = settings.Threshold is { } t ? [t] : VictimClassTraining.ThresholdGrid;
        (double L2, double T, int Exact, int Within) best = (0, 0, -1, 0);
        foreach (var l2 in l2s)
        {
            var p = VictimClassTraining.OutOfFold(articles, settings.Folds, l2, settings.MinCount);
            foreach (var th in thresholds)
            {
                var (exact, within) = VictimClassTraining.Score(articles, p, th);
                Console.Out.WriteLine($"| {l2.ToString(CultureInfo.InvariantCulture)} | {th.ToString(CultureInfo.InvariantCulture)} | {F(exact)} ({exact}) | {F(within)} |");
                if (exact > best.Exact) best = (l2, th, exact, within);
            }
        }
        var nested = VictimClassTraining.NestedOutOfFold(articles, settings.Folds, settings.MinCount, l2s, thresholds);
        var nestedP = nested.Select(c => (double?)(c ? 1.0 : 0.0)).ToArray();
        var (nestedExact, nestedWithin) = VictimClassTraining.Score(articles, nestedP, 0.5);
        Console.Out.WriteLine($"nested cross-validation (l2 and threshold chosen inside each outer fold): exact {F(nestedExact)} ({nestedExact}), within 10% {F(nestedWithin)}");
        for (int i = 0; i < articles.Count; i++)
            if (articles[i].Figure is { } fig)
                Console.Error.WriteLine($"VICTIM\tgold {articles[i].Gold}\tfigure {fig}\tnested {(nested[i] ? "counted" : "combatant")}");
        if (settings.Ablations)
            foreach (var group in new[] { "w:", "near:", "w:,near:", "w:,near:,next:,in:", "trigger:", "actor:,target:,pair:,actor-implied", "cameo:,cameo3:", "target-category:", "size:" })
            {
                var fewer = VictimClassTraining.Without(articles, group.Split(','));
                var n = VictimClassTraining.NestedOutOfFold(fewer, settings.Folds, settings.MinCount, l2s, thresholds);
                var (e, w) = VictimClassTraining.Score(fewer, [.. n.Select(c => (double?)(c ? 1.0 : 0.0))], 0.5);
                Console.Out.WriteLine($"without {group}: nested exact {F(e)} ({e}), within 10% {F(w)}");
            }
        var model = new VictimClassModel(LogisticRegression.Fit(rows, best.L2, minCount: settings.MinCount), best.T);
        model.Save(settings.Out,
        [
            $"trained {DateTime.UtcNow:yyyy-MM-dd} by `dragoman train victims {Path.GetFileName(settings.File)} --folds {settings.Folds} --min-count {settings.MinCount}{(settings.Standard ? " --standard" : "")} --drop {(dropped.Length > 0 ? string.Join(",", dropped) : "-")}{(settings.HeldFile == "-" ? " --held-file -" : "")}`: l2 {best.L2.ToString(CultureInfo.InvariantCulture)}, threshold {best.T.ToString(CultureInfo.InvariantCulture)}",
            settings.HeldFile == "-" ? "trained on every row of the file: no held-back part" : $"development part only: the {held.Count} held-back unit ids of {Path.GetFileName(settings.HeldFile ?? FakesSplit.BundledHeldFile)} were not read; `eval events` scores them with this model",
            $"{rows.Count} training rows (FA-KES development articles whose main killed count leaves its victims unnamed; label: civilian when gold civilians > 0, combatant when gold civilians = 0 and non-civilians > 0)",
            "threshold: the confidence either way (civilian at p >= t, combatant at p <= 1 - t, else unknown); the FA-KES civilians figure counts unknown victims",
            $"civilians exact, {settings.Folds}-fold nested cross-validation (settings chosen inside each outer fold): {F(nestedExact)} (no model {F(baseExact)}); within 10%: {F(nestedWithin)} (no model {F(baseWithin)})",
            $"at the written settings, out of fold (settings chosen on these same folds, optimistic): exact {F(best.Exact)}, within 10% {F(best.Within)}",
        ]);
        Console.Out.WriteLine($"chosen l2 {best.L2} threshold {best.T}: out-of-fold exact {F(best.Exact)}, within 10% {F(best.Within)}; wrote {settings.Out}");
        return 0;
    }
}
