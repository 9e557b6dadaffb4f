using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Dragoman.Evaluation;
using Dragoman.Geo;
using Dragoman.Output;
using Dragoman.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class TrainGeoConfidenceSettings : CommandSettings
{
    [CommandOption("--lgl <FILE>")]
    [Description("LGL XML (../shared/data/geoparsing/lgl.xml); even-indexed articles trained on, odd ones held.")]
    public string? Lgl { get; init; }

    [CommandOption("--geovirus <FILE>")]
    [Description("GeoVirus XML (../shared/data/geoparsing/GeoVirus.xml); even-indexed articles trained on, odd ones held.")]
    public string? GeoVirus { get; init; }

    [CommandOption("--articles <DIR>")]
    [Description("A folder shaped like ../shared/data/articles-gold; its development part trained on, the held-back part held.")]
    public string? Articles { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Where to write the model (models/geo/place-confidence.tsv is the shipped one).")]
    public string Out { get; init; } = "";

    [CommandOption("--threshold <P>")]
    [Description("Probability under which a place is left unresolved (default 0.5: where a wrong place is likelier than a right one).")]
    [DefaultValue(0.5)]
    public double Threshold { get; init; } = 0.5;

    [CommandOption("--held-file <FILE>")]
    [Description("articles-gold's held-back names (default: the shipped data/eval/articles-gold-held.txt).")]
    public string? HeldFile { get; init; }

    [CommandOption("--data <DIR>")]
    [Description("Runtime data folder (gazetteer). Default: $DRAGOMAN_HOME or ~/.local/share/dragoman.")]
    public string? DataDir { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out FILE is required");
        if (Lgl is null && GeoVirus is null && Articles is null) return ValidationResult.Error("give at least one of --lgl, --geovirus, --articles");
        foreach (var f in new[] { Lgl, GeoVirus }) if (f is not null && !File.Exists(f)) return ValidationResult.Error($"no such file: {f}");
        if (Articles is not null && !Directory.Exists(Articles)) return ValidationResult.Error($"no such folder: {Articles}");
        if (Threshold is < 0 or >= 1) return ValidationResult.Error("--threshold must lie in [0, 1)");
        return ValidationResult.Success();
    }
}

/// <summary>
/// Fits the resolver's confidence model on the development parts and prints, per set and part, the reliability table
/// (predicted bucket against observed accuracy), the Brier score, and what thresholds keep and gain; last line JSON.
/// </summary>
public sealed class TrainGeoConfidenceCommand : Command<TrainGeoConfidenceSettings>
{
    private static readonly double[] Thresholds = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];

    public override int Execute(CommandContext context, TrainGeoConfidenceSettings settings, CancellationToken cancellationToken)
    {
        var pipeline = StandardPipeline.Build(PipelineResources.Load(settings.DataDir));
        var resolver = pipeline.Components.OfType<GeoComponent>().First().Resolver;
        var examples = new List<PlaceConfidenceExample>();
        foreach (var (set, file) in new[] { ("LGL", settings.Lgl), ("GeoVirus", settings.GeoVirus) })
        {
            if (file is null) continue;
            var gold = GeoEvaluation.Read(file);
            if (!gold.IsOk) { Console.Error.WriteLine("dragoman: " + gold.Error); return 1; }
            examples.AddRange(GeoConfidenceTraining.FromGeoSet(set, gold.Value!, resolver));
        }
        if (settings.Articles is { } folder)
        {
            var held = ArticleSplit.ReadHeld(settings.HeldFile ?? ArticleSplit.BundledHeldFile);
            if (!held.IsOk) { Console.Error.WriteLine($"dragoman: {held.Error}"); return 1; }
            var found = GeoConfidenceTraining.FromArticles(folder, pipeline, held.Value!);
            if (!found.IsOk) { Console.Error.WriteLine($"dragoman: {found.Error}"); return 1; }
            examples.AddRange(found.Value!);
        }
        var model = GeoConfidenceTraining.Fit(examples, settings.Threshold);
        model.Save(settings.Out, [$"fitted by `dragoman train geoconf` on the development parts: {string.Join(", ", examples.Where(e => !e.Held).GroupBy(e => e.Set).Select(g => $"{g.Key} {g.Count()}"))} resolved places"]);
        Console.Out.WriteLine($"model written to {settings.Out} (threshold {settings.Threshold:0.##})");

        var json = new JsonObject();
        foreach (var group in examples.GroupBy(e => (e.Set, e.Held)).OrderBy(g => g.Key.Set, StringComparer.Ordinal).ThenBy(g => g.Key.Held))
        {
            var label = $"{group.Key.Set} {(group.Key.Held ? "held" : "dev")}";
            var fitted = ReliabilityTable.Of(group.Select(e => (model.Probability(e.Features), e.Right)).ToList());
            var rules = ReliabilityTable.Of(group.Select(e => (e.RuleConfidence, e.Right)).ToList());
            Console.Out.WriteLine();
            Console.Out.WriteLine($"{label}: {fitted.N} resolved places, {fitted.Accuracy:0.000} right; Brier {fitted.Brier:0.000} (the rule-based confidence: {rules.Brier:0.000})");
            Console.Out.WriteLine($"  {"predicted",-12} {"n",5} {"mean p",7} {"right",6}");
            foreach (var b in fitted.Buckets.Where(b => b.N > 0))
                Console.Out.WriteLine($"  [{b.Lo:0.00}, {b.Hi:0.00}) {b.N,5} {b.MeanPredicted,7:0.000} {b.Observed,6:0.000}");
            Console.Out.WriteLine($"  {"threshold",-10} {"kept",6} {"right kept",11} {"wrong left",11} {"acc of kept",12}");
            int right = group.Count(e => e.Right), wrong = group.Count(e => !e.Right);
            var trade = new JsonArray();
            foreach (var t in Thresholds)
            {
                var kept = group.Where(e => model.Probability(e.Features) >= t).ToList();
                int keptRight = kept.Count(e => e.Right);
                double acc = kept.Count == 0 ? 0 : keptRight / (double)kept.Count;
                Console.Out.WriteLine($"  {t,-10:0.00} {kept.Count,6} {keptRight,5}/{right,-5} {wrong - (kept.Count - keptRight),5}/{wrong,-5} {acc,12:0.000}");
                trade.Add(new JsonObject { ["threshold"] = t, ["kept"] = kept.Count, ["right_kept"] = keptRight, ["acc_of_kept"] = Math.Round(acc, 4) });
            }
            json[label.Replace(' ', '_')] = new JsonObject
            {
                ["n"] = fitted.N, ["accuracy"] = Math.Round(fitted.Accuracy, 4), ["brier"] = Math.Round(fitted.Brier, 4), ["brier_rules"] = Math.Round(rules.Brier, 4),
                ["buckets"] = new JsonArray(fitted.Buckets.Where(b => b.N > 0).Select(b => (JsonNode)new JsonObject
                {
                    ["lo"] = b.Lo, ["hi"] = b.Hi, ["n"] = b.N, ["mean_p"] = Math.Round(b.MeanPredicted, 3), ["right"] = Math.Round(b.Observed, 3),
                }).ToArray()),
                ["thresholds"] = trade,
            };
        }
        Console.Out.WriteLine();
        Console.Out.WriteLine(json.ToJsonString(DocumentJson.Compact));
        return 0;
    }
}
