using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Dragoman.Ingest;
using Dragoman.Pipeline;
using Dragoman.Storage.Postgres;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

/// <summary>The --db of the work-queue commands: a PostgreSQL server (the queue lives in the store's database).</summary>
public class QueueSettings : PipelineSettings
{
    [CommandOption("--db <POSTGRES>")]
    [Description("The PostgreSQL store and queue: a connection string (Host=...;Database=...) or a postgres:// URL.")]
    public string Db { get; init; } = "";

    public override ValidationResult Validate()
    {
        if (!StoreFiles.IsPostgres(Db))
            return ValidationResult.Error("the work queue lives in PostgreSQL: pass --db with a connection string or postgres:// URL");
        return base.Validate();
    }

    /// <summary>Opens the store and its queue, or says why not (the message is printed; null returned).</summary>
    public (PostgresEventStore Store, WorkQueue Queue)? Open()
    {
        try
        {
            var store = StoreFiles.OpenPostgres(Db);
            return (store, new WorkQueue(store));
        }
        catch (InvalidOperationException ex)
        {
            Terminal.Fail("cannot open database: " + ex.Message);
            return null;
        }
    }
}

public sealed class EnqueueSettings : QueueSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("Files, folders (recursive), globs; a CSV or JSON Lines file is split into jobs of --records records.")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--records <N>")]
    [Description("Records of a CSV / JSON Lines file per job (default 25).")]
    [DefaultValue(25)]
    public int Records { get; init; } = 25;

    [CommandOption("--max-attempts <N>")]
    [Description("Attempts before a job stops as failed with its error kept (default 3).")]
    [DefaultValue(3)]
    public int MaxAttempts { get; init; } = 3;

    public override ValidationResult Validate() =>
        Records < 1 || MaxAttempts < 1 ? ValidationResult.Error("--records and --max-attempts must be 1 or more") : base.Validate();
}

/// <summary>Splits inputs into jobs on the queue: one per file, one per record range of a CSV or JSON Lines file.</summary>
public sealed class EnqueueCommand : Command<EnqueueSettings>
{
    public override int Execute(CommandContext context, EnqueueSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Open() is not var (store, queue)) return 1;
        using (store)
        {
            var (added, existing) = queue.Enqueue(InputSources.Expand(settings.Paths), settings.Records, settings.MaxAttempts);
            Console.Out.WriteLine($"enqueue: {added} jobs added, {existing} already queued");
            return 0;
        }
    }
}

public sealed class WorkerSettings : QueueSettings
{
    [CommandOption("--concurrency <N>")]
    [Description("Jobs this process runs at once (default: the number of cores).")]
    public int? Concurrency { get; init; }

    [CommandOption("--exit-when-empty")]
    [Description("Stop when no job is queued or running; otherwise wait for new jobs until Ctrl+C.")]
    public bool ExitWhenEmpty { get; init; }

    [CommandOption("--lease <SECONDS>")]
    [Description("How long a claimed job is this worker's before others may take it over; renewed while the job runs (default 60).")]
    [DefaultValue(60)]
    public int LeaseSeconds { get; init; } = 60;

    public override ValidationResult Validate() =>
        Concurrency is < 1 || LeaseSeconds < 3 ? ValidationResult.Error("--concurrency must be 1 or more and --lease 3 seconds or more") : base.Validate();
}

