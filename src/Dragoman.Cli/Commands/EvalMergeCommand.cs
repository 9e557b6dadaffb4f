using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Dragoman.Ingest;
using Dragoman.Merge;
using Dragoman.Pipeline;
using Dragoman.Storage;
using Dragoman.Storage.Postgres;
using Dragoman.Storage.Sqlite;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class EvalMergeSettings : PipelineSettings
{
    [CommandArgument(0, "<DIR>")]
    [Description("A folder shaped like merge-gold: input.jsonl (articles), gold.jsonl (file -> incident), negatives.json (hard-negative incident pairs).")]
    public string Dir { get; init; } = "";

    [CommandOption("--part <PART>")]
    [Description("Which part's figures to print as lines: dev, held or all (the JSON line always has all three). Default: dev.")]
    [DefaultValue("dev")]
    public string Part { get; init; } = "dev";

    [CommandOption("--order <ORDER>")]
    [Description("Ingest (or re-merge) order: input (as in input.jsonl) or reverse, to measure the order effect.")]
    [DefaultValue("input")]
    public string Order { get; init; } = "input";

    [CommandOption("--no-merge")]
    [Description("The baseline: store without merging, every article alone.")]
    public bool NoMerge { get; init; }

    [CommandOption("--store <FILE>")]
    [Description("Reuse a store this command kept (--keep): merge its events again with the current code instead of ingesting.")]
    public string? Store { get; init; }

    [CommandOption("--keep <FILE>")]
    [Description("Keep the temporary store in FILE (for --store later).")]
    public string? Keep { get; init; }

    [CommandOption("--db <POSTGRES>")]
    [Description("Run on PostgreSQL (a connection string or postgres:// URL): the articles go into a temporary schema of that database, dropped afterwards. PostGIS and pg_trgm must be installed in its public schema.")]
    public string? Db { get; init; }

    [CommandOption("--threshold <SCORE>")]
    [Description("The merge threshold (average link score); default the shipped one. For measuring how sensitive the figures are to it.")]
    public double? Threshold { get; init; }

    [CommandOption("--model <FILE>")]
    [Description("Merge with this pair model (a file `train merge --out` wrote) instead of the shipped one, its threshold included unless --threshold is given. For cross-validation and weight sensitivity (tools/merge-cv.py).")]
    public string? Model { get; init; }

    [CommandOption("--errors")]
    [Description("Print each article's gold incident and predicted cluster to stderr.")]
    public bool Errors { get; init; }

    public override ValidationResult Validate()
    {
        if (Part is not ("dev" or "held" or "all")) return ValidationResult.Error($"--part must be dev, held or all, not '{Part}'");
        if (Order is not ("input" or "reverse")) return ValidationResult.Error($"--order must be input or reverse, not '{Order}'");
        if (Db is not null && !StoreFiles.IsPostgres(Db)) return ValidationResult.Error("--db must be a PostgreSQL connection string or postgres:// URL (the SQLite run needs no --db)");
        if (Db is not null && (Store is not null || Keep is not null)) return ValidationResult.Error("--db runs in a temporary schema; --store and --keep are for SQLite files");
        if (Model is not null && !File.Exists(Model)) return ValidationResult.Error($"--model: no pair model at {Model}");
        return base.Validate();
    }
}

