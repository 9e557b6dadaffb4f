using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Dragoman.Actors;
using Dragoman.Entities;
using Dragoman.Events;
using Dragoman.Geo;
using Dragoman.Pipeline;
using Dragoman.Text;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public class EventLocSettings : GazetteerSettings
{
    [CommandOption("--exclude-texts <FILE>")]
    [Description("Leave out items whose sentence also appears in this event-location file (e.g. the Syria part).")]
    public string? ExcludeTexts { get; init; }

    [CommandOption("--exclude-source <SOURCE>")]
    [Description("Leave out items of these sources (e.g. RELABEL, the gold relabelled items).")]
    public string[] ExcludeSource { get; init; } = [];

    [CommandOption("--only-source <SOURCE>")]
    [Description("Keep only items of these sources.")]
    public string[] OnlySource { get; init; } = [];

    [CommandOption("--half <HALF>")]
    [Description("Keep one half of a fixed split by a hash of the sentence text: even or odd.")]
    public string? Half { get; init; }
}

public sealed class EvalEventLocSettings : EventLocSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("Event-location JSON Lines (plain or .gz): text, spans labelled VERB and LOCATION.")]
    public string File { get; init; } = "";

    [CommandOption("--model <FILE>")]
    [Description("A model file to use instead of the bundled models/eventloc/eventloc.tsv.")]
    public string? Model { get; init; }

    [CommandOption("--threshold <P>")]
    [Description("Override the model's decision threshold (probability above which the best place is taken).")]
    public double? Threshold { get; init; }

    [CommandOption("--misses <FILE>")]
    [Description("Write every item the model gets wrong (sentence, verb, gold, chosen, candidates) to FILE.")]
    public string? Misses { get; init; }
}

public sealed class TrainEventLocSettings : EventLocSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("Event-location JSON Lines files (plain or .gz) to train on.")]
    public string[] Files { get; init; } = [];

    [CommandOption("--out <FILE>")]
    [Description("Where to write the model. Default: models/eventloc/eventloc.tsv.")]
    public string Out { get; init; } = "models/eventloc/eventloc.tsv";

    [CommandOption("--epochs <N>")]
    [Description("Passes over the training data (default 12).")]
    public int Epochs { get; init; } = 12;

    [CommandOption("--threshold <P>")]
    [Description("Decision threshold stored in the model (default 0.5).")]
    public double Threshold { get; init; } = 0.5;
}

/// <summary>Shared preparation: the place stages of the standard pipeline and the events stage's tagger.</summary>
internal static class EventLocPrep
{
    public static Result<List<PreparedEventLocation>> Load(IEnumerable<string> files, EventLocSettings settings)
    {
        var items = new List<EventLocationItem>();
        foreach (var f in files)
        {
            var r = EventLocationEvaluation.Read(f);
            if (!r.IsOk) return Result<List<PreparedEventLocation>>.Fail(r.Error!);
            items.AddRange(r.Value!);
        }
        if (settings.ExcludeTexts is { } ex)
        {
            var r = EventLocationEvaluation.Read(ex);
            if (!r.IsOk) return Result<List<PreparedEventLocation>>.Fail(r.Error!);
            var texts = r.Value!.Select(i => i.Text).ToHashSet(StringComparer.Ordinal);
            items = items.Where(i => !texts.Contains(i.Text)).ToList();
        }
        if (settings.ExcludeSource.Length > 0) items = items.Where(i => !settings.ExcludeSource.Contains(i.Source)).ToList();
        if (settings.OnlySource.Length > 0) items = items.Where(i => settings.OnlySource.Contains(i.Source)).ToList();
        if (settings.Half is { } half)
        {
            if (half is not ("even" or "odd")) return Result<List<PreparedEventLocation>>.Fail("--half must be even or odd");
            uint want = half == "even" ? 0u : 1u;
            items = items.Where(i => (EventLocationEvaluation.TextHash(i.Text) & 1) == want).ToList();
        }
        var resources = PipelineResources.Load(settings.ResolvedDataDir);
        var pipeline = new PipelineBuilder()
            .Add(new TextComponent())
            .Add(new NerComponent(NerComponent.BundledModel))
            .Add(new ActorMentionComponent(ActorResources.Load()))
            .Add(GeoComponent.FromResources(resources))
            .Build();
        var coder = new EventCoder(EventResources.LoadBundled().Verbs, EventResources.LoadBundled().Nouns);
        return EventLocationEvaluation.Prepare(items, pipeline, (d, s) => coder.View(d.Text, d.Tokens, s));
    }
}

