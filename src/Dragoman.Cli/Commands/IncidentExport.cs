using Dragoman.Export;
using Dragoman.Storage;

namespace Dragoman.Cli.Commands;

/// <summary>`export` of incidents (acled-csv, gdelt-tsv, gdelt-mentions-tsv, jsonl without --reports): the same filters, output and cursor as the event export.</summary>
public static class IncidentExport
{
    public static async Task<int> Run(IEventStore store, ExportSettings settings, IIncidentExporter exporter, CancellationToken cancel)
    {
        var found = IncidentListing.Incidents(store);
        if (!found.IsOk) return Terminal.Fail(found.Error! + " (export --reports writes the per-article events)");
        var query = IncidentQuery.Of(settings.ToQuery()) with { Limit = int.MaxValue, Offset = 0 };
        if (query.Reports is { } reports && store.QueryEvents(reports with { Limit = 1 }) is { IsOk: false } bad) return Terminal.Fail(bad.Error!);
        int written = 0;
        long lastArticle = settings.SinceArticle ?? 0;
        // --since: incidents a newer article reported (new ones, and old ones with a new report).
        var rows = IncidentExporters.Enumerate(found.Value!, query)
            .Where(x => settings.SinceArticle is not long since || x.Events.Any(e => e.ArticleId > since))
            .Take(settings.Limit ?? int.MaxValue)
            .Select(x => { written++; lastArticle = Math.Max(lastArticle, x.Events.Max(e => e.ArticleId)); return x; });
        if (await ExportCommand.WriteOut(settings.Out, stream => exporter.WriteAsync(rows, stream, Interrupts.Graceful(cancel, "the unfinished export is removed")), () => $"{written} incident(s) read, {exporter.Format}") is { } failed)
            return failed;
        foreach (var (reason, count) in exporter.LeftOut.OrderByDescending(x => x.Value))
            Console.Error.WriteLine($"export: {count} incident(s) left out: {reason}");
        if (lastArticle > 0) Console.Error.WriteLine($"export: next incremental export: --since {StoreId.ArticleKey(lastArticle)}");
        return 0;
    }
}
