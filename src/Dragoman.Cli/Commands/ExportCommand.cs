using System.ComponentModel;
using System.Globalization;
using Dragoman.Export;
using Dragoman.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class ExportSettings : EventFilterSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("acled-csv, gdelt-tsv, gdelt-mentions-tsv, plover-json, geojson, parquet or jsonl (column mappings: docs/exports.md).")]
    public string Format { get; init; } = "";

    [CommandOption("--reports")]
    [Description("acled-csv, gdelt-tsv, jsonl: one row per stored per-article event (jsonl: with its article's uri and its incident) instead of one per incident.")]
    public bool Reports { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Write to FILE instead of standard output (parquet needs a file or a pipe; it is buffered for a pipe).")]
    public string? Out { get; init; }

    [CommandOption("--min-confidence <X>")]
    [Description("Only events with confidence at least X (0..1).")]
    public double? MinConfidence { get; init; }

    [CommandOption("--bbox <S,W,N,E>")]
    [Description("Only events whose place lies in this box: south,west,north,east in degrees.")]
    public string? Bbox { get; init; }

    [CommandOption("--limit <N>")]
    [Description("At most N events (default: all).")]
    public int? Limit { get; init; }

    [CommandOption("--since <ARTICLE>")]
    [Description("Incremental export: only events of articles stored after article ARTICLE (a123). Each export ends by printing the --since that continues it.")]
    public string? Since { get; init; }

    public override ValidationResult Validate()
    {
        if (EventExporters.Find(Format) is null && IncidentExporters.Find(Format) is null)
            return ValidationResult.Error($"--format must be one of {EventExporters.Names}|gdelt-mentions-tsv, not '{Format}'");
        if (ValidateFilters() is { } problem) return problem;
        if (MinConfidence is < 0 or > 1) return ValidationResult.Error("--min-confidence must be between 0 and 1");
        if (Bbox is not null && BoundingBox.Parse(Bbox) is { IsOk: false } box) return ValidationResult.Error("--bbox: " + box.Error);
        if (Limit is < 1) return ValidationResult.Error("--limit must be 1 or more");
        if (Since is not null && SinceArticle is null)
            return ValidationResult.Error($"--since takes an article number as `dragoman events` prints it (a123), not '{Since}'");
        return ValidationResult.Success();
    }

    /// <summary>The article number of --since: articles are numbered in the order they were stored, so later ones are new.</summary>
    public long? SinceArticle => Since is null ? null
        : StoreId.Parse(Since) is { IsOk: true, Value: { ArticleNumber: long n, IsEvent: false } } ? n : null;

    public EventQuery ToQuery() => FilterQuery() with { MinConfidence = MinConfidence, Box = Bbox is null ? null : BoundingBox.Parse(Bbox).Value };

    /// <summary>The incident exporter of --format, unless --reports asks for per-article events (the Mentions table is per report anyway).</summary>
    public IIncidentExporter? IncidentExporter => Reports && Format != "gdelt-mentions-tsv" ? null : IncidentExporters.Find(Format);
}

/// <summary>Writes the stored events a filter matches in an analyst's format (docs/exports.md).</summary>
public sealed class ExportCommand : AsyncCommand<ExportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ExportSettings settings, CancellationToken cancellationToken)
    {
        var opened = StoreFiles.OpenExisting(settings.Db);
        if (!opened.IsOk) return Terminal.Fail(opened.Error!);
        using var store = opened.Value!;
        if (settings.IncidentExporter is { } incidentExporter) return await IncidentExport.Run(store, settings, incidentExporter, cancellationToken);
        var exporter = EventExporters.Find(settings.Format)!;
        EventIncidents? lookup = null;
        exporter = exporter switch
        {
            AcledCsvExporter => new AcledCsvExporter { IncludeNotOccurred = settings.All },
            GdeltTsvExporter => new GdeltTsvExporter { IncludeNotOccurred = settings.All },
            JsonLinesExporter when IncidentView.Incidents(store) is { } incidents => new JsonLinesExporter { IncidentOf = (lookup = new EventIncidents(incidents)).Of },
            PolecatTsvExporter => new PolecatTsvExporter { IncludeNotOccurred = settings.All },
            _ => exporter,
        };
        var query = settings.ToQuery();
        // Check the filter (an FTS query can be malformed) before creating the output file.
        var probe = store.QueryEvents(query with { Limit = 1 });
        if (!probe.IsOk) return Terminal.Fail(probe.Error!);
        int written = 0;
        long lastArticle = settings.SinceArticle ?? 0;
        var events = EventExporters.Enumerate(store, query, settings.Limit)
            .Where(e => settings.SinceArticle is not long since || e.ArticleId > since)
            .Select(e => { written++; lastArticle = Math.Max(lastArticle, e.ArticleId); return e; });
        if (lookup is not null) events = lookup.Prefetch(events);
        if (await WriteOut(settings.Out, stream => exporter.WriteAsync(events, stream, Interrupts.Graceful(cancellationToken, "the unfinished export is removed")), () => $"{written} event(s) read, {exporter.Format}") is { } failed)
            return failed;
        var leftOut = exporter switch
        {
            AcledCsvExporter a => a.LeftOut,
            GdeltTsvExporter g => g.LeftOut,
            PolecatTsvExporter p => p.LeftOut,
            _ => new Dictionary<string, int>(),
        };
        foreach (var (reason, count) in leftOut.OrderByDescending(x => x.Value))
            Console.Error.WriteLine($"export: {count} event(s) left out: {reason}");
        // the cursor for the next incremental export: the newest article whose events were read
        if (lastArticle > 0) Console.Error.WriteLine($"export: next incremental export: --since {StoreId.ArticleKey(lastArticle)}");
        return 0;
    }

    /// <summary>
    /// Writes to <paramref name="path"/> (through a .part file, moved into place when complete and deleted when the write
    /// fails, then a note on standard error) or to standard output. Returns the exit code of a failed write, null when written.
    /// </summary>
    internal static async Task<int?> WriteOut(string? path, Func<Stream, Task> write, Func<string> done)
    {
        try
        {
            if (path is not null)
            {
                var tmp = path + ".part";
                try
                {
                    await using (var file = File.Create(tmp))
                        await write(file);
                    File.Move(tmp, path, overwrite: true);
                }
                catch
                {
                    // a failed or cancelled export leaves nothing behind: not the file, not its unfinished part
                    File.Delete(tmp);
                    throw;
                }
                Console.Error.WriteLine($"export: {done()} written to {path}");
            }
            else
            {
                await using var stdout = Console.OpenStandardOutput();
                await write(stdout);
            }
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Terminal.Fail($"cannot write {path ?? "standard output"}: {ex.Message}");
        }
    }
}
