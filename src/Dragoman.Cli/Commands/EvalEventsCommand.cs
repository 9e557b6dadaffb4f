using System.ComponentModel;
using Dragoman.Events;
using Dragoman.Events.Evaluation;
using Dragoman.Output;
using Dragoman.Pipeline;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class EvalEventsSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("PETRARCH validation XML, PLOVER gold records JSON, or FA-KES CSV.")]
    public string File { get; init; } = "";

    [CommandOption("--format <FORMAT>")]
    [Description("petrarch | plover | fakes (default: detected from the file).")]
    public string? Format { get; init; }

    [CommandOption("--no-geo")]
    [Description("FA-KES: skip location_acc_geo (the whole pipeline with the installed gazetteer, installed on first use).")]
    public bool NoGeo { get; init; }

    [CommandOption("--part <PART>")]
    [Description("FA-KES: dev | held | all, the part whose figures lead the JSON line (each part is in it; default dev). Split: data/eval/fakes-dev-held.txt.")]
    [DefaultValue("dev")]
    public string Part { get; init; } = "dev";

    [CommandOption("--held-file <FILE>")]
    [Description("FA-KES: unit ids of the held-back rows (default the shipped data/eval/fakes-dev-held.txt).")]
    public string? HeldFile { get; init; }

    public override ValidationResult Validate()
    {
        if (Part is not ("dev" or "held" or "all")) return ValidationResult.Error($"--part must be dev, held or all, not '{Part}'");
        if (HeldFile is not null && !System.IO.File.Exists(HeldFile)) return ValidationResult.Error($"no such file: {HeldFile}");
        if (!System.IO.File.Exists(File)) return ValidationResult.Error($"no such file: {File}");
        if (Format is not (null or "petrarch" or "plover" or "fakes")) return ValidationResult.Error($"--format must be petrarch, plover or fakes, not '{Format}'");
        return ValidationResult.Success();
    }
}

/// <summary>Scores the event coder on a gold file; the LAST stdout line is one JSON object (docs/event-codes.md, "Evaluation").</summary>
public sealed class EvalEventsCommand : Command<EvalEventsSettings>
{
    public override int Execute(CommandContext context, EvalEventsSettings settings, CancellationToken cancellationToken)
    {
        var format = settings.Format ?? EventEvaluation.DetectFormat(settings.File);
        var res = EventResources.LoadBundled();
        var result = format switch
        {
            "petrarch" => EventEvaluation.EvaluatePetrarch(settings.File, res),
            "plover" => EventEvaluation.EvaluatePlover(settings.File, res),
            // unnamed victims of the main killed count: the bundled victim-class model decides (models/events/README.md);
            // it is trained on the development part of the fixed split, so the figures come per part
            _ => EventEvaluation.EvaluateFakes(settings.File, res, settings.NoGeo ? null : StandardPipeline.Build(PipelineResources.Load(null)),
                Events.Counts.VictimClassModel.LoadBundled() is { IsOk: true } victims ? victims.Value : null,
                settings.HeldFile is null ? FakesSplit.BundledHeld() : Dragoman.Evaluation.ArticleSplit.ReadHeld(settings.HeldFile).Value, settings.Part),
        };
        if (!result.IsOk)
        {
            Console.Error.WriteLine($"dragoman: {result.Error}");
            return 1;
        }
        if (result.Value!["dev"] is JsonObject dev && result.Value["held"] is JsonObject held && result.Value["all"] is JsonObject all)
        {
            // one line per figure, the parts side by side (as eval articles); the JSON line below holds the same
            Console.Out.WriteLine($"{"figure",-48} {"dev",8} {"held",8} {"all",8}");
            foreach (var (key, _) in dev)
                Console.Out.WriteLine($"{key,-48} {dev[key]?.ToJsonString() ?? "-",8} {held[key]?.ToJsonString() ?? "-",8} {all[key]?.ToJsonString() ?? "-",8}");
        }
        Console.Out.WriteLine(result.Value!.ToJsonString(DocumentJson.Compact));
        return 0;
    }
}
