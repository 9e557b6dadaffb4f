using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Dragoman.Ingest;
using Dragoman.Pipeline;
using Dragoman.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class IngestSettings : InputSettings, IStoreSettings
{
    [CommandArgument(0, "[PATH]")]
    [Description(Shapes)]
    public string[] Paths { get; init; } = [];

    [CommandOption("--db <FILE>")]
    [Description(StoreFiles.DbDescription)]
    [DefaultValue(StoreFiles.DefaultDb)]
    public string Db { get; init; } = StoreFiles.DefaultDb;

    public override Spectre.Console.ValidationResult Validate() =>
        Paths.Length == 0 && Urls is null ? Spectre.Console.ValidationResult.Error("name at least one PATH or URL, or --urls FILE") : base.Validate();
}

/// <summary>
/// Reads, processes in parallel and stores articles. Articles already stored (same content hash) are counted as
/// duplicates and not stored again. Ends with a summary line; exit code 1 when any input failed.
/// </summary>
public sealed class IngestCommand : Command<IngestSettings>
{
    public override int Execute(CommandContext context, IngestSettings settings, CancellationToken cancellationToken)
    {
        var pipeline = StandardPipeline.Build(settings.Resources());
        var inputs = settings.Inputs(settings.Paths).ToList();
        // a WARC or CSV file is split as the workers go (memory bounded by a record or row); other inputs are split first, for the total
        var items = inputs.Any(i => i.StreamedFile is not null)
            ? StoreIngest.Expand(inputs, settings.FieldMap)
            : StoreIngest.Prepare(inputs, settings.FieldMap);
        IEventStore store;
        try
        {
            store = StoreFiles.OpenForWrite(settings.Db);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Terminal.Fail($"cannot open database {settings.Db}: {ex.Message}");
        }
        using (store)
        {
            var ingest = new StoreIngest(store, pipeline, settings.PublishedDate) { Budget = settings.Budget() };
            var clock = Stopwatch.StartNew();
            Interrupts.Graceful(cancellationToken, "intake stops, what is processed is stored"); // loaded and open
            var pause = PauseAfter.FromEnvironment(cancellationToken);
            var summary = Terminal.IsInteractive
                ? WithProgressBar(ingest, items, pause, cancellationToken)
                : WithPlainLines(ingest, items, pause, cancellationToken);
            clock.Stop();
            StartTrace.Mark("ingest done");
            var db = StoreFiles.IsPostgres(settings.Db) ? Storage.Postgres.PostgresLocation.Redact(settings.Db) : settings.Db;
            try
            {
                Report(summary, clock.Elapsed, db);
            }
            catch (IOException ex)
            {
                // the articles are committed before the summary is written: say so, so a full disk does not read as a lost run
                return Terminal.Fail(string.Create(CultureInfo.InvariantCulture,
                    $"ingest: read {summary.Read}, stored {summary.Stored}, duplicate {summary.Duplicate}, failed {summary.Failed} into {db}, but the summary could not be written: {ex.Message}"));
            }
            if (summary.Cancelled)
            {
                var of = items is IReadOnlyCollection<InputItem> known ? $" of {known.Count}" : "";
                Console.Out.WriteLine($"ingest: interrupted after {summary.Read}{of} inputs; stored {summary.Stored}, duplicate {summary.Duplicate}, failed {summary.Failed}, not stored {summary.Interrupted}; the rest were not read");
                Console.Out.WriteLine("ingest: to finish, run the same command again: the articles stored are skipped as duplicates");
                return Interrupts.ExitCode;
            }
            return summary.Failed > 0 ? 1 : 0;
        }
    }

    private static IngestSummary WithProgressBar(StoreIngest ingest, IEnumerable<InputItem> items, PauseAfter pause, CancellationToken cancel)
    {
        IngestSummary? summary = null;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                int total = items is IReadOnlyCollection<InputItem> known ? known.Count : 0;
                var task = ctx.AddTask("ingest", maxValue: Math.Max(1, total));
                task.IsIndeterminate = total == 0;
                summary = ingest.Run(items, p =>
                {
                    if (total > 0) task.Value = p.Done;
                    else task.Description = $"ingest {p.Done}";
                    MemoryTrace.At(p.Done);
                    pause.At(p.Done);
                }, cancel);
            });
        return summary!;
    }

    private static IngestSummary WithPlainLines(StoreIngest ingest, IEnumerable<InputItem> items, PauseAfter pause, CancellationToken cancel)
    {
        int step = items is IReadOnlyCollection<InputItem> known ? Math.Max(1, known.Count / 10) : 1000;
        return ingest.Run(items, p =>
        {
            if (p.Done % step == 0 || p.Done == p.Total)
                Console.Error.WriteLine(p.Total > 0 ? $"ingest: {p.Done}/{p.Total}" : $"ingest: {p.Done}");
            MemoryTrace.At(p.Done);
            pause.At(p.Done);
        }, cancel);
    }

    /// <summary>
    /// DRAGOMAN_INGEST_PAUSE_AFTER=N: intake waits after the Nth input until the run is cancelled (Ctrl+C, SIGTERM), at
    /// most ten minutes. For tests of cancellation, whose signal must arrive while intake is under way however fast
    /// the machine is; unset, nothing waits.
    /// </summary>
    internal sealed class PauseAfter(int after, CancellationToken cancel)
    {
        public const string Variable = "DRAGOMAN_INGEST_PAUSE_AFTER";

        public static PauseAfter FromEnvironment(CancellationToken cancel) =>
            new(int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1, cancel);

        public void At(int done)
        {
            if (done != after) return;
            Console.Error.WriteLine($"ingest: paused after {done} inputs until cancelled ({Variable})");
            cancel.WaitHandle.WaitOne(TimeSpan.FromMinutes(10));
        }
    }

    internal static void Report(IngestSummary s, TimeSpan elapsed, string db)
    {
        foreach (var f in s.Failures)
            if (s.StoreError is null || !f.Reason.StartsWith("not stored: the store failed", StringComparison.Ordinal))
                Console.Out.WriteLine($"failed: {f.Input}: {f.Reason}");
        if (s.StoreError is not null)
            Console.Error.WriteLine($"dragoman: writing to {db} failed: {s.StoreError}; ingest stopped there, what was stored before is kept");
        foreach (var w in s.Warnings)
            Console.Out.WriteLine($"warning: {w.Input}: {w.Reason}");
        if (s.UnhandledLanguages.Count > 0)
            Console.Out.WriteLine($"ingest: {s.UnhandledLanguages.Values.Sum()} articles in languages the pipeline does not handle yet ({string.Join(", ", s.UnhandledLanguages.Select(p => $"{p.Key} {p.Value}"))})");
        var rate = elapsed.TotalSeconds > 0 ? s.Read / elapsed.TotalSeconds : 0;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest: read {s.Read}, stored {s.Stored}, duplicate {s.Duplicate}, failed {s.Failed} into {db} ({elapsed.TotalSeconds:0.0} s, {rate:0.0} articles/s)"));
    }
}
