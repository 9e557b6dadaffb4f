using System.Globalization;
using System.Text.Json;
using Dragoman.Export;
using Dragoman.Storage;
using Spectre.Console;

namespace Dragoman.Cli.Commands;

/// <summary>`events` without --reports: one row per incident with its derived fields and "reported by N articles, M outlets".</summary>
public static class IncidentListing
{
    /// <summary>The store's incidents, or the reason it has none to list (a store kind that keeps no incident tables).</summary>
    public static Result<IIncidentStore> Incidents(IEventStore store) => store is IIncidentStore incidents
        ? Result<IIncidentStore>.Ok(incidents)
        : Result<IIncidentStore>.Fail("this store keeps no incidents (the merge stage's tables); list the per-article events with --reports");

    public static int Write(IEventStore store, EventsSettings settings)
    {
        var found = Incidents(store);
        if (!found.IsOk) return Terminal.Fail(found.Error!);
        var incidents = found.Value!;
        var query = settings.ToIncidentQuery();
        // An FTS query can be malformed: the event listing says so with the same filters.
        if (query.Reports is { } reports && store.QueryEvents(reports with { Limit = 1 }) is { IsOk: false } bad) return Terminal.Fail(bad.Error!);
        if (query.After is { } after && incidents.GetIncident(after) is null) return Terminal.Fail($"no incident {StoreId.IncidentKey(after)} to list after");
        var list = incidents.ListIncidents(query);
        string? more = null;
        if (!settings.NoLimit && list.Count > settings.Limit)
        {
            // Counted up to a bound: an exact total at a million events would list all of them.
            int total = incidents.ListIncidents(query with { Limit = EventsSettings.CountBound }).Count;
            list = [.. list.Take(settings.Limit)];
            more = EventsCommand.LimitNote(settings.Limit, total, EventsSettings.CountBound, "incidents", list[^1].Key);
        }
        var items = IncidentViews.Items(incidents, list);
        switch (settings.Format)
        {
            case "csv": WriteCsv(items, Console.Out); break;
            case "json": Console.Out.WriteLine(JsonSerializer.Serialize(items, IncidentViews.JsonIndented)); break;
            case "jsonl":
                foreach (var i in items) Console.Out.WriteLine(JsonSerializer.Serialize(i, IncidentViews.Json));
                break;
            default:
                if (items.Count == 0)
                {
                    var counts = store.Counts();
                    Console.Out.WriteLine(counts.Articles == 0
                        ? $"no incidents: {settings.Db} holds no articles yet (dragoman ingest PATH...)"
                        : counts.Events > 0 && incidents.ListIncidents(new IncidentQuery { All = true, Limit = 1 }).Count == 0
                            ? $"no incidents yet: the {counts.Events} events in {counts.Articles} articles were stored before merging; `dragoman remerge` merges them (--reports lists the events)"
                            : $"no incidents match ({counts.Events} events in {counts.Articles} articles; --reports lists the events)");
                }
                else if (Terminal.IsInteractive) WriteTable(items);
                else WriteTabs(items, Console.Out);
                break;
        }
        if (more is not null) (settings.Format == "table" && Terminal.IsInteractive ? Console.Out : Console.Error).WriteLine(more);
        return 0;
    }

    public static string DateText(IncidentItem i) => i.Date.From is null ? "undated"
        : i.Date.From == i.Date.To ? i.Date.From : $"{i.Date.From}..{i.Date.To}";

    public static string PlaceText(IncidentItem i) => i.Place is not { } p ? ""
        : (p.Name ?? "") + (p.Country is null ? "" : $" ({p.Country})");

    public static string TollText(IncidentItem i) => i.Killed is not { } k ? ""
        : k.Min == k.Max ? $"{k.Min} killed" : $"{k.Min}-{k.Max} killed (conservative {k.Conservative})";

    /// <summary>"actors -> targets"; a side nobody named is "?", so that a lone target never reads as the actor.</summary>
    public static string ActorsText(IncidentItem i) => (i.Actors.Count, i.Targets.Count) switch
    {
        (0, 0) => "",
        (_, 0) => string.Join("; ", i.Actors),
        (0, _) => "? -> " + string.Join("; ", i.Targets),
        _ => string.Join("; ", i.Actors) + " -> " + string.Join("; ", i.Targets),
    };

    private static void WriteTable(IReadOnlyList<IncidentItem> items)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("id").AddColumn("date").AddColumn("type").AddColumn("place").AddColumn("actors").AddColumn("killed").AddColumn("reported by");
        foreach (var i in items)
            table.AddRow(
                TerminalText.Markup(i.Id), TerminalText.Markup(DateText(i) + (i.Date.Precision is { } p && p != "day" ? $" ({p})" : "")),
                TerminalText.Markup(i.Type ?? i.Action), TerminalText.Markup(PlaceText(i)), TerminalText.Markup(ActorsText(i)),
                TerminalText.Markup(TollText(i)), TerminalText.Markup($"{i.Articles} articles, {i.Outlets} outlets"));
        AnsiConsole.Write(table);
        Console.Out.WriteLine($"{items.Count} incident(s); `dragoman show i7` for the reports, `--reports` for the per-article events");
    }

    /// <summary>The table's columns as tab-separated lines, for pipes.</summary>
    public static void WriteTabs(IReadOnlyList<IncidentItem> items, TextWriter w)
    {
        w.WriteLine("id\tdate\tprecision\taction\ttype\tplace\tactors\tkilled\treported_by");
        static string T(string? s) => TerminalText.Clean((s ?? "").Replace('\t', ' ').Replace('\n', ' '), keepLineBreaks: false);
        foreach (var i in items)
            w.WriteLine(string.Join('\t', T(i.Id), T(DateText(i)), T(i.Date.Precision), T(i.Action), T(i.Type), T(PlaceText(i)), T(ActorsText(i)),
                T(TollText(i)), T(i.ReportedBy)));
    }

    public static readonly string[] CsvColumns =
    [
        "id", "date_from", "date_to", "date_precision", "date_basis", "action", "acled_event_type", "family", "place_name", "lat", "lon",
        "country", "admin1", "place_precision", "actors", "targets", "killed_min", "killed_max", "fatalities", "reports", "articles", "outlets",
        "outlet_names", "first_reported", "last_reported",
    ];

    public static void WriteCsv(IEnumerable<IncidentItem> items, TextWriter w)
    {
        w.WriteLine(string.Join(',', CsvColumns));
        foreach (var i in items)
        {
            object?[] row =
            [
                i.Id, i.Date.From, i.Date.To, i.Date.Precision, i.Date.Basis, i.Action, i.Type, i.Family, i.Place?.Name, i.Place?.Lat, i.Place?.Lon,
                i.Place?.Country, i.Place?.Admin1, i.Place?.Precision, string.Join("; ", i.Actors), string.Join("; ", i.Targets),
                i.Killed?.Min, i.Killed?.Max, i.Killed?.Conservative, i.Reports, i.Articles, i.Outlets, string.Join("; ", i.OutletNames),
                i.FirstReported, i.LastReported,
            ];
            w.WriteLine(string.Join(',', row.Select(EventsCommand.Csv)));
        }
    }
}
