using System.ComponentModel;
using Dragoman.Events;
using Dragoman.Events.Evaluation;
using Dragoman.Output;
using Dragoman.Pipeline;
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

    public override ValidationResult Validate()
    {
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
            // unnamed victims of the main killed count: the bundled victim-class model decides (models/events/README.md)
            _ => EventEvaluation.EvaluateFakes(settings.File, res, settings.NoGeo ? null : StandardPipeline.Build(PipelineResources.Load(null)),
                Events.Counts.VictimClassModel.LoadBundled() is { IsOk: true } victims ? victims.Value : null),
        };
        if (!result.IsOk)
        {
            Console.Error.WriteLine($"dragoman: {result.Error}");
            return 1;
        }
        Console.Out.WriteLine(result.Value!.ToJsonString(DocumentJson.Compact));
        return 0;
    }
}
