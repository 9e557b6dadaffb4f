using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

/// <summary>What every trainer on an articles-gold folder takes: the folder, the model file to write, the held-back names, the data folder, the cross-validation folds.</summary>
public abstract class GoldTrainingSettings : CommandSettings
{
    [CommandArgument(0, "<DIR>")]
    [Description("A folder shaped like ../shared/data/articles-gold (input.jsonl + gold/NAME.json).")]
    public string Folder { get; init; } = "";

    [CommandOption("--out <FILE>")]
    [Description("Where to write the model (the shipped one is under models/).")]
    public string Out { get; init; } = "";

    [CommandOption("--held-file <FILE>")]
    [Description("Held-back names, never trained on (default: the shipped data/eval/articles-gold-held.txt).")]
    public string? HeldFile { get; init; }

    [CommandOption("--data <DIR>")]
    [Description("Runtime data folder (gazetteer). Default: $DRAGOMAN_HOME or ~/.local/share/dragoman.")]
    public string? DataDir { get; init; }

    [CommandOption("--folds <K>")]
    [Description("Cross-validation folds over the development articles that choose the model's settings (default 5).")]
    [DefaultValue(5)]
    public int Folds { get; init; } = 5;

    public override ValidationResult Validate()
    {
        if (!Directory.Exists(Folder)) return ValidationResult.Error($"no such folder: {Folder}");
        if (Folds < 2) return ValidationResult.Error("--folds must be at least 2");
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out FILE is required");
        return ValidationResult.Success();
    }
}
