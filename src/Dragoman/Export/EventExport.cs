using System.Globalization;
using System.Text.Json.Nodes;
using Dragoman.Storage;

namespace Dragoman.Export;

/// <summary>
/// Writes stored events in a format analysts already use (docs/exports.md gives every column's mapping).
/// Exporters are pure: they read the records they are given and write to the stream; they never read the clock.
/// </summary>
public interface IEventExporter
{
    /// <summary>The name given to <c>--format</c>.</summary>
    string Format { get; }

    /// <summary>The usual file extension, with the dot.</summary>
    string Extension { get; }

    string MediaType { get; }

    Task WriteAsync(IEnumerable<EventRecord> events, Stream output, CancellationToken cancel = default);
}

public static class EventExporters
{
    public static readonly IReadOnlyList<IEventExporter> All =
    [
        new AcledCsvExporter(), new GdeltTsvExporter(), new PloverJsonExporter(), new GeoJsonExporter(), new ParquetExporter(), new JsonLinesExporter(), new PolecatTsvExporter(),
    ];

    public static string Names => string.Join("|", All.Select(e => e.Format));

    public static IEventExporter? Find(string format) =>
        All.FirstOrDefault(e => string.Equals(e.Format, format?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Every event a query matches (from its offset or cursor on, at most <paramref name="max"/>), streamed by the store: <see cref="IEventStore.StreamEvents"/>.</summary>
    public static IEnumerable<EventRecord> Enumerate(IEventStore store, EventQuery query, int? max = null) => store.StreamEvents(query, max);
}

/// <summary>Field helpers shared by the exporters: precision codes, counts, sources and evidence out of the stored JSON.</summary>
public static class ExportFields
{
    /// <summary>ACLED geo_precision: 1 a named town or site, 2 near a town or part of a region, 3 a region, province or country. Null without a place.</summary>
    public static int? AcledGeoPrecision(EventRecord e) => e.PlacePrecision switch
    {
        "exact" => 1,
        "near" => 2,
        "region" or "country" => 3,
        _ => null,
    };

    /// <summary>
    /// ACLED time_precision: 1 the day is known, 2 the week (or a few days), 3 only the month or coarser. An inherited time
    /// ("on or shortly before publication") and season/year/unknown precisions are 3: never more exact than the text.
    /// </summary>
    public static int AcledTimePrecision(EventRecord e)
    {
        if (e.TimeInherited || e.TimeStart is null) return 3;
        return e.TimePrecision switch { "day" => 1, "week" => 2, _ => 3 };
    }

    /// <summary>The date an event is filed under: its time's start, else its article's publication date.</summary>
    public static DateOnly? EventDate(EventRecord e) => Date(e.TimeStart) ?? Date(e.Published);

    public static DateOnly? Date(string? iso) =>
        iso is not null && DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static IReadOnlyList<JsonObject> Objects(string json) =>
        (JsonNode.Parse(string.IsNullOrEmpty(json) ? "[]" : json) as JsonArray)?.OfType<JsonObject>().ToList() ?? [];

    /// <summary>Fatalities as ACLED counts them: the lowest figure of the first "killed" count of an event that occurred; 0 otherwise.</summary>
    public static int Fatalities(EventRecord e)
    {
        if (!e.Occurred) return 0;
        foreach (var c in Objects(e.CountsJson))
            if (DocumentRows.Str(c, "kind") is "killed" or "dead" or "fatalities" && DocumentRows.Int(c, "min") is int min)
                return Math.Max(0, min);
        return 0;
    }

    /// <summary>The source chain as text, nearest first: "sources in Daraa &lt; Alsouria Net &lt; The Syrian Observer".</summary>
    public static string SourceChain(EventRecord e) => string.Join(" < ", Objects(e.SourcesJson).Select(s =>
        (DocumentRows.Str(s, "name") ?? "?") + (DocumentRows.Str(s, "location") is { } loc ? " in " + loc : "")));

    public static string EvidenceText(EventRecord e) =>
        string.Join(" ", Objects(e.EvidenceJson).Select(x => DocumentRows.Str(x, "text")).Where(t => !string.IsNullOrWhiteSpace(t)));

    /// <summary>Where the article came from (its URL or file), else its content hash as a URN.</summary>
    public static string ArticleUri(EventRecord e) =>
        string.IsNullOrEmpty(e.ArticleUri) ? "urn:sha256:" + e.ArticleHash : e.ArticleUri;

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The figure with invariant culture, nothing for null.</summary>
    public static string Num(double? d) => d is double v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
