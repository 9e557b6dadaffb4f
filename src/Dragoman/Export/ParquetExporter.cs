using System.Globalization;
using System.Threading.Channels;
using Dragoman.Storage;
using Parquet;
using Parquet.Schema;
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
    /// <summary>The text names the target only generically: <see cref="target"/> is the convention's category (civilians), not the written words.</summary>
    public bool target_convention { get; set; }
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
        target_convention = e.TargetConvention,
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
        var b = new byte[WkbPointLength];
        WriteWkbPoint(b, x, y);
        return b;
    }

    public const int WkbPointLength = 21;

    /// <summary><see cref="WkbPoint"/> written into <paramref name="b"/> (its first <see cref="WkbPointLength"/> bytes).</summary>
    public static void WriteWkbPoint(Span<byte> b, double x, double y)
    {
        b[0] = 1;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(b[1..], 1);
        System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(b[5..], x);
        System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(b[13..], y);
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

    /// <summary>
    /// Row groups waiting between the two stages of the pipelined write (issue 19: the store's read on one thread, the column
    /// conversion and Parquet.Net's encoding on another, so that a two-core machine shares the work). The channel holds at
    /// most this many row groups, so memory stays bounded whatever the export's size (a 100k export's peak RSS 281-306 -> 375-427 MB
    /// with 1, docs/benchmarks.md); 0 writes on the caller alone, one stage after the other (the same bytes: ParquetPipelineTests).
    /// </summary>
    public int RowGroupsInFlight { get; init; } = 1;

    public async Task WriteAsync(IEnumerable<EventRecord> events, Stream output, CancellationToken cancel = default)
    {
        // Parquet needs a seekable stream to append row groups; buffer when the target cannot seek (a pipe, an HTTP body).
        var target = output.CanSeek ? output : new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(ParquetColumns.Schema, target, new ParquetOptions(), append: false, cancel))
        {
            writer.CustomMetadata = GeoMetadata.ToDictionary();
            var columns = ParquetColumns.NewValues(); // one set of column buffers, reused by every row group
            if (RowGroupsInFlight > 0) await WritePipelinedAsync(events, writer, columns, cancel);
            else
                foreach (var group in events.Chunk(RowGroupSize).DefaultIfEmpty([]))
                    await WriteGroupAsync(writer, columns, group, cancel);
        }
        if (!ReferenceEquals(target, output))
        {
            target.Position = 0;
            await target.CopyToAsync(output, cancel);
        }
    }

    private static async Task WriteGroupAsync(ParquetWriter writer, ParquetColumns.Values[] columns, EventRecord[] group, CancellationToken cancel)
    {
        using var rows = writer.CreateRowGroup();
        for (int i = 0; i < columns.Length; i++) await columns[i].WriteAsync(rows, ParquetColumns.All[i].Field, group, cancel);
    }

    /// <summary>
    /// Two stages joined by a bounded channel: the events read and cut into row groups on a thread of their own (the store's
    /// read blocks), each group's column arrays computed, encoded and written here. A stage's exception ends the other (the
    /// writer's through a cancellation, the reader's through the channel) and surfaces here.
    /// </summary>
    private async Task WritePipelinedAsync(IEnumerable<EventRecord> events, ParquetWriter writer, ParquetColumns.Values[] columns, CancellationToken cancel)
    {
        var groups = Channel.CreateBounded<EventRecord[]>(new BoundedChannelOptions(RowGroupsInFlight)
        {
            SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var read = Task.Factory.StartNew(() => Read(events, groups.Writer, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await foreach (var group in groups.Reader.ReadAllAsync(stop.Token))
                await WriteGroupAsync(writer, columns, group, stop.Token);
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        finally
        {
            // never return while the reader still holds the store (its connection is not for two threads); its own
            // exception reached the writer through the channel, or the writer's ended it
            try { await read; } catch { }
        }
        await read; // rethrows the reader's failure should its channel have ended without it
    }

    private void Read(IEnumerable<EventRecord> events, ChannelWriter<EventRecord[]> groups, CancellationToken cancel)
    {
        try
        {
            bool any = false;
            foreach (var group in events.Chunk(RowGroupSize))
            {
                any = true;
                Put(groups, group, cancel);
            }
            if (!any) Put(groups, [], cancel); // an empty store is one empty row group, as the sequential path writes it
            groups.TryComplete();
        }
        catch (Exception ex)
        {
            groups.TryComplete(ex);
            throw;
        }
    }

    /// <summary>Waits (blocking the reader's own thread) until the channel has room: the bound on row groups in flight.</summary>
    private static void Put<T>(ChannelWriter<T> channel, T item, CancellationToken cancel)
    {
        while (!channel.TryWrite(item))
            if (!channel.WaitToWriteAsync(cancel).AsTask().GetAwaiter().GetResult())
                throw new ChannelClosedException();
    }
}

/// <summary>
/// The Parquet file's columns written one typed array at a time from the events (issue 19: Parquet.Net's row serializer
/// striped each <see cref="ParquetEventRow"/> through compiled expressions, about half of an export's time). The schema is
/// still <see cref="ParquetEventRow"/>'s, so readers that deserialize into it see the same file; each column here computes
/// what <see cref="ParquetEventRow.From"/> computes for its property (ExportTests compares the bytes with the serializer's).
/// </summary>
internal static class ParquetColumns
{
    public static readonly ParquetSchema Schema = typeof(ParquetEventRow).GetParquetSchema(false);

    private static readonly Dictionary<string, Column> ByName = new Column[]
    {
        Text("id", e => e.Key),
        Text("article", e => StoreId.ArticleKey(e.ArticleId)),
        Text("article_hash", e => e.ArticleHash),
        Text("article_title", e => e.ArticleTitle),
        Text("article_uri", e => e.ArticleUri),
        Nullable("published", e => ExportFields.Date(e.Published)),
        Text("event", e => e.EventId),
        Value("ordinal", e => e.Ordinal),
        Text("action", e => e.Action),
        Text("trigger", e => e.Trigger),
        Text("actor", e => e.Actor),
        Text("actor_code", e => e.ActorCode),
        Value("actor_implied", e => e.ActorImplied),
        Text("target", e => e.Target),
        Value("target_convention", e => e.TargetConvention),
        Text("target_code", e => e.TargetCode),
        Text("place", e => e.Place),
        Text("place_name", e => e.PlaceName),
        Nullable("geonameid", e => long.TryParse(e.GeonameId, NumberStyles.None, CultureInfo.InvariantCulture, out var gid) ? gid : (long?)null),
        Text("place_id", e => e.GeonameId),
        Nullable("lat", e => e.Lat),
        Nullable("lon", e => e.Lon),
        Text("country", e => e.Country),
        Text("admin1", e => e.Admin1),
        Text("place_precision", e => e.PlacePrecision),
        Nullable("geo_precision", ExportFields.AcledGeoPrecision),
        Nullable("event_date", ExportFields.EventDate),
        Text("time_text", e => e.TimeText),
        Nullable("time_start", e => ExportFields.Date(e.TimeStart)),
        Nullable("time_end", e => ExportFields.Date(e.TimeEnd)),
        Text("time_precision", e => e.TimePrecision),
        Value("time_inherited", e => e.TimeInherited),
        Value("time_precision_acled", ExportFields.AcledTimePrecision),
        Text("modality", e => e.Modality),
        Value("occurred", e => e.Occurred),
        Value("confidence", e => e.Confidence),
        Value("fatalities", ExportFields.Fatalities),
        Text("cameo", e => e.Cameo),
        Text("plover_event", e => e.PloverEvent),
        Text("plover_mode", e => e.PloverMode),
        Text("acled_event_type", e => e.AcledType),
        Text("acled_sub_event_type", e => e.AcledSubtype),
        Nullable("quad_class", e => e.QuadClass),
        Nullable("goldstein", e => e.Goldstein),
        Text("sources", ExportFields.SourceChain),
        Text("evidence", ExportFields.EvidenceText),
        Text("counts_json", e => e.CountsJson),
        Text("sources_json", e => e.SourcesJson),
        Text("evidence_json", e => e.EvidenceJson),
        new GeometryColumn("geometry"),
    }.ToDictionary(c => c.Name);

    /// <summary>The columns in the schema's order (a schema field without a column here fails at the first export).</summary>
    public static readonly IReadOnlyList<(DataField Field, Column Column)> All =
        [.. Schema.DataFields.Select(f => (f, ByName.TryGetValue(f.Name, out var c) ? c : throw new InvalidOperationException($"no Parquet column for {f.Name}")))];

    private static TextColumn Text(string name, Func<EventRecord, string?> value) => new(name, value);

    private static ValueColumn<T> Value<T>(string name, Func<EventRecord, T> value) where T : struct => new(name, value);

    private static NullableColumn<T> Nullable<T>(string name, Func<EventRecord, T?> value) where T : struct => new(name, value);

    /// <summary>
    /// A buffer per column, in the schema's order (<see cref="All"/>), for one export: each row group's values are computed
    /// into it and handed to Parquet.Net as a slice, so that a row group allocates no column arrays (issue 19: the arrays of
    /// nullable values and Parquet.Net's string helper's are over the large-object threshold at 10,000 rows; allocated per
    /// group they were collected only by full collections). Reuse is safe because a column's write has encoded the values
    /// when it returns, and the row groups are written one after another.
    /// </summary>
    public static Values[] NewValues()
    {
        var values = new Values[All.Count];
        for (int i = 0; i < values.Length; i++) values[i] = All[i].Column.NewValues();
        return values;
    }

    internal abstract class Column(string name)
    {
        public string Name { get; } = name;

        public abstract Values NewValues();
    }

    /// <summary>One column's buffer: computes a row group's values and has Parquet.Net encode and write them.</summary>
    internal abstract class Values
    {
        public abstract Task WriteAsync(ParquetRowGroupWriter rows, DataField field, EventRecord[] events, CancellationToken cancel);

        /// <summary>The buffer, grown to <paramref name="count"/> values when it is shorter.</summary>
        protected static T[] Sized<T>(ref T[] buffer, int count)
        {
            if (buffer.Length < count) buffer = new T[count];
            return buffer;
        }
    }

    private sealed class TextColumn(string name, Func<EventRecord, string?> value) : Column(name)
    {
        public override Values NewValues() => new Texts(value);
    }

    /// <summary>Strings as Parquet.Net's own string helper passes them (null stays null), without its array per call.</summary>
    private sealed class Texts(Func<EventRecord, string?> value) : Values
    {
        private ReadOnlyMemory<char>?[] _buffer = [];

        public override async Task WriteAsync(ParquetRowGroupWriter rows, DataField field, EventRecord[] events, CancellationToken cancel)
        {
            var b = Sized(ref _buffer, events.Length);
            for (int i = 0; i < events.Length; i++)
            {
                // not `s is { } ? s.AsMemory() : null`: that null converts through char[] to an empty string, not a null
                string? s = value(events[i]);
                if (s is null) b[i] = null;
                else b[i] = s.AsMemory();
            }
            await rows.WriteAsync<ReadOnlyMemory<char>>(field, new ReadOnlyMemory<ReadOnlyMemory<char>?>(b, 0, events.Length), null, null, cancel);
            Array.Clear(b, 0, events.Length); // the long-lived buffer must not keep this group's strings alive
        }
    }

    /// <summary>The WKB points of a row group, each 21 bytes of one shared array (instead of an array per event).</summary>
    private sealed class GeometryColumn(string name) : Column(name)
    {
        public override Values NewValues() => new Points();
    }

    private sealed class Points : Values
    {
        private ReadOnlyMemory<byte>?[] _buffer = [];
        private byte[] _wkb = [];

        public override async Task WriteAsync(ParquetRowGroupWriter rows, DataField field, EventRecord[] events, CancellationToken cancel)
        {
            var b = Sized(ref _buffer, events.Length);
            var wkb = Sized(ref _wkb, events.Length * ParquetEventRow.WkbPointLength);
            for (int i = 0; i < events.Length; i++)
            {
                var e = events[i];
                if (e.Lat is double lat && e.Lon is double lon)
                {
                    var point = new Memory<byte>(wkb, i * ParquetEventRow.WkbPointLength, ParquetEventRow.WkbPointLength);
                    ParquetEventRow.WriteWkbPoint(point.Span, lon, lat);
                    b[i] = point;
                }
                else b[i] = null;
            }
            await rows.WriteAsync<ReadOnlyMemory<byte>>(field, new ReadOnlyMemory<ReadOnlyMemory<byte>?>(b, 0, events.Length), null, null, cancel);
        }
    }

    private sealed class ValueColumn<T>(string name, Func<EventRecord, T> value) : Column(name) where T : struct
    {
        public override Values NewValues() => new Plain<T>(value);
    }

    private sealed class Plain<T>(Func<EventRecord, T> value) : Values where T : struct
    {
        private T[] _buffer = [];

        public override Task WriteAsync(ParquetRowGroupWriter rows, DataField field, EventRecord[] events, CancellationToken cancel)
        {
            var b = Sized(ref _buffer, events.Length);
            for (int i = 0; i < events.Length; i++) b[i] = value(events[i]);
            return rows.WriteAsync<T>(field, new ReadOnlyMemory<T>(b, 0, events.Length), null, null, cancel);
        }
    }

    private sealed class NullableColumn<T>(string name, Func<EventRecord, T?> value) : Column(name) where T : struct
    {
        public override Values NewValues() => new NullableValues<T>(value);
    }

    private sealed class NullableValues<T>(Func<EventRecord, T?> value) : Values where T : struct
    {
        private T?[] _buffer = [];

        public override Task WriteAsync(ParquetRowGroupWriter rows, DataField field, EventRecord[] events, CancellationToken cancel)
        {
            var b = Sized(ref _buffer, events.Length);
            for (int i = 0; i < events.Length; i++) b[i] = value(events[i]);
            return rows.WriteAsync<T>(field, new ReadOnlyMemory<T?>(b, 0, events.Length), null, null, cancel);
        }
    }
}
