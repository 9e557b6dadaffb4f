using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dragoman.Storage;

namespace Dragoman.Export;

/// <summary>
/// An incident as `events`, the API and the exports show it (docs/merge.md): its derived fields, the actors its reports
/// name, and who reported it. Property names are written in snake_case (<see cref="IncidentViews.Json"/>).
/// </summary>
public sealed record IncidentItem(
    string Id, string Action, string? Type, string? Family, IncidentDate Date, IncidentPlace? Place,
    IReadOnlyList<string> Actors, IReadOnlyList<string> Targets, IncidentToll? Killed,
    int Reports, int Articles, int Outlets, IReadOnlyList<string> OutletNames, string? FirstReported, string? LastReported, string ReportedBy);

/// <param name="Precision">day, week or month: how many days the agreed dates span (ACLED's time precision 1, 2, 3).</param>
/// <param name="Basis">How the date was chosen: "agreed by 3 reports (the texts' dates)", "span of 2 disagreeing reports ...".</param>
public sealed record IncidentDate(string? From, string? To, string? Precision, string Basis);

public sealed record IncidentPlace(string? Name, double? Lat, double? Lon, string? Country, string? Admin1, string? Precision);

/// <param name="Conservative">ACLED's fatalities: the lowest figure an article gives.</param>
public sealed record IncidentToll(int Min, int Max, int Conservative);

/// <summary>One report of an incident: the stored event, its article and outlet, the figure it gave and the link that placed it.</summary>
public sealed record IncidentReportItem(
    string Event, string Article, string? Uri, string? Title, string? Outlet, string? Published, string Action, string Modality,
    int? Killed, string? CountText, IReadOnlyList<ReportSource> Sources, ReportLink? Link);

public sealed record ReportSource(string Name, string? Kind, string? Location);

/// <param name="Partner">The report (article hash prefix and event id) this one was linked to; null for the incident's first report.</param>
public sealed record ReportLink(string? Partner, double? Score, IReadOnlyList<LinkReason> Reasons);

public sealed record LinkReason(string Feature, double Weight, string Detail);

/// <summary>One outlet's figure for the incident (the largest its reports give); differing figures are all kept.</summary>
public sealed record SourceFigure(string Outlet, int Killed, IReadOnlyList<string> Reports);

/// <summary>GET /api/incidents/{id} and `show i7 --format json`: the incident, every report, and the figures by source.</summary>
public sealed record IncidentDetail(IncidentItem Incident, IReadOnlyList<IncidentReportItem> Reports, IReadOnlyList<SourceFigure> Figures);

public static class IncidentViews
{
    /// <summary>snake_case names, non-ASCII text as is (the API's and the CLI's JSON).</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static readonly JsonSerializerOptions JsonIndented = new(Json) { WriteIndented = true };

    public static string Iso(int? day) => day is { } d ? ExportFields.Iso(DateOnly.FromDayNumber(d)) : "";

    /// <summary>
    /// The incident as listed: its derived fields and what its reports' events add (ACLED type, actors). The actors are
    /// the parties its reports name: an implied actor (a coder's category for an event whose text names none) is not one.
    /// </summary>
    public static IncidentItem Item(IncidentSummary i, IReadOnlyList<EventRecord> events)
    {
        var f = i.Facts;
        var place = f.PlaceName is null && f.Country is null ? null : new IncidentPlace(f.PlaceName, f.Lat, f.Lon, f.Country, f.Admin1, f.Precision);
        var toll = f.KilledMin is { } lo && f.KilledMax is { } hi ? new IncidentToll(lo, hi, f.Fatalities ?? lo) : null;
        return new IncidentItem(
            i.Key, f.Action, MostCommon(events.Select(e => e.AcledType)), f.Family,
            new IncidentDate(f.DayLo is null ? null : Iso(f.DayLo), f.DayHi is null ? null : Iso(f.DayHi), DatePrecision(f.DayLo, f.DayHi), f.DateBasis),
            place, Ranked(events.Select(e => e.ActorImplied ? null : e.Actor)), Ranked(events.Select(e => e.Target)), toll,
            f.Reports, f.Articles, f.Outlets, i.OutletNames, f.FirstReported, f.LastReported, ReportedBy(f.Articles, f.Outlets));
    }

    public static IncidentDetail Detail(IncidentSummary i, IReadOnlyList<EventRecord> events, IReadOnlyList<IncidentReport> links)
    {
        var byKey = links.ToDictionary(l => l.EventKey, StringComparer.Ordinal);
        var reports = events.Select(e =>
        {
            byKey.TryGetValue(e.Key, out var l);
            var count = ExportFields.Objects(e.CountsJson).FirstOrDefault();
            return new IncidentReportItem(
                e.Key, StoreId.ArticleKey(e.ArticleId), e.ArticleUri, e.ArticleTitle, l?.Report.Outlet, e.Published, e.Action, e.Modality,
                l?.Report.Killed, count is null ? null : DocumentRows.Str(count, "text"),
                [.. ExportFields.Objects(e.SourcesJson).Select(s => new ReportSource(DocumentRows.Str(s, "name") ?? "?", DocumentRows.Str(s, "kind"), DocumentRows.Str(s, "location")))],
                l is null ? null : new ReportLink(PartnerText(l.PartnerRef), l.Score, Reasons(l.ReasonsJson)));
        }).ToList();
        return new IncidentDetail(Item(i, events), reports, Figures(links));
    }

