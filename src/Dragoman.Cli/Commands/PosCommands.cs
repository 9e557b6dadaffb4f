using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dragoman.Text.Syntax;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class TrainPosSettings : CommandSettings
{
    [CommandOption("--corpus <FILE>")]
    [Description("Training corpus, FILE or FILE:format (conll, gmb); repeat for several. Never the evaluation split.")]
    public string[] Corpora { get; init; } = [];

    [CommandOption("--out <FILE>")]
    [Description("Where to write the model, e.g. models/pos/dragoman-pos.bin.")]
    public string Out { get; init; } = "";

    [CommandOption("--epochs <N>")]
    [DefaultValue(6)]
    public int Epochs { get; init; } = 6;

    [CommandOption("--bits <N>")]
    [Description("log2 of the number of feature buckets.")]
    [DefaultValue(18)]
    public int Bits { get; init; } = 18;

    [CommandOption("--seed <N>")]
    [DefaultValue(13)]
    public int Seed { get; init; } = 13;

    [CommandOption("--dev <FILE>")]
    [Description("Evaluation file scored after training (reported, never trained on); repeat for several.")]
    public string[] Dev { get; init; } = [];

    public override ValidationResult Validate()
    {
        if (Corpora.Length == 0) return ValidationResult.Error("give at least one --corpus");
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("give --out FILE");
        if (Epochs is < 1 or > 50) return ValidationResult.Error("--epochs must be 1..50");
        if (Bits is < 12 or > 22) return ValidationResult.Error("--bits must be 12..22");
        return ValidationResult.Success();
    }
}

/// <summary>Trains the part-of-speech tagger used by the light syntax (Text/Syntax) and writes the model file.</summary>
public sealed class TrainPosCommand : Command<TrainPosSettings>
{
    public override int Execute(CommandContext context, TrainPosSettings settings, CancellationToken cancellationToken)
    {
        var corpus = new List<PosSentence>();
        foreach (var spec in settings.Corpora)
        {
            var read = PosCorpus.ReadSpec(spec);
            if (!read.IsOk) { Console.Error.WriteLine($"dragoman: {read.Error}"); return 1; }
            Console.Error.WriteLine($"corpus {spec}: {read.Value!.Count} sentences, {read.Value.Sum(s => s.Words.Length)} tokens");
            corpus.AddRange(read.Value);
        }
        var info = new Dictionary<string, string>
        {
            ["corpora"] = string.Join(" ", settings.Corpora.Select(Path.GetFileName)),
            ["epochs"] = settings.Epochs.ToString(CultureInfo.InvariantCulture),
            ["bits"] = settings.Bits.ToString(CultureInfo.InvariantCulture),
            ["seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture),
        };
        var sw = Stopwatch.StartNew();
        var model = PosTrainer.Train(corpus, new PosTrainingOptions(settings.Epochs, settings.Bits, settings.Seed), info, Console.Error.WriteLine);
        Console.Error.WriteLine($"trained in {sw.Elapsed.TotalSeconds:F0} s; {model.Weights} weights, {model.DictionaryWords} dictionary words");
        model.Save(settings.Out);
        Console.Error.WriteLine($"wrote {settings.Out} ({new FileInfo(settings.Out).Length / 1024} KiB)");
        foreach (var dev in settings.Dev)
        {
            var read = PosCorpus.ReadSpec(dev);
            if (!read.IsOk) { Console.Error.WriteLine($"dragoman: {read.Error}"); return 1; }
            var (tokens, accuracy, coarse) = PosTrainer.Score(model, read.Value!);
            Console.Error.WriteLine($"dev {dev}: {tokens} tokens, accuracy {accuracy:F4}, verb/noun/name class accuracy {coarse:F4}");
        }
        return 0;
    }
}

public sealed class EvalPosSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("Tagged file: CoNLL-2003 columns (word POS ...), or FILE:gmb for the GMB CSV.")]
    public string File { get; init; } = "";

    [CommandOption("--model <FILE>")]
    [Description("Model file. Default: the bundled models/pos/dragoman-pos.bin.")]
    public string? Model { get; init; }
}

/// <summary>Scores the part-of-speech tagger: token accuracy and the verb/noun/name class accuracy the syntax relies on.</summary>
public sealed class EvalPosCommand : Command<EvalPosSettings>
{
    public override int Execute(CommandContext context, EvalPosSettings settings, CancellationToken cancellationToken)
    {
        var path = settings.Model ?? PosModel.DefaultModelPath;
        var model = PosModel.Load(path);
        if (!model.IsOk) { Console.Error.WriteLine($"dragoman: {model.Error}"); return 1; }
        var read = PosCorpus.ReadSpec(settings.File);
        if (!read.IsOk) { Console.Error.WriteLine($"dragoman: {read.Error}"); return 1; }
        var sw = Stopwatch.StartNew();
        var (tokens, accuracy, coarse) = PosTrainer.Score(model.Value!, read.Value!);
        double wall = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"{tokens} tokens: accuracy {accuracy:F4}, verb/noun/name class accuracy {coarse:F4}, {tokens / Math.Max(wall, 1e-9):F0} tokens/s on one thread");
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["task"] = "pos",
            ["file"] = settings.File,
            ["tokens"] = tokens,
            ["accuracy"] = Math.Round(accuracy, 4),
            ["verb_noun_name_accuracy"] = Math.Round(coarse, 4),
            ["tokens_per_s"] = Math.Round(tokens / Math.Max(wall, 1e-9)),
        }));
        return 0;
    }
}
