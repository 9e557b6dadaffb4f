using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Dragoman.Output;
using Dragoman.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class EventsSettings : EventFilterSettings
{
    public const int DefaultLimit = 100;

    [CommandOption("--limit <N>")]
    [Description("At most N events (default 100; the output says when more match).")]
    [DefaultValue(DefaultLimit)]
    public int Limit { get; init; } = DefaultLimit;

    [CommandOption("--no-limit")]
    [Description("Every matching event, no limit (--all is about which events: main ones or every one).")]
    public bool NoLimit { get; init; }

    [CommandOption("--reports")]
    [Description("List the per-article events (each a report of an incident) instead of the incidents.")]
    public bool Reports { get; init; }

    [CommandOption("--after <ID>")]
    [Description("The page after this one: an event id (a12:ev3) with --reports, else an incident id (i7), as the last row of the page before; stays fast at any depth.")]
    public string? After { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("table (default), csv, json (one array) or jsonl (one object a line).")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    public override ValidationResult Validate()
    {
        if (Format is not ("table" or "csv" or "json" or "jsonl")) return ValidationResult.Error($"--format must be table, csv, json or jsonl, not '{Format}'");
        if (ValidateFilters() is { } problem) return problem;
        if (Limit < 1) return ValidationResult.Error("--limit must be 1 or more");
        if (After is not null && (Reports ? EventAfter() is null : StoreId.ParseIncident(After) is null))
            return ValidationResult.Error(Reports
                ? $"--after with --reports takes an event id such as a12:ev3 (the last row of the page before), not '{After}'"
                : $"--after takes an incident id such as i7 (the last row of the page before; with --reports an event id), not '{After}'");
        return ValidationResult.Success();
    }

    /// <summary>The event cursor of --after (a12:ev3), or null when it names no event by article number and id.</summary>
    private EventCursor? EventAfter() =>
        StoreId.Parse(After) is { IsOk: true, Value: { ArticleNumber: { } article, EventId: { } ev } } ? new EventCursor(article, ev) : null;

    /// <summary>One more than the limit, so that the command knows whether more match.</summary>
    public EventQuery ToQuery() => FilterQuery() with { Limit = NoLimit ? int.MaxValue : Limit + 1, After = After is null ? null : EventAfter() };

    /// <summary>The incidents the filters select (one more than the limit): dates on the incident, the others on its reports.</summary>
    public IncidentQuery ToIncidentQuery() => IncidentQuery.Of(FilterQuery()) with
    {
        Limit = NoLimit ? int.MaxValue : Limit + 1,
        After = After is null ? null : StoreId.ParseIncident(After),
    };

    /// <summary>How far a full page's "N of M" counts: an exact total at a million events would walk all of them.</summary>
    public const int CountBound = 10_000;
}

/// <summary>Lists incidents (or with --reports the stored per-article events), filtered, as a table (terminal), CSV or JSON Lines.</summary>
public sealed class EventsCommand : Command<EventsSettings>
{
    public override int Execute(CommandContext context, EventsSettings settings, CancellationToken cancellationToken)
    {
        var opened = StoreFiles.OpenExisting(settings.Db);
        if (!opened.IsOk) return Terminal.Fail(opened.Error!);
        using var store = opened.Value!;
        if (!settings.Reports) return IncidentListing.Write(store, settings);
        var query = settings.ToQuery();
        var result = store.QueryEvents(query);
        if (!result.IsOk) return Terminal.Fail(result.Error!);
        var events = result.Value!;
        string? more = null;
        if (!settings.NoLimit && events.Count > settings.Limit)
        {
            // Counted only when the page is full, and only up to a bound (a count, not a listing).
            var total = store.CountEvents(query, EventsSettings.CountBound);
            if (!total.IsOk) return Terminal.Fail(total.Error!);
            events = [.. events.Take(settings.Limit)];
            more = LimitNote(settings.Limit, total.Value, EventsSettings.CountBound, "events", events[^1].Key);
        }
        switch (settings.Format)
        {
            case "csv": WriteCsv(events, Console.Out); break;
            case "json":
                Console.Out.WriteLine(new JsonArray([.. events.Select(e => (JsonNode)Dragoman.Export.EventJson.Flat(e))]).ToJsonString(DocumentJson.Indented));
                break;
            case "jsonl":
                foreach (var e in events) Console.Out.WriteLine(Dragoman.Export.EventJson.Flat(e).ToJsonString(DocumentJson.Compact));
                break;
            default:
                if (events.Count == 0)
                {
                    var counts = store.Counts();
                    Console.Out.WriteLine(counts.Articles == 0
                        ? $"no events: {settings.Db} holds no articles yet (dragoman ingest PATH...)"
                        : $"no events match ({counts.Events} events in {counts.Articles} articles)");
                }
                else if (Terminal.IsInteractive) WriteTable(events);
                else WriteTabs(events, Console.Out);
                break;
        }
        // On standard error for data formats and pipes, so that the data stays clean.
        if (more is not null) (settings.Format == "table" && Terminal.IsInteractive ? Console.Out : Console.Error).WriteLine(more);
        return 0;
    }

    /// <summary>
    /// "100 of 4,642 events; --after a12:ev3 for the next page, --limit N or --no-limit for more" ("of at least 10,000"
    /// when the count stopped at its bound).
    /// </summary>
    public static string LimitNote(int shown, int total, int bound, string what, string last) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{shown:N0} of {(total >= bound ? "at least " : "")}{total:N0} {what}; --after {last} for the next page, --limit N or --no-limit for more");

    private static void WriteTable(IReadOnlyList<EventRecord> events)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("id").AddColumn("date").AddColumn("action").AddColumn("actor").AddColumn("target")
            .AddColumn("place").AddColumn("count").AddColumn("modality").AddColumn(new TableColumn("conf").RightAligned()).AddColumn("cameo");
        foreach (var e in events)
            table.AddRow(
                TerminalText.Markup(e.Key),
                TerminalText.Markup(EventView.DateText(e)),
                TerminalText.Markup(e.Action),
                // an implied actor (the coder's category; the text names none) in parentheses, as no name of the text
                TerminalText.Markup(e.ActorImplied ? $"({e.Actor})" : e.Actor ?? ""),
                TerminalText.Markup(e.Target ?? ""),
                TerminalText.Markup(EventView.PlaceText(e)),
                TerminalText.Markup(EventView.CountText(e)),
                e.Occurred ? TerminalText.Markup(e.Modality) : $"[yellow]{TerminalText.Markup(e.Modality)}[/]",
                e.Confidence.ToString("0.00", CultureInfo.InvariantCulture),
                TerminalText.Markup(e.Cameo ?? ""));
        AnsiConsole.Write(table);
        Console.Out.WriteLine($"{events.Count} event(s); `dragoman show ID` for the evidence");
    }

    /// <summary>The table's columns as tab-separated lines, for pipes (grep, cut, sort).</summary>
    public static void WriteTabs(IReadOnlyList<EventRecord> events, TextWriter w)
    {
        w.WriteLine("id\tdate\taction\tactor\ttarget\tplace\tcount\tmodality\tconf\tcameo");
        static string T(string? s) => TerminalText.Clean((s ?? "").Replace('\t', ' ').Replace('\n', ' '), keepLineBreaks: false);
        foreach (var e in events)
            w.WriteLine(string.Join('\t', T(e.Key), T(EventView.DateText(e)), T(e.Action), T(e.ActorImplied ? $"({e.Actor})" : e.Actor), T(e.Target), T(EventView.PlaceText(e)),
                T(EventView.CountText(e)), T(e.Modality), e.Confidence.ToString("0.00", CultureInfo.InvariantCulture), T(e.Cameo)));
    }

    public static readonly string[] CsvColumns =
    [
        "id", "article", "article_hash", "published", "event", "action", "actor", "actor_code", "actor_implied", "target", "target_code",
        "place", "place_name", "lat", "lon", "country", "admin1", "place_precision", "time_text", "time_start", "time_end",
        "time_precision", "time_inherited", "count_min", "count_max", "count_text", "modality", "occurred", "confidence",
        "cameo", "plover_event", "plover_mode", "acled_event_type", "acled_sub_event_type", "quad_class", "goldstein", "sources",
    ];

    public static void WriteCsv(IEnumerable<EventRecord> events, TextWriter w)
    {
        w.WriteLine(string.Join(',', CsvColumns));
        foreach (var e in events)
        {
            var count = EventView.FirstCount(e);
            object?[] row =
            [
                e.Key, StoreId.ArticleKey(e.ArticleId), e.ArticleHash, e.Published, e.EventId, e.Action, e.Actor, e.ActorCode, e.ActorImplied, e.Target, e.TargetCode,
                e.Place, e.PlaceName, e.Lat, e.Lon, e.Country, e.Admin1, e.PlacePrecision, e.TimeText, e.TimeStart, e.TimeEnd,
                e.TimePrecision, e.TimeInherited, count?["min"]?.ToJsonString(), count?["max"]?.ToJsonString(), DocumentRows.Str(count, "text"),
                e.Modality, e.Occurred, e.Confidence, e.Cameo, e.PloverEvent, e.PloverMode, e.AcledType, e.AcledSubtype, e.QuadClass, e.Goldstein,
                EventView.SourcesText(e),
            ];
            w.WriteLine(string.Join(',', row.Select(Csv)));
        }
    }

    /// <summary>One CSV field (RFC 4180): quoted when it holds a comma, quote or line break.</summary>
    public static string Csv(object? value)
    {
        var s = value switch
        {
            null => "",
            bool b => b ? "true" : "false",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        if (s == "null") s = "";
        return s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }
}

/// <summary>Text and JSON renderings of a stored event shared by the storage commands.</summary>
public static class EventView
{
    public static string DateText(EventRecord e)
    {
        if (e.TimeStart is null) return e.Published is null ? "?" : $"~{e.Published}";
        if (e.TimeInherited) return $"~{e.TimeStart}";
        return e.TimeEnd is null || e.TimeEnd == e.TimeStart ? e.TimeStart : $"{e.TimeStart}..{e.TimeEnd}";
    }

    public static string PlaceText(EventRecord e)
    {
        var text = e.Place ?? e.PlaceName ?? "";
        if (e.Country is not null) text += $" ({e.Country})";
        if (e.PlaceInherited) text = "~" + text; // like an inherited date: the article's focus, not the sentence's place
        return text;
    }

    public static JsonObject? FirstCount(EventRecord e) => (JsonNode.Parse(e.CountsJson) as JsonArray)?.OfType<JsonObject>().FirstOrDefault();

    public static string CountText(EventRecord e)
    {
        var c = FirstCount(e);
        if (c is null) return "";
        var text = DocumentRows.Str(c, "text") ?? DocumentRows.Str(c, "min") ?? "";
        var sb = new StringBuilder(text);
        // the kind after the figure ("killed"), unless the figure's own words end with it ("about 3,000 fighters")
        if (DocumentRows.Str(c, "kind") is { } kind && !text.EndsWith(kind, StringComparison.OrdinalIgnoreCase)) sb.Append(' ').Append(kind);
        return sb.ToString();
    }

    public static IEnumerable<JsonObject> Sources(EventRecord e) => (JsonNode.Parse(e.SourcesJson) as JsonArray)?.OfType<JsonObject>() ?? [];

    public static string SourceText(JsonObject s)
    {
        var name = DocumentRows.Str(s, "name") ?? "?";
        var kind = DocumentRows.Str(s, "kind");
        var loc = DocumentRows.Str(s, "location");
        return name + (loc is null ? "" : $" in {loc}") + (kind is null ? "" : $" ({kind})");
    }

    public static string SourcesText(EventRecord e) => string.Join(" < ", Sources(e).Select(SourceText));
}
