using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Dragoman.Time;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class EvalTimeSettings : CommandSettings
{
    [CommandArgument(0, "<DIR>")]
    [Description("Folder (searched recursively) or file(s) of TimeML .tml documents with a CREATION_TIME TIMEX3.")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--errors <N>")]
    [Description("Print up to N disagreements (value errors, false positives, misses) to stderr.")]
    [DefaultValue(0)]
    public int Errors { get; init; }
}

/// <summary>
/// Scores the time tagger on TimeML: value accuracy of DATE/TIME given gold extents, and end to end (relaxed
/// extent match over all TIMEX3 types, value F1). The last stdout line is one JSON object.
/// </summary>
public sealed class EvalTimeCommand : Command<EvalTimeSettings>
{
    public override int Execute(CommandContext context, EvalTimeSettings settings, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        foreach (var p in settings.Paths)
        {
            if (Directory.Exists(p)) files.AddRange(Directory.EnumerateFiles(p, "*.tml", SearchOption.AllDirectories));
            else if (File.Exists(p)) files.Add(p);
            else { Console.Error.WriteLine($"dragoman: {p}: no such file or folder"); return 2; }
        }
        files.Sort(StringComparer.Ordinal);
        var docs = new List<TimeMlDocument>();
        foreach (var f in files)
        {
            var r = TimeMlReader.Read(Path.GetFileName(f), File.ReadAllText(f));
            if (r.IsOk) docs.Add(r.Value!);
            else Console.Error.WriteLine($"dragoman: {f}: {r.Error}");
        }
        var s = TimeEvaluator.Evaluate(docs, settings.Errors);
        foreach (var e in s.Errors) Console.Error.WriteLine(e);
        Console.WriteLine($"value accuracy (DATE+TIME, gold extents): {s.ValueAccuracy:F4} over {s.N}");
        Console.WriteLine($"end to end (relaxed extent match, all types): P {s.E2EPrecision:F4} R {s.E2ERecall:F4} F1 {s.E2EF1:F4}; strict F1 {s.E2EStrictF1:F4}; value F1 {s.E2EValueF1:F4} (system {s.SystemCount}, gold {s.GoldCount})");
        var json = new Dictionary<string, object>
        {
            ["task"] = "time", ["files"] = s.Files, ["n"] = s.N,
            ["value_accuracy"] = Math.Round(s.ValueAccuracy, 4),
            ["e2e_precision"] = Math.Round(s.E2EPrecision, 4), ["e2e_recall"] = Math.Round(s.E2ERecall, 4),
            ["e2e_f1"] = Math.Round(s.E2EF1, 4), ["e2e_value_f1"] = Math.Round(s.E2EValueF1, 4),
            ["e2e_strict_f1"] = Math.Round(s.E2EStrictF1, 4), ["extent_match"] = "relaxed",
        };
        Console.WriteLine(JsonSerializer.Serialize(json));
        return 0;
    }
}
