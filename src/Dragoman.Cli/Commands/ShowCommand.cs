using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Dragoman.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class ShowSettings : StoreSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("a12 (article 12), a12:ev3 (its event ev3), a12:3 (its third event), a content-hash prefix (6+ hex digits, also with :ev3), or i7 (incident 7).")]
    public string Id { get; init; } = "";

    [CommandOption("--text")]
    [Description("With an article: print its whole clean text too.")]
    public bool Text { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("text (default) or json (the object GET /api/events/ID, /api/articles/ID or /api/incidents/ID returns).")]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    public override ValidationResult Validate()
    {
        if (Format is not ("text" or "json")) return ValidationResult.Error($"--format must be text or json, not '{Format}'");
        if (IncidentView.IsIncidentId(Id)) return ValidationResult.Success();
        var id = StoreId.Parse(Id);
        return id.IsOk ? ValidationResult.Success() : ValidationResult.Error(id.Error!);
    }
}

/// <summary>
/// Shows one event (every field with the span that supports it, highlighted in its evidence sentences; the source chain;
/// codes, time and place) or one article (metadata, entities, events).
/// </summary>
public sealed class ShowCommand : Command<ShowSettings>
{
    public override int Execute(CommandContext context, ShowSettings settings, CancellationToken cancellationToken)
    {
        Terminal.WidenWhenRedirected();
        var opened = StoreFiles.OpenExisting(settings.Db);
        if (!opened.IsOk) return Terminal.Fail(opened.Error!);
        using var store = opened.Value!;
        if (IncidentView.IsIncidentId(settings.Id)) return IncidentView.Show(store, settings.Id, settings.Format == "json");
        var found = StoreLookup.Resolve(store, StoreId.Parse(settings.Id).Value!);
        if (!found.IsOk) return Terminal.Fail(found.Error!);
        if (settings.Format == "json")
        {
            var body = found.Value!.Event is { } detail ? Dragoman.Web.Api.EventBody(store, detail) : Dragoman.Web.Api.ArticleBody(found.Value.Article!);
            Console.Out.WriteLine(body.ToJsonString(Dragoman.Output.DocumentJson.Indented));
            return 0;
        }
        var painter = new Highlighter(Terminal.IsInteractive);
        if (found.Value!.Event is { } ev) ShowEvent(ev, painter);
        else ShowArticle(found.Value.Article!, settings.Text, painter);
        return 0;
    }

    private static string Esc(string? s) => TerminalText.Markup(s ?? "");

    private static void Line(string label, string markup) => AnsiConsole.MarkupLine($"[bold]{label,-10}[/] {markup}");

