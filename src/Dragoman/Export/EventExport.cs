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

    public static DateOnly? Date(string? iso)
    {
        if (iso is null) return null;
        // the stored form (ten ASCII characters) read directly: TryParseExact was a measurable part of a parquet export's
        // field work (four dates a row); anything else, or an impossible day, goes the general way and gets its answer
        if (iso.Length == 10 && iso[4] == '-' && iso[7] == '-'
            && Digits(iso, 0, 4) is int y and >= 1 && Digits(iso, 5, 2) is int m and >= 1 and <= 12
            && Digits(iso, 8, 2) is int day && day >= 1 && day <= DateTime.DaysInMonth(y, m))
            return new DateOnly(y, m, day);
        return DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>The number written by <paramref name="count"/> ASCII digits from <paramref name="start"/>; -1 if any is not one.</summary>
    private static int Digits(string s, int start, int count)
    {
        int n = 0;
        for (int i = start; i < start + count; i++)
        {
            int c = s[i] - '0';
            if ((uint)c > 9) return -1;
            n = n * 10 + c;
        }
        return n;
    }

    public static IReadOnlyList<JsonObject> Objects(string json) =>
        (JsonNode.Parse(string.IsNullOrEmpty(json) ? "[]" : json) as JsonArray)?.OfType<JsonObject>().ToList() ?? [];

    /// <summary>Fatalities as ACLED counts them: the value stored with the row (schema 23) when the read took it, else <see cref="Fatalities(bool, string)"/>.</summary>
    public static int Fatalities(EventRecord e) => e.Fatalities ?? Fatalities(e.Occurred, e.CountsJson);

    /// <summary>
    /// Fatalities as ACLED counts them: the lowest figure of the first "killed" count of an event that occurred; 0 otherwise.
    /// The stores keep it with each event (schema 23, for the map feed): a change here needs a migration that refills it.
    /// </summary>
    public static int Fatalities(bool occurred, string countsJson)
    {
        if (!occurred) return 0;
        using var counts = StoredArray.Parse(countsJson);
        foreach (var c in StoredArray.Objects(counts))
            if (StoredArray.Str(c, "kind") is "killed" or "dead" or "fatalities" && StoredArray.Int(c, "min") is int min)
                return Math.Max(0, min);
        return 0;
    }

    /// <summary>
    /// Who the victims of that count were (the count's stored <c>victims</c>: civilian, combatant or unknown) and the
    /// victim-class model's probability of civilians (null when the text named them); (null, null) without such a count
    /// or for rows stored before counts carried a class.
    /// </summary>
    public static (string? Class, double? Probability) FatalitiesVictims(EventRecord e)
    {
        if (!e.Occurred) return (null, null);
        using var counts = StoredArray.Parse(e.CountsJson);
        foreach (var c in StoredArray.Objects(counts))
            if (StoredArray.Str(c, "kind") is "killed" or "dead" or "fatalities" && StoredArray.Int(c, "min") is not null)
            {
                if (!c.TryGetProperty("victims", out var v) || v.ValueKind != System.Text.Json.JsonValueKind.Object) return (null, null);
                double? p = v.TryGetProperty("p", out var q) && q.ValueKind == System.Text.Json.JsonValueKind.Number ? q.GetDouble() : null;
                return (StoredArray.Str(v, "class"), p);
            }
        return (null, null);
    }

    /// <summary>The source chain: the value stored with the row (schema 23) when the read took it, else <see cref="SourceChain(string)"/>.</summary>
    public static string SourceChain(EventRecord e) => e.SourceChain ?? SourceChain(e.SourcesJson);

    /// <summary>
    /// The source chain as text, nearest first: "sources in Daraa &lt; Alsouria Net &lt; The Syrian Observer". The stores
    /// keep it with each event (schema 23, for the map feed): a change here needs a migration that refills it.
    /// </summary>
    public static string SourceChain(string sourcesJson) =>
        string.Join(" < ", StoredArray.Members(sourcesJson, "name"u8, "location"u8).Select(s =>
            (s.First ?? "?") + (s.Second is { } loc ? " in " + loc : "")));

    public static string EvidenceText(EventRecord e) =>
        string.Join(" ", StoredArray.Members(e.EvidenceJson, "text"u8, default).Select(x => x.First).Where(t => !string.IsNullOrWhiteSpace(t)));

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

    /// <summary>
    /// Two members of each object element, in order, as <see cref="Str"/> reads them (the last of a repeated name, as
    /// <see cref="System.Text.Json.JsonElement.TryGetProperty(string, out System.Text.Json.JsonElement)"/> finds it), read
    /// in one pass without a document: the source chain and evidence text of every exported row parsed a JsonDocument
    /// each (issue 19). Validates the whole text as <see cref="Parse"/> does (the same default limits); an empty column
    /// is an empty array; a root that is not an array gives nothing. An empty <paramref name="second"/> reads one member.
    /// </summary>
    public static List<(string? First, string? Second)> Members(string json, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var found = new List<(string?, string?)>();
        if (string.IsNullOrEmpty(json)) return found;
        byte[] utf8 = System.Buffers.ArrayPool<byte>.Shared.Rent(StrictUtf8.GetMaxByteCount(json.Length));
        try
        {
            var r = new System.Text.Json.Utf8JsonReader(utf8.AsSpan(0, StrictUtf8.GetBytes(json, utf8)));
            r.Read();
            if (r.TokenType == System.Text.Json.JsonTokenType.StartArray)
                while (r.Read() && r.TokenType != System.Text.Json.JsonTokenType.EndArray)
                {
                    if (r.TokenType != System.Text.Json.JsonTokenType.StartObject) { r.Skip(); continue; }
                    string? a = null, b = null;
                    while (r.Read() && r.TokenType == System.Text.Json.JsonTokenType.PropertyName)
                    {
                        bool isA = r.ValueTextEquals(first), isB = !second.IsEmpty && r.ValueTextEquals(second);
                        r.Read();
                        string? value = r.TokenType switch
                        {
                            System.Text.Json.JsonTokenType.String => r.GetString(),
                            System.Text.Json.JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(r.ValueSpan),
                            _ => null,
                        };
                        r.Skip(); // past a nested object or array; nothing for a scalar
                        if (isA) a = value;
                        if (isB) b = value;
                    }
                    found.Add((a, b));
                }
            else r.Skip();
            while (r.Read()) { } // the rest validated: trailing text throws, as the document's parse did
            return found;
        }
        finally { System.Buffers.ArrayPool<byte>.Shared.Return(utf8); }
    }

    // JsonDocument.Parse(string) transcodes strictly: a lone surrogate throws rather than becoming U+FFFD
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A number member truncated to an integer; null when the member is absent or not a number.</summary>
    public static int? Int(System.Text.Json.JsonElement o, string key)
    {
        if (!o.TryGetProperty(key, out var v) || v.ValueKind != System.Text.Json.JsonValueKind.Number) return null;
        if (v.TryGetDouble(out var d)) return (int)d;
        return double.TryParse(v.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? (int)p : null;
    }
}