    /// <summary>Each outlet's figure (its largest), lowest first: the differing tolls the incident's range is made of.</summary>
    public static IReadOnlyList<SourceFigure> Figures(IReadOnlyList<IncidentReport> links) =>
        [.. links.Where(l => l.Report.Killed is not null)
            .GroupBy(l => l.Report.Outlet ?? "unknown outlet", StringComparer.OrdinalIgnoreCase)
            .Select(g => new SourceFigure(g.Key, g.Max(l => l.Report.Killed!.Value), [.. g.Select(l => l.EventKey)]))
            .OrderBy(s => s.Killed).ThenBy(s => s.Outlet, StringComparer.Ordinal)];

    /// <summary>"Reuters: 27 killed; AP: 35 killed" (ACLED's notes of an incident).</summary>
    public static string FiguresText(IReadOnlyList<SourceFigure> figures) =>
        string.Join("; ", figures.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Outlet}: {f.Killed} killed")));

    public static string ReportedBy(int articles, int outlets) =>
        $"reported by {articles} article{(articles == 1 ? "" : "s")}, {outlets} outlet{(outlets == 1 ? "" : "s")}";

    /// <summary>day: one day; week: up to 7; month: longer; null when undated.</summary>
    public static string? DatePrecision(int? lo, int? hi) => (lo, hi) switch
    {
        (null, _) or (_, null) => null,
        var (a, b) when b - a == 0 => "day",
        var (a, b) when b - a < 7 => "week",
        _ => "month",
    };

    /// <summary>"a1b2c3d4:ev2" from a report ref (article hash + event id): the hash shortened as `show` prints it.</summary>
    private static string? PartnerText(string? reference) =>
        reference is null ? null : reference.IndexOf(':') is var at and > 8 ? reference[..8] + reference[at..] : reference;

    private static List<LinkReason> Reasons(string json)
    {
        using var doc = JsonDocument.Parse(string.IsNullOrEmpty(json) ? "[]" : json);
        return [.. doc.RootElement.EnumerateArray().Select(e => new LinkReason(
            e.GetProperty("feature").GetString() ?? "", e.GetProperty("weight").GetDouble(), e.GetProperty("detail").GetString() ?? ""))];
    }

    private static string? MostCommon(IEnumerable<string?> values) =>
        values.Where(v => !string.IsNullOrEmpty(v)).GroupBy(v => v!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();

    /// <summary>Distinct names (any case), most often named first, at most three.</summary>
    private static List<string> Ranked(IEnumerable<string?> values) =>
        [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).GroupBy(v => v, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.First()).Take(3)];

    /// <summary>
    /// The listing's items of <paramref name="incidents"/>, their reports' events read 1,000 incidents at a time (one
    /// query per chunk on a server, not one per incident).
    /// </summary>
    public static List<IncidentItem> Items(IIncidentStore store, IReadOnlyList<IncidentSummary> incidents)
    {
        var items = new List<IncidentItem>(incidents.Count);
        foreach (var chunk in incidents.Chunk(1000))
        {
            var events = store.ReportEventsOfEach(chunk.Select(i => i.Id).ToList());
            items.AddRange(chunk.Select(i => Item(i, events[i.Id])));
        }
        return items;
    }

    /// <summary>
    /// Every incident a query matches with its reports' events and links, page by page (keyset paging on the incident id),
    /// each page's reports read together: the incident exports read through this.
    /// </summary>
    public static IEnumerable<(IncidentSummary Incident, IReadOnlyList<EventRecord> Events, IReadOnlyList<IncidentReport> Links)> Enumerate(
        IIncidentStore store, IncidentQuery query, int? max = null)
    {
        const int page = 1000;
        int yielded = 0;
        var next = query;
        while (true)
        {
            int want = max is int m ? Math.Min(page, m - yielded) : page;
            if (want <= 0) yield break;
            var rows = store.ListIncidents(next with { Limit = want });
            // the page's reports in two reads, not two per incident (a round trip each on a server)
            var ids = rows.Select(i => i.Id).ToList();
            var events = store.ReportEventsOfEach(ids);
            var links = store.ReportsOfEach(ids);
            foreach (var i in rows)
            {
                yield return (i, events[i.Id], links[i.Id]);
                yielded++;
            }
            if (rows.Count < want) yield break;
            next = query with { Offset = 0, After = rows[^1].Id };
        }
    }
}
