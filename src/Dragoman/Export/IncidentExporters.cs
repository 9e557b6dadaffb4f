using System.Globalization;
using System.Text;
using System.Text.Json;
using Dragoman.Storage;

namespace Dragoman.Export;

/// <summary>An incident as the exporters read it: its derived fields, its reports' stored events and their links.</summary>
public sealed record IncidentExportRow(IncidentSummary Incident, IReadOnlyList<EventRecord> Events, IReadOnlyList<IncidentReport> Links)
{
    /// <summary>
    /// The report whose event fields (codes, actors, evidence) stand for the incident's: the first (earliest published)
    /// report of the incident's action that occurred, else its first report.
    /// </summary>
    public EventRecord Representative =>
        Events.FirstOrDefault(e => e.Action == Incident.Facts.Action && e.Occurred) ?? Events.FirstOrDefault(e => e.Occurred) ?? Events[0];

    public DateOnly? DateFrom => Incident.DateFrom;
}

/// <summary>
/// Writes incidents (one real-world event each, docs/merge.md) in an analyst's format: ACLED CSV and GDELT TSV one row
/// per incident, GDELT's Mentions table one row per report, JSON Lines one incident with its reports a line.
/// Pure, like the event exporters: they never read the clock.
/// </summary>
public interface IIncidentExporter
{
    string Format { get; }
    IReadOnlyDictionary<string, int> LeftOut { get; }
    Task WriteAsync(IEnumerable<IncidentExportRow> incidents, Stream output, CancellationToken cancel = default);
}

public static class IncidentExporters
{
    public static IIncidentExporter? Find(string format) => format?.Trim().ToLowerInvariant() switch
    {
        "acled-csv" => new AcledIncidentCsvExporter(),
        "gdelt-tsv" => new GdeltIncidentTsvExporter(),
        "gdelt-mentions-tsv" => new GdeltMentionsTsvExporter(),
        "jsonl" => new IncidentJsonLinesExporter(),
        _ => null,
    };

    public static IEnumerable<IncidentExportRow> Enumerate(IIncidentStore store, IncidentQuery query, int? max = null) =>
        IncidentViews.Enumerate(store, query, max).Where(x => x.Events.Count > 0).Select(x => new IncidentExportRow(x.Incident, x.Events, x.Links));

    internal static async Task WriteLines(Stream output, IEnumerable<string> lines, CancellationToken cancel)
    {
        await using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        foreach (var line in lines)
        {
            cancel.ThrowIfCancellationRequested();
            await w.WriteLineAsync(line);
        }
    }

    /// <summary>ACLED time precision of an incident's agreed dates: 1 one day, 2 up to a week, 3 longer or undated.</summary>
    public static int AcledTimePrecision(IncidentSummary i) => IncidentViews.DatePrecision(i.Facts.DayLo, i.Facts.DayHi) switch
    {
        "day" => 1,
        "week" => 2,
        _ => 3,
    };
}

/// <summary>
/// ACLED CSV, one row per incident: the event exporter's columns from the representative report, with the incident's own
/// date, place and time precision; <c>source</c> the outlets joined, <c>notes</c> the figures by source (then the
/// representative's evidence), <c>fatalities</c> ACLED's conservative value (the lowest figure an article gives).
/// </summary>
public sealed class AcledIncidentCsvExporter : IIncidentExporter
{
    public string Format => "acled-csv";
    public IReadOnlyDictionary<string, int> LeftOut => _leftOut;
    private readonly Dictionary<string, int> _leftOut = new(StringComparer.Ordinal);

    public Task WriteAsync(IEnumerable<IncidentExportRow> incidents, Stream output, CancellationToken cancel = default)
    {
        _leftOut.Clear();
        return IncidentExporters.WriteLines(output, Lines(incidents), cancel);
    }

