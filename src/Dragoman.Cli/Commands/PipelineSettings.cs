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

    [CommandOption("--max-article-seconds <S>")]
    [Description("Time budget per article (default 60): an article still in the pipeline after it is stopped and reported as failed; the batch goes on.")]
    [DefaultValue(60.0)]
    public double MaxArticleSeconds { get; init; } = 60;

    [CommandOption("--max-article-mb <MB>")]
    [Description("Size budget per article input in MiB (default 16): a larger input is reported as failed, not read.")]
    [DefaultValue(16.0)]
    public double MaxArticleMb { get; init; } = 16;

    public ArticleBudget Budget() => new(TimeSpan.FromSeconds(MaxArticleSeconds), (long)(MaxArticleMb * 1048576));

    public DateOnly? PublishedDate =>
        Published is null ? null : DateOnly.ParseExact(Published, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override ValidationResult Validate()
    {
        if (Published is not null && !DateOnly.TryParseExact(Published, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return ValidationResult.Error($"--published must be a date as YYYY-MM-DD, not '{Published}'");
        if (!(MaxArticleSeconds > 0 && MaxArticleSeconds <= 86400)) return ValidationResult.Error("--max-article-seconds must be more than 0 and at most 86400");
        if (!(MaxArticleMb > 0 && MaxArticleMb <= 4096)) return ValidationResult.Error("--max-article-mb must be more than 0 and at most 4096");
        return ValidationResult.Success();
    }

    public PipelineResources Resources() => PipelineResources.Load(DataDir);
}
