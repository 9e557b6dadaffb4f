using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Dragoman.Ingest;
using Dragoman.Output;
using Dragoman.Pipeline;
using Dragoman.Storage;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class BenchSettings : InputSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("The corpus: files, folders, JSON Lines or CSV (such as ../shared/data/fa-kes/fakes.dev.csv).")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--db <FILE>")]
    [Description("Store into this database (one run). Default: a fresh temporary database per run, deleted afterwards.")]
    public string? Db { get; init; }

    [CommandOption("--seed-db <FILE>")]
    [Description("Start every run from a fresh copy of this SQLite store (to time ingest into a store that already holds many events; tools/merge-scale-bench.sh).")]
    public string? SeedDb { get; init; }

    [CommandOption("--no-merge")]
    [Description("Store without merging events into incidents (to measure what merging costs).")]
    public bool NoMerge { get; init; }

    [CommandOption("--runs <N>")]
    [Description("Repeat the whole run N times, each into a fresh temporary database (default 1; the first run includes start-up JIT).")]
    [DefaultValue(1)]
    public int Runs { get; init; } = 1;

    public override Spectre.Console.ValidationResult Validate()
    {
        if (Runs < 1) return Spectre.Console.ValidationResult.Error("--runs must be 1 or more");
        if (Db is not null && Runs != 1) return Spectre.Console.ValidationResult.Error("--db takes one run; leave --db out to repeat into temporary databases");
        if (SeedDb is not null && Db is not null) return Spectre.Console.ValidationResult.Error("--seed-db and --db exclude each other: --seed-db copies the store for every run");
        if (SeedDb is not null && !File.Exists(SeedDb)) return Spectre.Console.ValidationResult.Error($"--seed-db {SeedDb}: no such file");
        return base.Validate();
    }
}