    private IEnumerable<string> Lines(IEnumerable<IncidentExportRow> incidents)
    {
        var columns = AcledCsvExporter.Columns.ToArray();
        yield return string.Join(',', columns);
        int cameo = Array.IndexOf(columns, "dragoman_cameo");
        foreach (var x in incidents)
        {
            var row = Row(x);
            if (row is null) continue;
            yield return string.Join(',', row.Select((f, i) => i == cameo && !string.IsNullOrEmpty(f) ? "\"" + f + "\"" : Delimited.CsvField(f)));
        }
    }

    private string?[]? Row(IncidentExportRow x)
    {
        var e = x.Representative;
        var f = x.Incident.Facts;
        // The incident's place and date stand in for the representative's when the incident has them.
        var placed = e with
        {
            Country = f.Country ?? e.Country, Admin1 = f.Admin1 ?? e.Admin1, PlaceName = f.PlaceName ?? e.PlaceName,
            Lat = f.Lat ?? e.Lat, Lon = f.Lon ?? e.Lon, PlacePrecision = f.Precision ?? e.PlacePrecision,
            TimeStart = x.DateFrom is { } d ? ExportFields.Iso(d) : e.TimeStart, TimeInherited = x.DateFrom is null && e.TimeInherited,
        };
        if (AcledCsvExporter.Missing(placed) is { } reason)
        {
            _leftOut[reason] = _leftOut.GetValueOrDefault(reason) + 1;
            return null;
        }
        var row = AcledCsvExporter.Row(placed);
        var columns = AcledCsvExporter.Columns.ToList();
        void Set(string column, string? value) => row[columns.IndexOf(column)] = value;
        var inv = CultureInfo.InvariantCulture;
        var country = CountryCodes.Default.ByIso2(placed.Country);
        Set("event_id_cnty", (country?.Iso3 ?? "XXX") + "I" + x.Incident.Id.ToString(inv));
        Set("time_precision", IncidentExporters.AcledTimePrecision(x.Incident).ToString(inv));
        Set("source", string.Join("; ", x.Incident.OutletNames.Where(o => o.Length > 0)));
        var figures = IncidentViews.FiguresText(IncidentViews.Figures(x.Links));
        Set("notes", string.Join(" ", new[] { figures.Length > 0 ? "Figures by source: " + figures + "." : "", ExportFields.EvidenceText(e) }.Where(s => s.Length > 0)));
        Set("fatalities", (f.Fatalities ?? 0).ToString(inv));
        Set("dragoman_id", x.Incident.Key);
        return row;
    }
}

/// <summary>
/// GDELT 2.0 event table, one row per incident: GLOBALEVENTID is the incident number (the Mentions export's key),
/// NumMentions its reports, NumSources its outlets, NumArticles its articles; date and ActionGeo the incident's own.
/// </summary>
public sealed class GdeltIncidentTsvExporter : IIncidentExporter
{
    public string Format => "gdelt-tsv";
    public IReadOnlyDictionary<string, int> LeftOut => _leftOut;
    private readonly Dictionary<string, int> _leftOut = new(StringComparer.Ordinal);

    public Task WriteAsync(IEnumerable<IncidentExportRow> incidents, Stream output, CancellationToken cancel = default)
    {
        _leftOut.Clear();
        return IncidentExporters.WriteLines(output, incidents.Select(Row).OfType<string?[]>().Select(r => string.Join('\t', r.Select(Delimited.TsvField))), cancel);
    }