/// <summary>
/// Scores cross-article merging on a merge-gold folder: ingests input.jsonl into a temporary store (merging as it
/// stores), labels each article with the incident of its main event (its first main event of political violence, else of another mergeable family; the events
/// stage's own main-event flag will replace this when it lands) and scores pairwise and B-cubed per part
/// (data/merge/merge-gold-held.txt). The last stdout line is one JSON object: the development part's figures at the top
/// level, "held" and "all" as objects.
/// </summary>
public sealed class EvalMergeCommand : Command<EvalMergeSettings>
{
    public override int Execute(CommandContext context, EvalMergeSettings settings, CancellationToken cancellationToken)
    {
        var (folder, error) = MergeGoldStore.Read(settings.Dir);
        if (folder is null) return Terminal.Fail(error!);
        var (input, gold, negatives, held) = (folder.Input, folder.Gold, folder.Negatives, folder.Held);
        bool reverse = settings.Order == "reverse";
        if (settings.Model is { } modelPath)
        {
            var model = PairModel.Load(modelPath);
            if (!model.IsOk) return Terminal.Fail(model.Error!);
            PairModel.UseInstead(model.Value!);
        }

        string db = settings.Store ?? settings.Keep ?? Path.Combine(Path.GetTempPath(), $"dragoman-eval-merge-{Guid.NewGuid():N}.db");
        if (settings.Db is null && settings.Store is null && File.Exists(db)) return Terminal.Fail($"{db} exists; --keep writes a new store");
        PostgresScratchSchema? scratch = null;
        if (settings.Db is not null)
        {
            var cs = PostgresLocation.ConnectionString(settings.Db);
            if (!cs.IsOk) return Terminal.Fail(cs.Error!);
            try { scratch = new PostgresScratchSchema(cs.Value!, "dragoman_eval"); }
            catch (Npgsql.NpgsqlException ex) { return Terminal.Fail($"PostgreSQL at {PostgresLocation.Redact(settings.Db)}: {ex.Message}"); }
        }
        try
        {
            using var store = scratch is not null ? PostgresEventStore.Open(scratch.ConnectionString) : (IEventStore)SqliteEventStore.Open(db);
            var incidents = (IIncidentStore)store;
            incidents.MergeOnAdd = !settings.NoMerge;
            if (settings.Threshold is { } t) incidents.MergeThreshold = t;
            if (settings.Store is not null)
            {
                if (!settings.NoMerge) incidents.Remerge(reverse);
            }
            else
            {
                Console.WriteLine(MergeGoldStore.Ingest(store, input, settings, reverse, cancellationToken));
            }
            var predicted = Label(store, incidents, settings.NoMerge);
            if (settings.Errors)
                foreach (var a in gold.OrderBy(a => a.Incident, StringComparer.Ordinal))
                    Console.Error.WriteLine($"{a.File}\t{(held.Contains(a.Incident) ? "held" : "dev")}\t{a.Incident}\t{predicted.GetValueOrDefault(a.File, "-")}");
            var dev = MergeEvaluation.Score([.. gold.Where(a => !held.Contains(a.Incident))], predicted, negatives);
            var heldScores = MergeEvaluation.Score([.. gold.Where(a => held.Contains(a.Incident))], predicted, negatives);
            var all = MergeEvaluation.Score(gold, predicted, negatives);
            var shown = settings.Part switch { "held" => heldScores, "all" => all, _ => dev };
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{settings.Part} ({shown.Articles} articles): pairwise P {shown.PairPrecision:F3} R {shown.PairRecall:F3} F1 {shown.PairF1:F3}; " +
                $"B-cubed P {shown.BCubedPrecision:F3} R {shown.BCubedRecall:F3} F1 {shown.BCubedF1:F3}; hard-negative pairs merged {shown.HardNegativePairsMerged} of {shown.HardNegativePairs}"));
            var json = Json(dev);
            json["task"] = "merge";
            json["order"] = settings.Order;
            json["merge"] = !settings.NoMerge;
            json["threshold"] = incidents.MergeThreshold;
            json["store"] = scratch is null ? "sqlite" : "postgres";
            json["held"] = Json(heldScores);
            json["all"] = Json(all);
            Console.WriteLine(JsonSerializer.Serialize(json));
            return 0;
        }
        finally
        {
            scratch?.Dispose();
            if (settings.Db is null && settings.Store is null && settings.Keep is null)
                foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
        }
    }

    /// <summary>Each stored article's cluster, keyed by the file name its URI ends with.</summary>
    private static Dictionary<string, string> Label(IEventStore store, IIncidentStore incidents, bool alone)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, id, eventId) in MergeGoldStore.MainEvents(store))
            labels[file] = !alone && eventId is not null && incidents.IncidentOf(id, eventId) is long incident
                ? StoreId.IncidentKey(incident)
                : StoreId.ArticleKey(id);
        return labels;
    }

    private static Dictionary<string, object> Json(MergeScores s) => new()
    {
        ["articles"] = s.Articles,
        ["pairwise_precision"] = Math.Round(s.PairPrecision, 4), ["pairwise_recall"] = Math.Round(s.PairRecall, 4),
        ["pairwise_f1"] = Math.Round(s.PairF1, 4),
        ["bcubed_precision"] = Math.Round(s.BCubedPrecision, 4), ["bcubed_recall"] = Math.Round(s.BCubedRecall, 4),
        ["bcubed_f1"] = Math.Round(s.BCubedF1, 4),
        ["hard_negative_pairs"] = s.HardNegativePairs, ["hard_negative_pairs_merged"] = s.HardNegativePairsMerged,
    };
}