/// <summary>
/// Runs the whole path (read, pipeline, store into SQLite) over a corpus and prints articles/s, tokens/s and peak memory.
/// Inputs are read from disk before the clock starts; the clock covers processing and storing. Last line: one JSON object.
/// </summary>
public sealed class BenchCommand : Command<BenchSettings>
{
    public override int Execute(CommandContext context, BenchSettings settings, CancellationToken cancellationToken)
    {
        var load = Stopwatch.StartNew();
        var stages = new StageClock();
        var pipeline = StandardPipeline.Build(settings.Resources()).Timed(stages);
        load.Stop();
        var items = StoreIngest.Prepare(settings.Inputs(settings.Paths), settings.FieldMap);
        long inputBytes = items.Sum(i => (long)(i.Raw?.Bytes.Length ?? 0));
        Console.Out.WriteLine($"bench: {items.Count} inputs ({inputBytes / 1024.0 / 1024.0:0.00} MiB), {Environment.ProcessorCount} cores, pipeline [{string.Join(", ", pipeline.Components.Select(c => c.Name))}] built in {load.Elapsed.TotalMilliseconds:0} ms");

        JsonObject? last = null;
        int failed = 0;
        for (int run = 1; run <= settings.Runs; run++)
        {
            var db = settings.Db ?? Path.Combine(Path.GetTempPath(), $"dragoman-bench-{Environment.ProcessId}-{run}.db");
            if (settings.SeedDb is not null) File.Copy(settings.SeedDb, db, overwrite: true);
            stages.Reset();
            var gcBefore = GC.CollectionCount(0);
            var allocBefore = GC.GetTotalAllocatedBytes();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            IngestSummary summary;
            using (var store = StoreFiles.OpenForWrite(db))
            {
                if (store is IIncidentStore incidents) incidents.MergeOnAdd = !settings.NoMerge;
                summary = new StoreIngest(store, pipeline, settings.PublishedDate) { Budget = settings.Budget() }.Run(items, null, cancellationToken);
            }
            clock.Stop();
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var dbBytes = StoreFiles.IsPostgres(db) ? 0 : new FileInfo(db).Length;
            if (settings.Db is null) DeleteDb(db);
            failed = summary.Failed;
            var secs = Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
            using var proc = Process.GetCurrentProcess();
            proc.Refresh();
            last = new JsonObject
            {
                ["task"] = "bench",
                ["run"] = run,
                ["articles"] = summary.Read,
                ["stored"] = summary.Stored,
                ["duplicate"] = summary.Duplicate,
                ["failed"] = summary.Failed,
                ["tokens"] = summary.Tokens,
                ["chars"] = summary.Characters,
                ["seconds"] = Math.Round(secs, 3),
                ["articles_per_s"] = Math.Round(summary.Read / secs, 1),
                ["tokens_per_s"] = Math.Round(summary.Tokens / secs, 0),
                ["mb_text_per_s"] = Math.Round(summary.Characters / secs / 1e6, 3),
                ["peak_working_set_mb"] = Math.Round(proc.PeakWorkingSet64 / 1048576.0, 1),
                ["cpu_s"] = Math.Round(cpu, 3),
                ["articles_per_cpu_s"] = Math.Round(summary.Read / Math.Max(cpu, 1e-9), 1),
                ["store_write_s"] = Math.Round(summary.WriteTime.TotalSeconds, 3),
                ["merge"] = !settings.NoMerge,
                ["managed_heap_mb"] = Math.Round(GC.GetTotalMemory(false) / 1048576.0, 1),
                ["allocated_mb"] = Math.Round((GC.GetTotalAllocatedBytes() - allocBefore) / 1048576.0, 1),
                ["gen0_collections"] = GC.CollectionCount(0) - gcBefore,
                ["db_mb"] = Math.Round(dbBytes / 1048576.0, 2),
                ["cores"] = Environment.ProcessorCount,
                ["stage_s"] = StageSeconds(pipeline, stages.Seconds()),
                ["stage_cpu_s"] = StageSeconds(pipeline, stages.CpuSeconds()),
                ["stage_allocated_mb"] = StageSeconds(pipeline, stages.AllocatedMiB()),
            };
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: {summary.Read} articles ({summary.Stored} stored, {summary.Duplicate} duplicate, {summary.Failed} failed) in {secs:0.000} s: " +
                $"{summary.Read / secs:0.0} articles/s, {summary.Tokens / secs:0} tokens/s; peak working set {proc.PeakWorkingSet64 / 1048576.0:0} MiB, " +
                $"allocated {(GC.GetTotalAllocatedBytes() - allocBefore) / 1048576.0:0} MiB; store writes {summary.WriteTime.TotalSeconds:0.000} s; CPU {cpu:0.000} s ({summary.Read / Math.Max(cpu, 1e-9):0} articles per CPU-second)"));
            Console.Out.WriteLine("  stage seconds, summed over threads: " + string.Join(", ", pipeline.Components.Select(c =>
                string.Create(CultureInfo.InvariantCulture, $"{c.Name} {stages.Seconds().GetValueOrDefault(c.Name):0.000}"))));
            if (stages.CpuSeconds().Count > 0)
                Console.Out.WriteLine("  stage CPU seconds, summed over threads: " + string.Join(", ", pipeline.Components.Select(c =>
                    string.Create(CultureInfo.InvariantCulture, $"{c.Name} {stages.CpuSeconds().GetValueOrDefault(c.Name):0.000}"))));
            Console.Out.WriteLine("  stage MiB allocated: " + string.Join(", ", pipeline.Components.Select(c =>
                string.Create(CultureInfo.InvariantCulture, $"{c.Name} {stages.AllocatedMiB().GetValueOrDefault(c.Name):0.0}"))));
            foreach (var f in summary.Failures.Take(10)) Console.Out.WriteLine($"  failed: {f.Input}: {f.Reason}");
        }
        Console.Out.WriteLine(last!.ToJsonString(DocumentJson.Compact));
        return failed > 0 ? 1 : 0;
    }

    private static JsonObject StageSeconds(DocumentPipeline pipeline, IReadOnlyDictionary<string, double> seconds)
    {
        var o = new JsonObject();
        foreach (var c in pipeline.Components) o[c.Name] = Math.Round(seconds.GetValueOrDefault(c.Name), 3);
        return o;
    }

    private static void DeleteDb(string db)
    {
        foreach (var f in new[] { db, db + "-wal", db + "-shm" })
            try { File.Delete(f); } catch (IOException) { }
    }
}

/// <summary>
/// `bench` is a branch (`bench time ...`) whose default command takes paths, but Spectre.Console.Cli reads the first
/// path after a branch as an unknown subcommand. `bench PATH...` is therefore routed to the hidden `bench run PATH...`.
/// </summary>
public static class BenchArguments
{
    public const string RunCommand = "run";
    private static readonly string[] Subcommands = [RunCommand, "time", "scale", "warc"];

    public static string[] RouteToDefault(string[] args) =>
        args.Length > 1 && args[0] == "bench" && !Subcommands.Contains(args[1]) && args[1] is not ("-h" or "--help" or "-?")
            ? [args[0], RunCommand, .. args[1..]]
            : args;
}
