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
        using var counts = StoredArray.Parse(e.CountsJson);
        foreach (var c in StoredArray.Objects(counts))
            if (StoredArray.Str(c, "kind") is "killed" or "dead" or "fatalities" && StoredArray.Int(c, "min") is int min)
                return Math.Max(0, min);
        return 0;
    }

    /// <summary>The source chain as text, nearest first: "sources in Daraa &lt; Alsouria Net &lt; The Syrian Observer".</summary>
    public static string SourceChain(EventRecord e)
    {
        using var sources = StoredArray.Parse(e.SourcesJson);
        return string.Join(" < ", StoredArray.Objects(sources).Select(s =>
            (StoredArray.Str(s, "name") ?? "?") + (StoredArray.Str(s, "location") is { } loc ? " in " + loc : "")));
    }

    public static string EvidenceText(EventRecord e)
    {
        using var evidence = StoredArray.Parse(e.EvidenceJson);
        return string.Join(" ", StoredArray.Objects(evidence).Select(x => StoredArray.Str(x, "text")).Where(t => !string.IsNullOrWhiteSpace(t)));
    }

    /// <summary>Where the article came from (its URL or file), else its content hash as a URN.</summary>
    public static string ArticleUri(EventRecord e) =>
        string.IsNullOrEmpty(e.ArticleUri) ? "urn:sha256:" + e.ArticleHash : e.ArticleUri;

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The figure with invariant culture, nothing for null.</summary>
    public static string Num(double? d) => d is double v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}

/// <summary>
/// A stored JSON array column (counts, sources, evidence) read without building a node tree: the exports read two or
/// three fields of each object of every row, and <see cref="System.Text.Json.Nodes.JsonNode"/> trees were most of a
/// parquet export's field work (docs/benchmarks.md, issue 19). Reads the same values as <see cref="DocumentRows.Str"/>
/// and <see cref="DocumentRows.Int"/> do on the parsed nodes.
/// </summary>
internal static class StoredArray
{
    /// <summary>The column's JSON; an empty column reads as an empty array. Dispose it (its buffers are pooled).</summary>
    public static System.Text.Json.JsonDocument Parse(string json) => System.Text.Json.JsonDocument.Parse(string.IsNullOrEmpty(json) ? "[]" : json);

    /// <summary>The array's object elements, in order; nothing when the root is not an array.</summary>
    public static IEnumerable<System.Text.Json.JsonElement> Objects(System.Text.Json.JsonDocument doc) =>
        doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array
            ? doc.RootElement.EnumerateArray().Where(x => x.ValueKind == System.Text.Json.JsonValueKind.Object)
            : [];

    /// <summary>A string member as its value, a number member as its JSON text, anything else (or none) as null.</summary>
    public static string? Str(System.Text.Json.JsonElement o, string key) =>
        !o.TryGetProperty(key, out var v) ? null : v.ValueKind switch
        {
            System.Text.Json.JsonValueKind.String => v.GetString(),
            System.Text.Json.JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };

    /// <summary>A number member truncated to an integer; null when the member is absent or not a number.</summary>
    public static int? Int(System.Text.Json.JsonElement o, string key)
    {
        if (!o.TryGetProperty(key, out var v) || v.ValueKind != System.Text.Json.JsonValueKind.Number) return null;
        if (v.TryGetDouble(out var d)) return (int)d;
        return double.TryParse(v.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? (int)p : null;
    }
}
