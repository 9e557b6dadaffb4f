using Dragoman.Storage;
using Parquet.Serialization;

namespace Dragoman.Export;

/// <summary>One Parquet row per event (flat columns, snake_case names as in the ACLED CSV's Dragoman columns).</summary>
public sealed class ParquetEventRow
{
    public string id { get; set; } = "";
    public string article { get; set; } = "";
    public string article_hash { get; set; } = "";
    public string? article_title { get; set; }
    public string? article_uri { get; set; }
    public DateOnly? published { get; set; }
    public string @event { get; set; } = "";
    public int ordinal { get; set; }
    public string action { get; set; } = "";
    public string? trigger { get; set; }
    public string? actor { get; set; }
    public string? actor_code { get; set; }
    /// <summary>The text names no actor: <see cref="actor"/> is the coder's category the event implies, not a name.</summary>
    public bool actor_implied { get; set; }
    public string? target { get; set; }
    public string? target_code { get; set; }
    public string? place { get; set; }
    public string? place_name { get; set; }
    /// <summary>The GeoNames id as an integer; null for a place of the curated supplement (its id is not a GeoNames number).</summary>
    public long? geonameid { get; set; }
    /// <summary>The resolved place's id as stored (GeoNames number or supplement id).</summary>
    public string? place_id { get; set; }
    public double? lat { get; set; }
    public double? lon { get; set; }
    public string? country { get; set; }
    public string? admin1 { get; set; }
    public string? place_precision { get; set; }
    public int? geo_precision { get; set; }
    public DateOnly? event_date { get; set; }
    public string? time_text { get; set; }
    public DateOnly? time_start { get; set; }
    public DateOnly? time_end { get; set; }
    public string? time_precision { get; set; }
    public bool time_inherited { get; set; }
    public int time_precision_acled { get; set; }
    public string modality { get; set; } = "";
    public bool occurred { get; set; }
    public double confidence { get; set; }
    public int fatalities { get; set; }
    public string? cameo { get; set; }
    public string? plover_event { get; set; }
    public string? plover_mode { get; set; }
    public string? acled_event_type { get; set; }
    public string? acled_sub_event_type { get; set; }
    public int? quad_class { get; set; }
    public double? goldstein { get; set; }
    public string sources { get; set; } = "";
    public string evidence { get; set; } = "";
    public string counts_json { get; set; } = "[]";
    public string sources_json { get; set; } = "[]";
    public string evidence_json { get; set; } = "[]";
    /// <summary>The place as a GeoParquet 1.1 geometry: a WKB point (longitude, latitude; OGC:CRS84), null without coordinates.</summary>
    public byte[]? geometry { get; set; }

    public static ParquetEventRow From(EventRecord e) => new()
    {
        id = e.Key,
        article = StoreId.ArticleKey(e.ArticleId),
        article_hash = e.ArticleHash,
        article_title = e.ArticleTitle,
        article_uri = e.ArticleUri,
        published = ExportFields.Date(e.Published),
        @event = e.EventId,
        ordinal = e.Ordinal,
        action = e.Action,
        trigger = e.Trigger,
        actor = e.Actor,
        actor_code = e.ActorCode,
        actor_implied = e.ActorImplied,
        target = e.Target,
        target_code = e.TargetCode,
        place = e.Place,
        place_name = e.PlaceName,
        geonameid = long.TryParse(e.GeonameId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var gid) ? gid : null,
        place_id = e.GeonameId,
        lat = e.Lat,
        lon = e.Lon,
        country = e.Country,
        admin1 = e.Admin1,
        place_precision = e.PlacePrecision,
        geo_precision = ExportFields.AcledGeoPrecision(e),
        event_date = ExportFields.EventDate(e),
        time_text = e.TimeText,
        time_start = ExportFields.Date(e.TimeStart),
        time_end = ExportFields.Date(e.TimeEnd),
        time_precision = e.TimePrecision,
        time_inherited = e.TimeInherited,
        time_precision_acled = ExportFields.AcledTimePrecision(e),
        modality = e.Modality,
        occurred = e.Occurred,
        confidence = e.Confidence,
        fatalities = ExportFields.Fatalities(e),
        cameo = e.Cameo,
        plover_event = e.PloverEvent,
        plover_mode = e.PloverMode,
        acled_event_type = e.AcledType,
        acled_sub_event_type = e.AcledSubtype,
        quad_class = e.QuadClass,
        goldstein = e.Goldstein,
        sources = ExportFields.SourceChain(e),
        evidence = ExportFields.EvidenceText(e),
        counts_json = e.CountsJson,
        sources_json = e.SourcesJson,
        evidence_json = e.EvidenceJson,
        geometry = e.Lat is double lat && e.Lon is double lon ? WkbPoint(lon, lat) : null,
    };

    /// <summary>Well-known binary of a 2D point, little-endian: byte order 1, type 1 (Point), x, y.</summary>
    public static byte[] WkbPoint(double x, double y)
    {
        var b = new byte[21];
        b[0] = 1;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(1), 1);
        System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(5), x);
        System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(b.AsSpan(13), y);
        return b;
    }
}

/// <summary>
/// Apache Parquet via Parquet.Net, in row groups of <see cref="RowGroupSize"/> events, for DuckDB, pandas and Arrow; dates
/// are Parquet DATEs, and the file is GeoParquet 1.1 (a WKB point column <c>geometry</c> and the "geo" file metadata),
/// so that GDAL/QGIS and geopandas see the points.
/// </summary>
public sealed class ParquetExporter : IEventExporter
{
    public string Format => "parquet";
    public string Extension => ".parquet";
    public string MediaType => "application/vnd.apache.parquet";
    // Parquet.Net holds a whole row group in memory: a 100k-event export peaked at 602 MB with 50,000 and 278 MB with 10,000 (docs/benchmarks.md)
    public int RowGroupSize { get; init; } = 10_000;

    /// <summary>GeoParquet 1.1 file metadata: the primary geometry column, WKB points, CRS omitted (meaning OGC:CRS84, longitude first).</summary>
    public static readonly IReadOnlyDictionary<string, string> GeoMetadata = new Dictionary<string, string>
    {
        ["geo"] = """{"version":"1.1.0","primary_column":"geometry","columns":{"geometry":{"encoding":"WKB","geometry_types":["Point"]}}}""",
    };

    public async Task WriteAsync(IEnumerable<EventRecord> events, Stream output, CancellationToken cancel = default)
    {
        // Parquet needs a seekable stream to append row groups; buffer when the target cannot seek (a pipe, an HTTP body).
        var target = output.CanSeek ? output : new MemoryStream();
        bool first = true;
        foreach (var chunk in events.Select(ParquetEventRow.From).Chunk(RowGroupSize).DefaultIfEmpty([]))
        {
            await ParquetSerializer.SerializeAsync(chunk, target, new Parquet.ParquetOptions { Append = !first }, GeoMetadata, cancel);
            first = false;
        }
        if (!ReferenceEquals(target, output))
        {
            target.Position = 0;
            await target.CopyToAsync(output, cancel);
        }
    }
}
