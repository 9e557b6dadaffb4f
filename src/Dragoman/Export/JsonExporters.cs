using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dragoman.Output;
using Dragoman.Storage;

namespace Dragoman.Export;

/// <summary>The JSON forms of a stored event shared by the exporters and the web API.</summary>
public static class EventJson
{

    /// <summary>
    /// The flat form (JSON Lines export, API lists): the event's normalised fields plus its counts, sources and evidence
    /// as in the public schema.
    /// </summary>
    public static JsonObject Flat(EventRecord e) => FlatEvent.From(e).ToJson();

    /// <summary>A GeoJSON Feature (RFC 7946: [longitude, latitude]) for an event with coordinates (<see cref="EventFeature"/>); null without.</summary>
    public static JsonObject? Feature(EventRecord e) =>
        EventFeature.From(e) is { } f ? JsonSerializer.SerializeToNode(f, EventFeature.Json)!.AsObject() : null;

    /// <summary>A FeatureCollection of the events with coordinates; <c>unlocated</c> counts those left out.</summary>
    public static EventFeatureCollection FeatureCollection(IEnumerable<EventRecord> events)
    {
        var features = new List<EventFeature>();
        int unlocated = 0;
        foreach (var e in events)
        {
            if (EventFeature.From(e) is { } f) features.Add(f);
            else unlocated++;
        }
        return new EventFeatureCollection(features, unlocated);
    }

    /// <summary>
    /// A PLOVER record as the PLOVER manual's tables give it ("PLOVER JSON", "Information object for entities",
    /// "Location object", "Information object for citations"): entities with the country's ISO alpha-3 <c>code</c>, the
    /// <c>sector</c> and the <c>entity_text</c>; the location with an integer <c>geonameid</c>, ISO alpha-3
    /// <c>country_code</c> and <c>resolution</c> (5 sub-city .. 1 country). Dragoman's own fields (the full actor code,
    /// evidence, modality, confidence) are extra named fields, as the manual allows.
    /// </summary>
    public static JsonObject Plover(EventRecord e) => Plover(e, CountryCodes.Default, ActorCodes.Default);

    public static JsonObject Plover(EventRecord e, CountryCodes countries, ActorCodes codes)
    {
        JsonArray Entity(string? text, string? code, string? entity)
        {
            if (text is null && code is null) return [];
            var sectors = codes.Sectors(code);
            return new JsonArray(new JsonObject
            {
                ["code"] = codes.Country(code)?.Iso3 ?? (code is { Length: >= 3 } ? code[..3] : null),
                ["sector"] = sectors.Count == 0 ? null : string.Concat(sectors.Take(2)), // the manual's 3- or 6-char sector
                ["entity_text"] = text,
                ["other_sector_codes"] = sectors.Count > 2 ? string.Join(' ', sectors.Skip(2)) : null,
                ["cameo_code"] = code,
                ["dragoman_entity"] = entity,
            });
        }
        var date = ExportFields.EventDate(e);
        var country = countries.ByIso2(e.Country);
        return new JsonObject
        {
            ["id"] = PloverId(e),
            ["has_event"] = e.PloverEvent is not null,
            ["date"] = date is { } d ? ExportFields.Iso(d) : null,
            ["enddate"] = e.TimeEnd ?? e.TimeStart,
            ["date_precision"] = e.TimeInherited ? "inherited" : e.TimePrecision,
            // PLOVER's entity_text is text of the story: an actor the text does not name (a coder's category) is left out, as GDELT's is
            ["actor"] = Entity(e.ActorImplied ? null : e.Actor, e.ActorCode, e.ActorEntity),
            ["recipient"] = Entity(e.Target, e.TargetCode, e.TargetEntity),
            ["event"] = e.PloverEvent is null ? new JsonArray() : new JsonArray(e.PloverEvent),
            ["event_loc"] = e.Lat is null && e.PlaceName is null && e.Place is null ? null : new JsonObject
            {
                ["extracted_place"] = e.Place,
                ["resolved_place"] = e.PlaceName,
                ["geonameid"] = GeonameId(e),
                ["lat"] = e.Lat,
                ["lon"] = e.Lon,
                ["city"] = e.PlacePrecision is "exact" or "near" ? e.PlaceName : null,
                ["province"] = e.Admin1,
                ["country"] = country?.Name,
                ["country_code"] = country?.Iso3,
                ["resolution"] = Resolution(e.PlacePrecision),
                ["dragoman_precision"] = e.PlacePrecision,
            },
            ["event_text"] = e.Trigger is null ? new JsonArray() : new JsonArray(e.Trigger),
            ["quad_code"] = e.QuadClass,
            ["event_scale"] = e.Goldstein,
            ["mode"] = e.PloverMode is null ? new JsonArray() : new JsonArray(e.PloverMode),
            ["context"] = new JsonArray(),
            ["text"] = ExportFields.EvidenceText(e),
            ["cite_info"] = new JsonObject
            {
                ["citation"] = StoreId.ArticleKey(e.ArticleId) + " " + e.ArticleHash,
                ["url"] = ExportFields.ArticleUri(e),
                ["title"] = e.ArticleTitle,
                ["language"] = "en",
                ["coder"] = "Dragoman",
                ["codebook"] = "plover-base (CAMEO2PLOVER-2021)",
                ["published"] = e.Published,
                ["sources"] = JsonNode.Parse(string.IsNullOrEmpty(e.SourcesJson) ? "[]" : e.SourcesJson),
            },
            ["coder"] = "Dragoman",
            ["cameo"] = e.Cameo,
            ["modality"] = e.Modality,
            ["occurred"] = e.Occurred,
            ["confidence"] = e.Confidence,
        };
    }

