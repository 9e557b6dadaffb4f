using System.ComponentModel;
using System.Globalization;
using Dragoman.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

/// <summary>Options shared by every command that runs the pipeline.</summary>
public class PipelineSettings : CommandSettings
{
    [CommandOption("--published <DATE>")]
    [Description("Reference date (YYYY-MM-DD) for relative times, overriding the article's own date.")]
    public string? Published { get; init; }

    [CommandOption("--data <DIR>")]
    [Description("Runtime data folder (gazetteer, models). Default: $DRAGOMAN_HOME or ~/.local/share/dragoman.")]
    public string? DataDir { get; init; }

    public DateOnly? PublishedDate =>
        Published is null ? null : DateOnly.ParseExact(Published, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override ValidationResult Validate()
    {
        if (Published is not null && !DateOnly.TryParseExact(Published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return ValidationResult.Error($"--published must be a date as YYYY-MM-DD, not '{Published}'");
        return ValidationResult.Success();
    }

    public PipelineResources Resources() => PipelineResources.Load(DataDir);
}
