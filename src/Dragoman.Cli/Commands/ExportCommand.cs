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
    [Description("acled-csv, gdelt-tsv, plover-json, geojson, parquet or jsonl (column mappings: docs/exports.md).")]
    public string Format { get; init; } = "";

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
        if (EventExporters.Find(Format) is null) return ValidationResult.Error($"--format must be one of {EventExporters.Names}, not '{Format}'");
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
}

/// <summary>Writes the stored events a filter matches in an analyst's format (docs/exports.md).</summary>
public sealed class ExportCommand : AsyncCommand<ExportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ExportSettings settings, CancellationToken cancellationToken)
    {
        var opened = StoreFiles.OpenExisting(settings.Db);
        if (!opened.IsOk) return Terminal.Fail(opened.Error!);
        using var store = opened.Value!;
        var exporter = EventExporters.Find(settings.Format)!;
        exporter = exporter switch
        {
            AcledCsvExporter => new AcledCsvExporter { IncludeNotOccurred = settings.All },
            GdeltTsvExporter => new GdeltTsvExporter { IncludeNotOccurred = settings.All },
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
        try
        {
            if (settings.Out is { } path)
            {
                var tmp = path + ".part";
                await using (var file = File.Create(tmp))
                    await exporter.WriteAsync(events, file, cancellationToken);
                File.Move(tmp, path, overwrite: true);
                Console.Error.WriteLine($"export: {written} event(s) read, {exporter.Format} written to {path}");
            }
            else
            {
                await using var stdout = Console.OpenStandardOutput();
                await exporter.WriteAsync(events, stdout, cancellationToken);
            }
        }
        catch (IOException ex)
        {
            return Terminal.Fail($"cannot write {settings.Out ?? "standard output"}: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return Terminal.Fail($"cannot write {settings.Out}: {ex.Message}");
        }
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
}
