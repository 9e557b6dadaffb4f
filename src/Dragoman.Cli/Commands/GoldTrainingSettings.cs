using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

/// <summary>What every trainer on an articles-gold folder takes: the folder, the model file to write, the held-back names, the data folder.</summary>
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

    public override ValidationResult Validate()
    {
        if (!Directory.Exists(Folder)) return ValidationResult.Error($"no such folder: {Folder}");
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out FILE is required");
        return ValidationResult.Success();
    }
}