    private static void ShowEvent(EventDetail d, Highlighter painter)
    {
        var e = d.Event;
        var j = d.EventJson ?? new JsonObject();
        var text = d.Text;
        AnsiConsole.MarkupLine($"[bold]event {Esc(e.Key)}[/]  {Esc(e.Action)}  [dim](modality {Esc(e.Modality)}{(e.Occurred ? "" : ", not counted as occurred")}, confidence {e.Confidence.ToString("0.00", CultureInfo.InvariantCulture)})[/]");
        Line("article", $"{Esc(StoreId.ArticleKey(e.ArticleId))} {Esc(d.Article.Title)} [dim]({Esc(d.Article.Published ?? "date unknown")}; {Esc(d.Article.Hash[..12])})[/]");
        Line("trigger", painter.Tag("trigger", Esc(e.Trigger)));
        if (e.Actor is not null && e.ActorImplied) Line("actor", Esc(e.Actor) + " [dim](implied: the text names no actor; the coder's category for this event, its evidence the trigger)[/]");
        else if (e.Actor is not null) Line("actor", painter.Tag("actor", Esc(e.Actor)) + Suffix(e.ActorEntity, e.ActorCode));
        if (e.Target is not null) Line("target", painter.Tag("target", Esc(e.Target)) + Suffix(e.TargetEntity, e.TargetCode));
        if (e.Place is not null || e.PlaceName is not null)
        {
            var where = new StringBuilder(painter.Tag("place", Esc(e.Place ?? e.PlaceName)));
            if (e.PlaceName is not null) where.Append($" = {Esc(e.PlaceName)}");
            if (e.Admin1 is not null || e.Country is not null) where.Append($", {Esc(string.Join(", ", new[] { e.Admin1, e.Country }.Where(x => x is not null)))}");
            if (e.Lat is { } lat && e.Lon is { } lon) where.Append(string.Create(CultureInfo.InvariantCulture, $" ({lat:0.####}, {lon:0.####})"));
            if (e.PlacePrecision is not null) where.Append($" [dim]precision {Esc(e.PlacePrecision)}[/]");
            if (e.PlaceInherited) where.Append(" [dim](inherited: the article's focus; the sentence names no place)[/]");
            Line("place", where.ToString());
        }
        if (e.TimeText is not null || e.TimeStart is not null)
        {
            var when = e.TimeInherited ? "[dim](inherited: on or shortly before publication)[/] " : painter.Tag("time", Esc(e.TimeText)) + " ";
            when += Esc(e.TimeStart is null ? "date unknown" : e.TimeEnd is null || e.TimeEnd == e.TimeStart ? e.TimeStart : $"{e.TimeStart}..{e.TimeEnd}");
            if (e.TimePrecision is not null) when += $" [dim]precision {Esc(e.TimePrecision)}[/]";
            Line("time", when);
        }
        foreach (var c in (j["counts"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var min = DocumentRows.Str(c, "min");
            var max = DocumentRows.Str(c, "max");
            var range = max is null ? $"at least {min}" : min == max ? $"{min}" : $"{min}..{max}";
            // who the killed or injured were, with the model's probability where it judged unnamed victims
            var victims = c["victims"] as JsonObject;
            var prob = DocumentRows.Str(victims, "p");
            var cls = victims is null ? "" : $" [dim]victims: {Esc(DocumentRows.Str(victims, "class"))} ({Esc(DocumentRows.Str(victims, "from"))}{(prob is null ? "" : ", p " + Esc(prob))})[/]";
            Line("count", ($"{painter.Tag("count", Esc(DocumentRows.Str(c, "text")))} = {Esc(range)} {Esc(DocumentRows.Str(c, "who"))} {Esc(DocumentRows.Str(c, "kind"))}".TrimEnd() + cls).TrimEnd());
        }
        var sources = EventView.Sources(e).ToList();
        Line("sources", sources.Count == 0 ? "[dim](none: the article's own statement)[/]" : string.Join(" [dim]<[/] ", sources.Select(s => painter.Tag("source", Esc(EventView.SourceText(s))))));
        var codes = new List<string>();
        if (e.Cameo is not null) codes.Add($"CAMEO {e.Cameo}");
        if (e.PloverEvent is not null) codes.Add($"PLOVER {e.PloverEvent}{(e.PloverMode is null ? "" : "/" + e.PloverMode)}");
        if (e.AcledType is not null) codes.Add($"ACLED {e.AcledType}{(e.AcledSubtype is null ? "" : " / " + e.AcledSubtype)}");
        if (e.QuadClass is not null) codes.Add($"QuadClass {e.QuadClass}");
        if (e.Goldstein is { } g) codes.Add(string.Create(CultureInfo.InvariantCulture, $"Goldstein {g}"));
        Line("codes", codes.Count == 0 ? "[dim](none)[/]" : Esc(string.Join("; ", codes)));

        var spans = FieldSpans(j);
        var evidence = (j["evidence"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(x => (Start: DocumentRows.Int(x, "start") ?? 0, End: DocumentRows.Int(x, "end") ?? 0))
            .Where(x => x.Start >= 0 && x.End <= text.Length && x.End > x.Start).ToList();
        if (evidence.Count == 0 && DocumentRows.Int(j["trigger"] as JsonObject, "start") is int ts && ts <= text.Length)
            evidence.Add((Math.Max(0, ts - 120), Math.Min(text.Length, ts + 120)));
        AnsiConsole.MarkupLine("[bold]evidence[/]" + (painter.Colour ? "" : "  [dim](fields marked {field: text})[/]"));
        foreach (var (s, en) in evidence)
            AnsiConsole.MarkupLine("  " + painter.Paint(text, s, en, spans));
    }

    private static string Suffix(string? entity, string? code)
    {
        var parts = new[] { entity, code }.Where(x => x is not null).ToArray();
        return parts.Length == 0 ? "" : $" [dim]({Esc(string.Join(", ", parts))})[/]";
    }

    /// <summary>Every field's span in the event's JSON, labelled.</summary>
    private static List<(int Start, int End, string Field)> FieldSpans(JsonObject j)
    {
        var spans = new List<(int, int, string)>();
        void Add(JsonObject? o, string field, string startKey = "start", string endKey = "end")
        {
            if (DocumentRows.Int(o, startKey) is int s && DocumentRows.Int(o, endKey) is int e && e > s) spans.Add((s, e, field));
        }
        Add(j["trigger"] as JsonObject, "trigger");
        Add(j["actor"] as JsonObject, "actor");
        Add(j["target"] as JsonObject, "target");
        Add(j["place"] as JsonObject, "place");
        Add(j["time"] as JsonObject, "time", "start_char", "end_char");
        foreach (var c in (j["counts"] as JsonArray ?? []).OfType<JsonObject>()) Add(c, "count");
        foreach (var s in (j["sources"] as JsonArray ?? []).OfType<JsonObject>()) Add(s, "source");
        return spans;
    }

    private static void ShowArticle(ArticleDetail d, bool withText, Highlighter painter)
    {
        var a = d.Article;
        var art = d.Document["article"] as JsonObject ?? new JsonObject();
        AnsiConsole.MarkupLine($"[bold]article {Esc(a.Key)}[/]  {Esc(a.Title ?? "(no title)")}");
        Line("hash", Esc(a.Hash));
        Line("uri", Esc(a.Uri));
        Line("published", Esc(a.Published ?? "unknown") + (DocumentRows.Str(art, "published_source") is { } ps ? $" [dim]({Esc(ps)})[/]" : ""));
        if (a.Publisher is not null) Line("publisher", Esc(a.Publisher));
        foreach (var c in (art["credits"] as JsonArray ?? []).OfType<JsonObject>())
            Line("credit", $"{Esc(DocumentRows.Str(c, "role"))}: {Esc(DocumentRows.Str(c, "name"))}");
        var keywords = (art["keywords"] as JsonArray ?? []).Select(k => k?.ToString()).Where(k => !string.IsNullOrEmpty(k)).ToList();
        if (keywords.Count > 0) Line("keywords", Esc(string.Join(", ", keywords)));
        Line("ingested", Esc(a.IngestedAt));
        var dropped = (art["dropped"] as JsonArray ?? []).Count;
        if (dropped > 0) Line("dropped", $"{dropped} span(s) of site chrome");

        var entities = (d.Document["entities"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (entities.Count > 0)
        {
            var t = new Table().Border(TableBorder.Rounded).AddColumn("entity").AddColumn("type").AddColumn("name").AddColumn("aliases").AddColumn("actor").AddColumn("place").AddColumn(new TableColumn("mentions").RightAligned());
            foreach (var e in entities)
            {
                var place = e["place"] as JsonObject;
                var where = place is null ? "" : $"{DocumentRows.Str(place, "name")} {DocumentRows.Str(place, "country")} ({DocumentRows.Str(place, "precision")})";
                t.AddRow(Esc(DocumentRows.Str(e, "id")), Esc(DocumentRows.Str(e, "type")), Esc(DocumentRows.Str(e, "name")),
                    Esc(string.Join("; ", (e["aliases"] as JsonArray ?? []).Select(x => x?.ToString()))),
                    Esc(DocumentRows.Str(e["actor"] as JsonObject, "code")), Esc(where),
                    ((e["mentions"] as JsonArray)?.Count ?? 0).ToString(CultureInfo.InvariantCulture));
            }
            AnsiConsole.Write(t);
        }
        if (d.Events.Count > 0)
        {
            var t = new Table().Border(TableBorder.Rounded).AddColumn("id").AddColumn("action").AddColumn("actor").AddColumn("target").AddColumn("place").AddColumn("date").AddColumn("modality");
            foreach (var e in d.Events)
                t.AddRow(Esc(e.Key), Esc(e.Action), Esc(e.Actor), Esc(e.Target), Esc(EventView.PlaceText(e)), Esc(EventView.DateText(e)), Esc(e.Modality));
            AnsiConsole.Write(t);
        }
        else AnsiConsole.MarkupLine("[dim]no events[/]");
        var text = d.Text;
        if (withText)
        {
            var triggers = d.Events.Select(e => (JsonObject?)(d.Document["events"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(x => DocumentRows.Str(x, "id") == e.EventId))
                .Select(x => x?["trigger"] as JsonObject)
                .Where(x => x is not null && DocumentRows.Int(x, "start") is not null && DocumentRows.Int(x, "end") is not null)
                .Select(x => (DocumentRows.Int(x, "start")!.Value, DocumentRows.Int(x, "end")!.Value, "trigger")).ToList();
            AnsiConsole.MarkupLine("[bold]text[/]");
            AnsiConsole.MarkupLine(painter.Paint(text, 0, text.Length, triggers));
        }
        else if (d.Document["article"]?["lede"]?.ToString() is { Length: > 0 } lede)
            Line("lede", Esc(lede));
    }
}

/// <summary>Marks field spans inside a stretch of text: colours on a terminal, {field: text} when not.</summary>
public sealed class Highlighter(bool colour)
{
    public bool Colour => colour;

    private static readonly Dictionary<string, string> Styles = new()
    {
        ["trigger"] = "bold underline",
        ["actor"] = "black on yellow",
        ["target"] = "black on aqua",
        ["place"] = "black on lime",
        ["time"] = "black on fuchsia",
        ["count"] = "white on red",
        ["source"] = "white on blue",
    };

    /// <summary>Already-escaped markup tagged as one field.</summary>
    public string Tag(string field, string markup) =>
        colour ? $"[{Styles.GetValueOrDefault(field, "bold")}]{markup}[/]" : markup;

    /// <summary>Markup for text[start..end) with the given spans highlighted (clipped to the range; earlier, longer spans win on overlap).</summary>
    public string Paint(string text, int start, int end, IEnumerable<(int Start, int End, string Field)> spans)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        var inside = spans.Where(s => s.Start < end && s.End > start)
            .Select(s => (Start: Math.Max(s.Start, start), End: Math.Min(s.End, end), s.Field))
            .OrderBy(s => s.Start).ThenByDescending(s => s.End - s.Start).ToList();
        var sb = new StringBuilder();
        int pos = start;
        foreach (var (s, e, field) in inside)
        {
            if (s < pos) continue; // overlaps a span already painted
            sb.Append(TerminalText.Markup(text[pos..s]));
            var piece = TerminalText.Markup(text[s..e]);
            sb.Append(colour ? $"[{Styles.GetValueOrDefault(field, "bold")}]{piece}[/]" : $"{{{field}: {piece}}}");
            pos = e;
        }
        sb.Append(TerminalText.Markup(text[pos..end]));
        return sb.ToString();
    }
}
