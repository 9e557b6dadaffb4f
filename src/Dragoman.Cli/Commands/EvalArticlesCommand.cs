using System.ComponentModel;
using Dragoman.Evaluation;
using Dragoman.Output;
using Dragoman.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class EvalArticlesSettings : CommandSettings
{
    [CommandArgument(0, "<DIR>")]
    [Description("A folder shaped like ../shared/data/articles-gold: input.jsonl and gold/NAME.json.")]
    public string Folder { get; init; } = "";

    [CommandOption("--part <PART>")]
    [Description("dev | held | all: the part whose figures lead the JSON line and whose misses --errors lists (default dev).")]
    [DefaultValue("dev")]
    public string Part { get; init; } = "dev";

    [CommandOption("--errors")]
    [Description("List every miss of the chosen part: article, field, gold vs system, evidence sentence.")]
    public bool Errors { get; init; }

    [CommandOption("--all")]
    [Description("Score every event, not only what lists show by default (main, current events at or above the salience threshold).")]
    public bool All { get; init; }

    [CommandOption("--held-file <FILE>")]
    [Description("Held-back names, one a line (default: the shipped data/eval/articles-gold-held.txt).")]
    public string? HeldFile { get; init; }

    [CommandOption("--data <DIR>")]
    [Description("Runtime data folder (gazetteer, models). Default: $DRAGOMAN_HOME or ~/.local/share/dragoman.")]
    public string? DataDir { get; init; }

    public override ValidationResult Validate()
    {
        if (!Directory.Exists(Folder)) return ValidationResult.Error($"no such folder: {Folder}");
        if (Part is not ("dev" or "held" or "all")) return ValidationResult.Error($"--part must be dev, held or all, not '{Part}'");
        if (HeldFile is not null && !File.Exists(HeldFile)) return ValidationResult.Error($"no such file: {HeldFile}");
        return ValidationResult.Success();
    }
}

/// <summary>Scores the whole pipeline on real pages with hand-coded gold (docs/evaluation.md); the LAST stdout line is one JSON object.</summary>
public sealed class EvalArticlesCommand : Command<EvalArticlesSettings>
{
    public override int Execute(CommandContext context, EvalArticlesSettings settings, CancellationToken cancellationToken)
    {
        var held = ArticleSplit.ReadHeld(settings.HeldFile ?? ArticleSplit.BundledHeldFile);
        if (!held.IsOk) { Console.Error.WriteLine($"dragoman: {held.Error}"); return 1; }
        var pipeline = StandardPipeline.Build(PipelineResources.Load(settings.DataDir));
        var run = ArticleEvaluation.Run(settings.Folder, pipeline, held.Value!, ArticleFieldRules.LoadBundled(),
            settings.All ? null : e => e.Main, cancellationToken);
        if (!run.IsOk) { Console.Error.WriteLine($"dragoman: {run.Error}"); return 1; }
        var r = run.Value!;
        foreach (var p in r.Problems) Console.Error.WriteLine($"dragoman: {p}");
        var (dev, heldJson, all) = (r.Development.ToJson(), r.HeldBack.ToJson(), r.All.ToJson());
        Console.Out.WriteLine($"{"figure",-32} {"dev",9} {"held",9} {"all",9}");
        foreach (var key in dev.Select(kv => kv.Key))
            Console.Out.WriteLine($"{key,-32} {dev[key],9} {heldJson[key],9} {all[key],9}");
        if (settings.Errors)
        {
            Console.Out.WriteLine();
            foreach (var (article, errors) in r.ErrorsByArticle)
            {
                bool inPart = settings.Part == "all" || (settings.Part == "held") == r.HeldNames.Contains(article);
                if (!inPart) continue;
                foreach (var e in errors)
                    Console.Out.WriteLine($"{e.Article}\t{e.Field}\tgold: {e.Gold}\tsystem: {e.System}\t| {Flat(e.Evidence)}");
            }
            Console.Out.WriteLine();
        }
        Console.Out.WriteLine(r.ToJson(settings.Part).ToJsonString(DocumentJson.Compact));
        return 0;
    }

    private static string Flat(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
