using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dragoman.Entities;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class TrainNerSettings : CommandSettings
{
    [CommandOption("--corpus <FILE>")]
    [Description("Training corpus, FILE or FILE:format (conll, gmb); repeat for several. Never the evaluation split.")]
    public string[] Corpora { get; init; } = [];

    [CommandOption("--out <FILE>")]
    [Description("Where to write the model, e.g. models/ner/dragoman-ner.bin.")]
    public string Out { get; init; } = "";

    [CommandOption("--epochs <N>")]
    [DefaultValue(12)]
    public int Epochs { get; init; } = 12;

    [CommandOption("--bits <N>")]
    [Description("log2 of the number of feature buckets (model size grows with it).")]
    [DefaultValue(20)]
    public int Bits { get; init; } = 20;

    [CommandOption("--seed <N>")]
    [DefaultValue(13)]
    public int Seed { get; init; } = 13;

    [CommandOption("--lists <DIR>")]
    [Description("Build name lists from the public dictionaries in this data folder (e.g. ../shared/data); they are baked into the model.")]
    public string? Lists { get; init; }

    [CommandOption("--train-lists")]
    [Description("Also bake in name lists of entities seen in the training corpora in at least two documents.")]
    public bool TrainLists { get; init; }

    [CommandOption("--clusters <FILE>")]
    [Description("Word clusters file (word TAB id TAB id ...), instead of learning them with --unlabelled.")]
    public string? Clusters { get; init; }

    [CommandOption("--unlabelled <FILE>")]
    [Description("Unlabelled text to learn word clusters from (.txt, .jsonl or .jsonl.gz 'text', .xml/.tml, CoNLL, GMB CSV); repeat for several. The training corpora are always included.")]
    public string[] Unlabelled { get; init; } = [];

    [CommandOption("--save-clusters <FILE>")]
    [Description("Also write the learnt clusters as text.")]
    public string? SaveClusters { get; init; }

    [CommandOption("--two-pass")]
    [Description("Tag twice: the second pass sees the first pass's labels for the same word in the other sentences of the document.")]
    public bool TwoPass { get; init; }

    [CommandOption("--dev <FILE>")]
    [Description("Evaluation file scored after training (reported, never trained on).")]
    public string[] Dev { get; init; } = [];

    public override ValidationResult Validate()
    {
        if (Corpora.Length == 0) return ValidationResult.Error("give at least one --corpus");
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("give --out FILE");
        if (Epochs is < 1 or > 100) return ValidationResult.Error("--epochs must be 1..100");
        if (Bits is < 12 or > 24) return ValidationResult.Error("--bits must be 12..24");
        return ValidationResult.Success();
    }
}