    public static string PloverId(EventRecord e) => "DRAGOMAN-" + e.ArticleHash[..Math.Min(12, e.ArticleHash.Length)] + "-" + e.EventId;

    /// <summary>The GeoNames id as the integer the manual asks for; null for the supplement's own ids (not GeoNames').</summary>
    public static long? GeonameId(EventRecord e) =>
        long.TryParse(e.GeonameId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>The manual's resolution: 5 sub-city, 4 city, 3 district, 2 province, 1 country.</summary>
    public static int? Resolution(string? precision) => precision switch
    {
        "exact" or "near" => 4,
        "region" => 2,
        "country" => 1,
        _ => null,
    };
}

/// <summary>
/// One JSON object per line: <see cref="EventJson.Flat"/>; with <see cref="IncidentOf"/> (`export --format jsonl --reports`)
/// each also carries its article's <c>uri</c> and its <c>incident</c> id (null when it belongs to none).
/// </summary>
public sealed class JsonLinesExporter : IEventExporter
{
    public string Format => "jsonl";
    public string Extension => ".jsonl";
    public string MediaType => "application/x-ndjson";
    public Func<EventRecord, long?>? IncidentOf { get; init; }

    public async Task WriteAsync(IEnumerable<EventRecord> events, Stream output, CancellationToken cancel = default)
    {
        await using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        foreach (var e in events)
        {
            cancel.ThrowIfCancellationRequested();
            var flat = EventJson.Flat(e);
            if (IncidentOf is { } incidentOf)
            {
                flat["uri"] = ExportFields.ArticleUri(e);
                flat["incident"] = incidentOf(e) is { } i ? StoreId.IncidentKey(i) : null;
            }
            await w.WriteLineAsync(flat.ToJsonString(DocumentJson.Compact));
        }
    }
}

/// <summary>A GeoJSON FeatureCollection (RFC 7946) of the events with coordinates, for QGIS and web maps.</summary>
public sealed class GeoJsonExporter : IEventExporter
{
    public string Format => "geojson";
    public string Extension => ".geojson";
    public string MediaType => "application/geo+json";

    public async Task WriteAsync(IEnumerable<EventRecord> events, Stream output, CancellationToken cancel = default)
    {
        await using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = DocumentJson.Compact.Encoder });
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        int unlocated = 0;
        foreach (var e in events)
        {
            cancel.ThrowIfCancellationRequested();
            if (EventFeature.From(e) is { } f) JsonSerializer.Serialize(w, f, EventFeature.Json);
            else unlocated++;
            if (w.BytesPending > 1 << 16) await w.FlushAsync(cancel);
        }
        w.WriteEndArray();
        w.WriteNumber("unlocated", unlocated);
        w.WriteEndObject();
        await w.FlushAsync(cancel);
    }
}

/// <summary>A JSON array of PLOVER records (<see cref="EventJson.Plover"/>).</summary>
public sealed class PloverJsonExporter : IEventExporter
{
    public string Format => "plover-json";
    public string Extension => ".json";
    public string MediaType => "application/json";

    public async Task WriteAsync(IEnumerable<EventRecord> events, Stream output, CancellationToken cancel = default)
    {
        await using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = DocumentJson.Compact.Encoder, Indented = true });
        w.WriteStartArray();
        foreach (var e in events)
        {
            cancel.ThrowIfCancellationRequested();
            EventJson.Plover(e).WriteTo(w);
            if (w.BytesPending > 1 << 16) await w.FlushAsync(cancel);
        }
        w.WriteEndArray();
        await w.FlushAsync(cancel);
    }
}