/// <summary>A stateless worker: claims jobs with a lease, processes them, commits results and checkpoint in one transaction.</summary>
public sealed class WorkerCommand : Command<WorkerSettings>
{
    public override int Execute(CommandContext context, WorkerSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Open() is not var (store, queue)) return 1;
        using (store)
        {
            var pipeline = StandardPipeline.Build(settings.Resources());
            var name = $"{Environment.MachineName}:{Environment.ProcessId}";
            int n = settings.Concurrency ?? Environment.ProcessorCount;
            int stored = 0, duplicate = 0, failed = 0, jobs = 0, errors = 0;
            var clock = Stopwatch.StartNew();
            Interrupts.Graceful(cancellationToken, "the job in hand goes back to the queue");
            var loops = Enumerable.Range(1, n).Select(i => Task.Run(() =>
            {
                var worker = new QueueWorker(queue, pipeline, settings.PublishedDate, $"{name}/{i}", TimeSpan.FromSeconds(settings.LeaseSeconds));
                while (!cancellationToken.IsCancellationRequested)
                {
                    var outcome = worker.RunOne(cancellationToken);
                    if (outcome is null)
                    {
                        if (settings.ExitWhenEmpty && queue.Unfinished() == 0) return;
                        cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
                        continue;
                    }
                    Interlocked.Increment(ref jobs);
                    Interlocked.Add(ref stored, outcome.Stored);
                    Interlocked.Add(ref duplicate, outcome.Duplicate);
                    Interlocked.Add(ref failed, outcome.Failed);
                    var where = outcome.Job.RecordCount is int c ? $"{outcome.Job.Source} records {outcome.Job.FirstRecord}..{outcome.Job.FirstRecord + c - 1}" : outcome.Job.Source;
                    if (outcome.Error is not null) { Interlocked.Increment(ref errors); Console.Out.WriteLine($"job {outcome.Job.Id} ({where}): error, given back: {outcome.Error}"); }
                    else if (outcome.Commit == JobCommit.LeaseLost) Console.Out.WriteLine($"job {outcome.Job.Id} ({where}): lease lost to another worker, nothing written");
                    else Console.Out.WriteLine($"job {outcome.Job.Id} ({where}): stored {outcome.Stored}, duplicate {outcome.Duplicate}, failed {outcome.Failed}");
                }
            }, CancellationToken.None)).ToArray();
            Task.WaitAll(loops, CancellationToken.None);
            var secs = Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"worker: {jobs} jobs, stored {stored}, duplicate {duplicate}, failed {failed}, job errors {errors} ({secs:0.0} s, {(stored + duplicate + failed) / secs:0.0} articles/s)"));
            if (cancellationToken.IsCancellationRequested)
            {
                Console.Out.WriteLine("worker: interrupted; the job in hand was given back to the queue, nothing of it written (any worker takes it again)");
                return Interrupts.ExitCode;
            }
            return 0;
        }
    }
}

public sealed class JobsSettings : QueueSettings
{
    [CommandOption("--state <STATE>")]
    [Description("List only jobs in this state: queued, running, done, failed (default: all but done).")]
    public string? State { get; init; }

    [CommandOption("--limit <N>")]
    [DefaultValue(50)]
    public int Limit { get; init; } = 50;
}

/// <summary>Shows the queue: jobs per state, then the jobs not done (or those of --state) with their worker, lease and error.</summary>
public sealed class JobsCommand : Command<JobsSettings>
{
    public override int Execute(CommandContext context, JobsSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Open() is not var (store, queue)) return 1;
        using (store)
        {
            var counts = queue.CountByState();
            Console.Out.WriteLine("jobs: " + string.Join(", ", new[] { "queued", "running", "done", "failed" }.Select(s => $"{s} {counts.GetValueOrDefault(s)}")));
            var rows = settings.State is { } st ? queue.List(st, settings.Limit)
                : [.. queue.List("failed", settings.Limit), .. queue.List("running", settings.Limit), .. queue.List("queued", settings.Limit)];
            foreach (var j in rows.Take(settings.Limit))
            {
                var range = j.RecordCount is int c ? $" records {j.FirstRecord}..{j.FirstRecord + c - 1}" : "";
                var lease = j.State == "running" && j.LeaseUntil is { } until ? $" worker {j.Worker}, lease until {until.UtcDateTime:HH:mm:ss}Z" : "";
                var error = j.LastError is { } e ? $" error: {e}" : "";
                var done = j.State == "done" ? $" stored {j.Stored}, duplicate {j.Duplicate}, failed {j.Failed}" : "";
                Console.Out.WriteLine($"{j.Id}\t{j.State}\tattempt {j.Attempts}/{j.MaxAttempts}\t{j.Source}{range}{lease}{done}{error}");
            }
            return 0;
        }
    }
}