/// <summary>Trains the NER tagger on annotated corpora and writes the model file.</summary>
public sealed class TrainNerCommand : Command<TrainNerSettings>
{
    public override int Execute(CommandContext context, TrainNerSettings settings, CancellationToken cancellationToken)
    {
        var docs = new List<NerDocument>();
        foreach (var spec in settings.Corpora)
        {
            var read = NerCorpus.ReadSpec(spec);
            if (!read.IsOk) { Console.Error.WriteLine($"dragoman: {read.Error}"); return 1; }
            Console.Error.WriteLine($"corpus {spec}: {read.Value!.Count} documents, {read.Value.Sum(d => d.Tokens.Length)} tokens");
            docs.AddRange(read.Value);
        }
        var entries = new List<(string, int)>();
        var kinds = NameLists.Kinds;
        if (settings.Lists is not null)
        {
            var lists = NameLists.FromPublicData(settings.Lists);
            if (!lists.IsOk) { Console.Error.WriteLine($"dragoman: {lists.Error}"); return 1; }
            entries.AddRange(lists.Value!);
        }
        if (settings.TrainLists) entries.AddRange(NameLists.FromTraining(docs, minDocuments: 2));
        var gazetteer = new Gazetteer(kinds, entries);
        Console.Error.WriteLine($"name lists: {gazetteer.Entries.Count} entries, {gazetteer.Phrases} distinct phrases");
        var clusters = WordClusters.Empty;
        if (settings.Clusters is not null)
        {
            var c = ClusterFile.Read(settings.Clusters);
            if (!c.IsOk) { Console.Error.WriteLine($"dragoman: {c.Error}"); return 1; }
            clusters = c.Value!;
            Console.Error.WriteLine($"clusters: {clusters.Count} words, {clusters.Levels} levels");
        }
        else if (settings.Unlabelled.Length > 0)
        {
            var csw = Stopwatch.StartNew();
            var sources = settings.Corpora.Select(c => c.Split(':')[0]).Concat(settings.Unlabelled).Distinct().ToArray();
            foreach (var src in sources)
                if (!File.Exists(src)) { Console.Error.WriteLine($"dragoman: {src}: no such file"); return 1; }
            clusters = ClusterTrainer.Train(sources.SelectMany(ClusterTrainer.ReadSentences), new ClusterOptions(), Console.Error.WriteLine);
            Console.Error.WriteLine($"clusters: {clusters.Count} words, {clusters.Levels} levels in {csw.Elapsed.TotalSeconds:F0} s");
            if (settings.SaveClusters is not null) clusters.WriteText(settings.SaveClusters);
        }
        var info = new Dictionary<string, string>
        {
            ["corpora"] = string.Join(" ", settings.Corpora.Select(Path.GetFileName)),
            ["epochs"] = settings.Epochs.ToString(CultureInfo.InvariantCulture),
            ["bits"] = settings.Bits.ToString(CultureInfo.InvariantCulture),
            ["seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture),
            ["lists"] = settings.Lists is null ? "none" : "public" + (settings.TrainLists ? "+train" : ""),
            ["clusters"] = settings.Clusters is not null ? Path.GetFileName(settings.Clusters)
                : settings.Unlabelled.Length > 0 ? "learnt from " + string.Join(" ", settings.Unlabelled.Select(Path.GetFileName)) : "none",
            ["two-pass"] = settings.TwoPass ? "yes" : "no",
            ["trained"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var sw = Stopwatch.StartNew();
        var model = NerTrainer.Train(docs, new NerTrainOptions { Epochs = settings.Epochs, BucketBits = settings.Bits, Seed = settings.Seed },
            gazetteer, clusters, info,
            (e, n, err) => Console.Error.WriteLine($"epoch {e}/{n}: token error rate {err:F4} ({sw.Elapsed.TotalSeconds:F0} s)"));
        if (settings.Dev.Length > 0)
        {
            var cal = NerCorpus.ReadSpec(settings.Dev[0]);
            if (!cal.IsOk) { Console.Error.WriteLine($"dragoman: {cal.Error}"); return 1; }
            var (t, brier) = NerEvaluation.Calibrate(model, cal.Value!, info);
            Console.Error.WriteLine($"confidence temperature {t} (Brier {brier:F4} on {settings.Dev[0]})");
        }
        model.Save(settings.Out);
        Console.Error.WriteLine($"wrote {settings.Out} ({new FileInfo(settings.Out).Length / 1e6:F1} MB) in {sw.Elapsed.TotalSeconds:F0} s");
        foreach (var dev in settings.Dev)
        {
            var read = NerCorpus.ReadSpec(dev);
            if (!read.IsOk) { Console.Error.WriteLine($"dragoman: {read.Error}"); return 1; }
            var result = NerEvaluation.Run(model, read.Value!);
            Console.WriteLine($"{dev}: micro F1 {result.Scorer.Micro.F1:F4} " + string.Join(" ", Enumerable.Range(0, NerLabels.ClassCount).Select(c => $"{NerLabels.Classes[c]} {result.Scorer.For(c).F1:F4}")));
        }
        return 0;
    }
}

public sealed class EvalNerSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("Annotated file: CoNLL 4-column IOB (also re3d/WNUT/Wikigold 2-column), FILE:gmb for the GMB CSV.")]
    public string File { get; init; } = "";

    [CommandOption("--model <FILE>")]
    [Description("Model file. Default: the bundled models/ner/dragoman-ner.bin.")]
    public string? Model { get; init; }

    [CommandOption("--errors <FILE>")]
    [Description("Write the sentences with a wrong or missed entity, gold and predicted, to this file.")]
    public string? Errors { get; init; }
}

/// <summary>Scores the tagger on an annotated file, entity-level exact match (conlleval); the last line is JSON.</summary>
public sealed class EvalNerCommand : Command<EvalNerSettings>
{
    public override int Execute(CommandContext context, EvalNerSettings settings, CancellationToken cancellationToken)
    {
        var path = settings.Model ?? NerComponent.DefaultModelPath;
        var sw = Stopwatch.StartNew();
        var model = NerModel.Load(path);
        if (!model.IsOk) { Console.Error.WriteLine($"dragoman: {model.Error}"); return 1; }
        Console.Error.WriteLine($"model {path} loaded in {sw.Elapsed.TotalMilliseconds:F0} ms");
        var read = NerCorpus.ReadSpec(settings.File);
        if (!read.IsOk) { Console.Error.WriteLine($"dragoman: {read.Error}"); return 1; }
        var result = NerEvaluation.Run(model.Value!, read.Value!, settings.Errors is null ? null : new StreamWriter(settings.Errors));
        var s = result.Scorer;
        var per = new Dictionary<string, object>();
        for (int c = 0; c < NerLabels.ClassCount; c++)
        {
            var cs = s.For(c);
            Console.WriteLine($"{NerLabels.Classes[c],-5} p {cs.Precision:F4} r {cs.Recall:F4} f1 {cs.F1:F4}  (tp {cs.TruePositives} fp {cs.FalsePositives} fn {cs.FalseNegatives})");
            per[NerLabels.Classes[c]] = new { p = Math.Round(cs.Precision, 4), r = Math.Round(cs.Recall, 4), f1 = Math.Round(cs.F1, 4) };
        }
        var m = s.Micro;
        Console.WriteLine($"micro p {m.Precision:F4} r {m.Recall:F4} f1 {m.F1:F4}; {s.Tokens} tokens tagged on one thread at {result.TokensPerSecond:F0} tokens/s (wall clock), {result.TokensPerCpuSecond:F0} tokens per CPU second");
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["task"] = "ner",
            ["file"] = settings.File,
            ["tokens"] = s.Tokens,
            ["micro_f1"] = Math.Round(m.F1, 4),
            ["micro_p"] = Math.Round(m.Precision, 4),
            ["micro_r"] = Math.Round(m.Recall, 4),
            ["per"] = per,
            ["tokens_per_s"] = Math.Round(result.TokensPerSecond),
            ["tokens_per_cpu_s"] = Math.Round(result.TokensPerCpuSecond),
        }));
        return 0;
    }
}
