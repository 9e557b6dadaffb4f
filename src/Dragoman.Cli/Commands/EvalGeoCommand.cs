using System.ComponentModel;
using System.Text.Json;
using Dragoman.Geo;
using Dragoman.Pipeline;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class EvalGeoSettings : GazetteerSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("LGL/TR-News, GeoVirus or GeoWebNews XML.")]
    public string File { get; init; } = "";

    [CommandOption("--gazetteer <FILE>")]
    [Description("A gazetteer index to use instead of the installed one (built by `gazetteer import --out`).")]
    public string? Gazetteer { get; init; }

    [CommandOption("--no-e2e")]
    [Description("Only score resolution given the gold spans.")]
    public bool NoEndToEnd { get; init; }

    [CommandOption("--half <HALF>")]
    [Description("Score one half of the articles by their index in the file: even (0, 2, ...; the development half) or odd.")]
    public string? Half { get; init; }

    [CommandOption("--misses <FILE>")]
    [Description("Write every toponym resolved more than 161 km away (and whether any candidate was close) to FILE.")]
    public string? Misses { get; init; }
}

/// <summary>Scores toponym resolution (given gold spans) and end-to-end geoparsing on a public set.</summary>
public sealed class EvalGeoCommand : Command<EvalGeoSettings>
{
    public override int Execute(CommandContext context, EvalGeoSettings settings, CancellationToken cancellationToken)
    {
        var gold = GeoEvaluation.Read(settings.File);
        if (!gold.IsOk) { Console.Error.WriteLine("dragoman: " + gold.Error); return 1; }
        if (settings.Half is not (null or "even" or "odd")) { Console.Error.WriteLine("dragoman: --half must be even or odd"); return 1; }
        var articles = settings.Half is null ? gold.Value! : gold.Value!.Where((_, i) => i % 2 == (settings.Half == "even" ? 0 : 1)).ToList();
        Result<Gazetteer> g = settings.Gazetteer is { } gp
            ? Dragoman.Geo.Gazetteer.Load(gp)
            : GazetteerInstaller.LoadOrInstall(settings.ResolvedDataDir, PipelineResources.BundledDataDir, install: true, m => Console.Error.WriteLine("dragoman: " + m));
        if (!g.IsOk) { Console.Error.WriteLine("dragoman: " + g.Error); return 1; }
        var demonyms = Demonyms.Load(GazetteerInstaller.DemonymsPath(PipelineResources.BundledDataDir));
        var resolver = new PlaceResolver(g.Value!, demonyms.IsOk ? demonyms.Value! : Demonyms.Empty);
        using var missWriter = settings.Misses is null ? null : new StreamWriter(settings.Misses);
        var s = GeoEvaluation.Score(settings.File, articles, resolver, endToEnd: !settings.NoEndToEnd, misses: missWriter is null ? null : missWriter.WriteLine);
        Console.WriteLine($"gazetteer: {g.Value!.Source} ({g.Value!.Count:N0} places)");
        Console.WriteLine($"articles: {s.Articles}  toponyms: {s.N}  time: {s.Seconds:F1} s");
        Console.WriteLine($"given gold spans: acc@161km {s.Acc161:P1}  AUC {s.Auc:F3}  mean {s.MeanKm:F0} km  median {s.MedianKm:F0} km");
        Console.WriteLine($"most-populous baseline {s.BaselineAcc161:P1}  ceiling (any candidate within 161 km) {s.CeilingAcc161:P1}");
        if (!settings.NoEndToEnd) Console.WriteLine($"end to end: P {s.E2EPrecision:P1}  R {s.E2ERecall:P1}  F1 {s.E2EF1:P1}");
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["task"] = "geo", ["file"] = settings.File, ["n"] = s.N, ["acc161"] = s.Acc161, ["auc"] = s.Auc, ["mean_km"] = s.MeanKm,
            ["median_km"] = s.MedianKm, ["baseline_acc161"] = s.BaselineAcc161, ["ceiling_acc161"] = s.CeilingAcc161,
            ["e2e_precision"] = s.E2EPrecision, ["e2e_recall"] = s.E2ERecall, ["e2e_f1"] = s.E2EF1,
        }));
        return 0;
    }
}