/// <summary>Scores the event-location model against the nearest-place baselines on an event-location file.</summary>
public sealed class EvalEventLocCommand : Command<EvalEventLocSettings>
{
    public override int Execute(CommandContext context, EvalEventLocSettings settings, CancellationToken cancellationToken)
    {
        var model = settings.Model is { } mp ? EventLocator.Load(mp) : EventLocator.LoadBundled();
        if (!model.IsOk) { Console.Error.WriteLine("dragoman: " + model.Error); return 1; }
        var sw = Stopwatch.StartNew();
        var prepared = EventLocPrep.Load([settings.File], settings);
        if (!prepared.IsOk) { Console.Error.WriteLine("dragoman: " + prepared.Error); return 1; }
        var items = prepared.Value!;
        var m = settings.Threshold is { } th ? new EventLocator(model.Value!.Weights, th) : model.Value!;
        var choices = items.Select(p => m.ChooseMention(p.View, p.Trigger, p.Candidates).Candidate).ToArray();
        int at = 0;
        var s = EventLocationEvaluation.Score(items, _ => choices[at++]);
        var rule = EventLocationEvaluation.Score(items, p => EventLocator.Nearest(p.View, p.TriggerSpan, p.Candidates));
        var near = EventLocationEvaluation.Score(items, EventLocationEvaluation.NearestAny);
        var none = EventLocationEvaluation.Score(items, _ => -1);
        var oracle = EventLocationEvaluation.Score(items, EventLocationEvaluation.Oracle);
        if (settings.Misses is { } missPath)
        {
            using var w = new StreamWriter(missPath);
            for (int i = 0; i < items.Count; i++)
            {
                var p = items[i];
                if (p.IsCorrect(choices[i])) continue;
                string Txt(Documents.TextSpan sp) => p.Item.Text[sp.Start..sp.End];
                w.WriteLine($"{p.Item.Id}\t{p.Item.Text}\tverb={Txt(p.Item.Verb)}\tgold=[{string.Join("; ", p.Item.Locations.Select(Txt))}]"
                    + $"\tchosen={(choices[i] < 0 ? "-" : Txt(p.Candidates[choices[i]].Span))}\tcandidates=[{string.Join("; ", p.Candidates.Select(c => Txt(c.Span)))}]");
            }
        }
        int withGold = items.Count(p => p.HasGold);
        Console.WriteLine($"items: {items.Count} (with a gold place: {withGold}; gold place among the candidates: {items.Count(p => p.HasGold && p.Gold.Any(g => g))})  time: {sw.Elapsed.TotalSeconds:F1} s");
        void Line(string name, EventLocationScore x) =>
            Console.WriteLine($"{name,-28} accuracy {x.Accuracy:P1}  precision {x.Precision:P1}  recall {x.Recall:P1}  F1 {x.F1:P1}");
        Line("model", s);
        Line("baseline: previous rule", rule);
        Line("baseline: nearest place", near);
        Line("baseline: never a place", none);
        Line("oracle over the candidates", oracle);
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["task"] = "eventloc", ["file"] = settings.File, ["n"] = items.Count, ["accuracy"] = s.Accuracy, ["precision"] = s.Precision,
            ["recall"] = s.Recall, ["f1"] = s.F1, ["baseline_nearest"] = near.Accuracy, ["baseline_nearest_f1"] = near.F1,
            ["baseline_rule"] = rule.Accuracy, ["baseline_rule_f1"] = rule.F1, ["oracle_accuracy"] = oracle.Accuracy,
        }));
        return 0;
    }
}

/// <summary>Trains the event-location model on event-location files and writes it.</summary>
public sealed class TrainEventLocCommand : Command<TrainEventLocSettings>
{
    public override int Execute(CommandContext context, TrainEventLocSettings settings, CancellationToken cancellationToken)
    {
        var prepared = EventLocPrep.Load(settings.Files, settings);
        if (!prepared.IsOk) { Console.Error.WriteLine("dragoman: " + prepared.Error); return 1; }
        var items = prepared.Value!;
        var model = EventLocatorTrainer.Train(items, settings.Epochs, threshold: settings.Threshold);
        model.Save(settings.Out);
        var s = EventLocationEvaluation.Score(items, p => model.ChooseMention(p.View, p.Trigger, p.Candidates).Candidate);
        Console.WriteLine($"trained on {items.Count} items ({items.Sum(p => p.Candidates.Count)} candidates), {model.FeatureCount} features -> {settings.Out}");
        Console.WriteLine($"training accuracy {s.Accuracy:P1}  F1 {s.F1:P1}");
        return 0;
    }
}
