using System.ComponentModel;
using Dragoman.Ingest;
using Dragoman.Output;
using Dragoman.Pipeline;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class ExtractSettings : InputSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description(Shapes)]
    public string[] Paths { get; init; } = [];

    [CommandOption("--format <FORMAT>")]
    [Description("json (indented, one object per article) or jsonl (one line per article).")]
    [DefaultValue("json")]
    public string Format { get; init; } = "json";

    public override Spectre.Console.ValidationResult Validate() =>
        Format is "json" or "jsonl" ? base.Validate() : Spectre.Console.ValidationResult.Error($"--format must be json or jsonl, not '{Format}'");
}

/// <summary>Prints, per article, the public JSON schema. Failed inputs are reported on stderr and make the exit code 1.</summary>
public sealed class ExtractCommand : Command<ExtractSettings>
{
    public override int Execute(CommandContext context, ExtractSettings settings, CancellationToken cancellationToken)
    {
        StartTrace.Mark("extract begins");
        var pipeline = StandardPipeline.Build(settings.Resources());
        var stdout = Console.Out;
        int failed = 0;
        foreach (var outcome in BatchProcessor.Process(settings.Inputs(settings.Paths), pipeline, settings.PublishedDate, cancellationToken, settings.FieldMap, settings.Budget()))
        {
            if (outcome.Document is { } doc)
            {
                StartTrace.Mark("article processed");
                stdout.WriteLine(DocumentJson.Serialize(doc, indented: settings.Format == "json"));
                StartTrace.Mark("article written");
                if (outcome.Warning is { } warning) Console.Error.WriteLine($"dragoman: warning: {outcome.Input}: {warning}");
            }
            else
            {
                failed++;
                Console.Error.WriteLine($"dragoman: {outcome.Input}: {outcome.Error}");
            }
        }
        return failed > 0 ? 1 : 0;
    }
}