    private string?[]? Row(IncidentExportRow x)
    {
        var f = x.Incident.Facts;
        var e = x.Representative with
        {
            Country = f.Country ?? x.Representative.Country, Admin1 = f.Admin1 ?? x.Representative.Admin1,
            PlaceName = f.PlaceName ?? x.Representative.PlaceName, Lat = f.Lat ?? x.Representative.Lat, Lon = f.Lon ?? x.Representative.Lon,
            PlacePrecision = f.Precision ?? x.Representative.PlacePrecision,
            TimeStart = x.DateFrom is { } d ? ExportFields.Iso(d) : x.Representative.TimeStart,
        };
        if (GdeltTsvExporter.Missing(e) is { } reason)
        {
            _leftOut[reason] = _leftOut.GetValueOrDefault(reason) + 1;
            return null;
        }
        var row = GdeltTsvExporter.Row(e);
        var inv = CultureInfo.InvariantCulture;
        void Set(string column, string? value) => row[Array.IndexOf(GdeltTsvExporter.Columns, column)] = value;
        Set("GLOBALEVENTID", x.Incident.Id.ToString(inv));
        Set("IsRootEvent", "1");
        Set("NumMentions", f.Reports.ToString(inv));
        Set("NumSources", f.Outlets.ToString(inv));
        Set("NumArticles", f.Articles.ToString(inv));
        if (ExportFields.Date(f.FirstReported) is { } added) Set("DATEADDED", added.ToString("yyyyMMdd", inv) + "000000");
        Set("SOURCEURL", ExportFields.ArticleUri(x.Events[0]));
        return row;
    }
}

/// <summary>
/// GDELT 2.0's Mentions table, one row per report (a stored event of an incident), no header, tab-separated: GLOBALEVENTID
/// the incident number (as in the incident GDELT export), the event's and the article's dates, the outlet and the article
/// URI, the offset of the report's evidence sentence, its confidence (0-100). Columns Dragoman does not keep (actor
/// offsets, document length, tone, translation) are empty.
/// </summary>
public sealed class GdeltMentionsTsvExporter : IIncidentExporter
{
    public string Format => "gdelt-mentions-tsv";
    public IReadOnlyDictionary<string, int> LeftOut { get; } = new Dictionary<string, int>();

    public static readonly string[] Columns =
    [
        "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier", "SentenceID",
        "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
        "MentionDocTranslationInfo", "Extras",
    ];

    public Task WriteAsync(IEnumerable<IncidentExportRow> incidents, Stream output, CancellationToken cancel = default) =>
        IncidentExporters.WriteLines(output, incidents.SelectMany(x => x.Events.Select(e => Row(x, e))).Select(r => string.Join('\t', r.Select(Delimited.TsvField))), cancel);

    public static string?[] Row(IncidentExportRow x, EventRecord e)
    {
        var inv = CultureInfo.InvariantCulture;
        static string? Stamp(DateOnly? d) => d?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000";
        var link = x.Links.FirstOrDefault(l => l.EventKey == e.Key);
        var evidence = ExportFields.Objects(e.EvidenceJson).FirstOrDefault();
        return
        [
            x.Incident.Id.ToString(inv),
            x.DateFrom is { } d ? Stamp(d) : Stamp(ExportFields.EventDate(e)),
            Stamp(ExportFields.Date(e.Published)),
            "1", // WEB: an article with a URL or a file
            link?.Report.Outlet ?? "",
            ExportFields.ArticleUri(e),
            "",
            "", "", evidence is null ? "" : DocumentRows.Int(evidence, "start")?.ToString(inv),
            "1",
            ((int)Math.Round(e.Confidence * 100)).ToString(inv),
            "", "", "", "",
        ];
    }
}

/// <summary>One incident a line: <see cref="IncidentDetail"/> (its fields, every report, the figures by source).</summary>
public sealed class IncidentJsonLinesExporter : IIncidentExporter
{
    public string Format => "jsonl";
    public IReadOnlyDictionary<string, int> LeftOut { get; } = new Dictionary<string, int>();

    public Task WriteAsync(IEnumerable<IncidentExportRow> incidents, Stream output, CancellationToken cancel = default) =>
        IncidentExporters.WriteLines(output, incidents.Select(x =>
            JsonSerializer.Serialize(IncidentViews.Detail(x.Incident, x.Events, x.Links), IncidentViews.Json)), cancel);
}
