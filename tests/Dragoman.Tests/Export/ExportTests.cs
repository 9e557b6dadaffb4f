using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Dragoman.Export;
using Dragoman.Storage;
using Dragoman.Storage.Sqlite;
using Dragoman.Tests.Storage;
using Parquet.Serialization;

namespace Dragoman.Tests.Export;

/// <summary>A temporary store holding the hand-built corpus (StoreFixtures), fresh for each test, and its events.</summary>
public abstract class ExportStoreTests : IDisposable
{
    protected readonly string _dir = Directory.CreateTempSubdirectory("dragoman-export-").FullName;
    protected readonly IEventStore _store;

    protected ExportStoreTests()
    {
        _store = SqliteEventStore.Open(Path.Combine(_dir, "export.db"));
        Assert.All(_store.Add(StoreFixtures.Corpus()), o => Assert.Equal(AddStatus.Stored, o.Status));
    }

    public void Dispose()
    {
        _store.Dispose();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    protected IReadOnlyList<EventRecord> Events(EventQuery? q = null) => [.. EventExporters.Enumerate(_store, q ?? new EventQuery())];
}

/// <summary>
/// Every export format written from a store holding the hand-built corpus (StoreFixtures: a reported release in Jabab,
/// an expected attack in Daraa, an asserted clash near Idlib, a denied killing) and read back by a reader of that format.
/// </summary>
public sealed class ExportTests : ExportStoreTests
{
    private async Task<byte[]> Write(IEventExporter exporter, EventQuery? q = null)
    {
        using var ms = new MemoryStream();
        await exporter.WriteAsync(Events(q), ms);
        return ms.ToArray();
    }

    [Theory]
    [InlineData("acled-csv", true)]
    [InlineData("GeoJSON", true)]
    [InlineData("parquet", true)]
    [InlineData("csv", false)]
    [InlineData("", false)]
    public void Formats_are_found_by_name(string name, bool known) => Assert.Equal(known, EventExporters.Find(name) is not null);

    [Theory]
    [InlineData(false, "release/ev1 clash/ev1", "by default only events that occurred: ACLED records no expectations or denials")]
    [InlineData(true, "release/ev1 clash/ev1", "--all lets events that did not occur through, but the expected attack and the denied killing have no ACLED type: left out (and counted)")]
    public async Task Acled_csv_round_trips_through_a_csv_reader(bool all, string expected, string reason)
    {
        var bytes = await Write(new AcledCsvExporter { IncludeNotOccurred = all });
        var rows = Delimited.ReadCsv(new StringReader(Encoding.UTF8.GetString(bytes)));
        var header = rows[0];
        Assert.Equal(AcledCsvExporter.Columns, header);
        Assert.All(rows.Skip(1), r => Assert.Equal(header.Length, r.Length));
        var byId = rows.Skip(1).ToDictionary(r => r[Array.IndexOf(header, "dragoman_id")]);
        string Label(string key) => key.StartsWith("a1:", StringComparison.Ordinal) ? "release/" + key[3..] : "clash/" + key[3..];
        Assert.True(expected.Split(' ').Order().SequenceEqual(byId.Keys.Select(Label).Order()), reason);

        string F(string id, string column) => byId[id][Array.IndexOf(header, column)];
        // The release: a week ("last week") is time_precision 2; Jabab, a named town, geo_precision 1; the source chain.
        Assert.Equal("2019-02-01", F("a1:ev1", "event_date"));
        Assert.Equal("2", F("a1:ev1", "time_precision"));
        Assert.Equal("1", F("a1:ev1", "geo_precision"));
        Assert.Equal("33.1167", F("a1:ev1", "latitude"));
        Assert.Equal("Strategic developments", F("a1:ev1", "disorder_type"));
        Assert.Equal("sources in Daraa < Test Wire", F("a1:ev1", "source"));
        Assert.Contains("released more than 30 fighters", F("a1:ev1", "notes"));
        // The clash: a day ("on Tuesday"), Battles.
        Assert.Equal("1", F("a2:ev1", "time_precision"));
        Assert.Equal("Political violence", F("a2:ev1", "disorder_type"));
        Assert.Equal("Government troops", F("a2:ev1", "actor1"));
        Assert.Equal(("1", "2", "12"), (F("a2:ev1", "inter1"), F("a2:ev1", "inter2"), F("a2:ev1", "interaction"))); // SYRMIL against SYRREB
    }

    [Theory]
    [InlineData("day", false, "2017-04-04", 1, "a known day")]
    [InlineData("week", false, "2019-02-01", 2, "a week")]
    [InlineData("month", false, "2018-08-01", 3, "a month")]
    [InlineData("year", false, "2018-01-01", 3, "a year is coarser than ACLED's month: 3, never more exact than the text")]
    [InlineData("day", true, "2019-02-10", 3, "an inherited time (no expression governs the event) is not a known day")]
    [InlineData(null, false, null, 3, "no time at all")]
    public void Acled_time_precision_codes(string? precision, bool inherited, string? start, int expected, string reason)
    {
        var e = new EventRecord
        {
            ArticleId = 1, ArticleHash = "ab", EventId = "ev1", Ordinal = 1, Action = "attack", Modality = "asserted",
            TimePrecision = precision, TimeInherited = inherited, TimeStart = start,
        };
        Assert.True(expected == ExportFields.AcledTimePrecision(e), reason);
    }

    [Theory]
    [InlineData("exact", 1, "4", "a named town or site")]
    [InlineData("near", 2, "4", "near a town keeps the town: ACLED 2")]
    [InlineData("region", 3, "5", "a region or province")]
    [InlineData("country", 3, "1", "only the country")]
    [InlineData(null, null, "0", "no resolved place: GDELT writes geo type 0")]
    public void Geo_precision_codes(string? precision, int? acled, string gdeltType, string reason)
    {
        var e = new EventRecord { ArticleId = 1, ArticleHash = "ab", EventId = "ev1", Ordinal = 1, Action = "attack", Modality = "asserted", PlacePrecision = precision };
        Assert.True(acled == ExportFields.AcledGeoPrecision(e), reason);
        Assert.Equal(gdeltType, GdeltTsvExporter.GeoType(precision));
    }

    [Fact]
    public async Task Gdelt_tsv_has_the_61_event_table_columns_and_cameo_codes()
    {
        var text = Encoding.UTF8.GetString(await Write(new GdeltTsvExporter()));
        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();
        Assert.Equal(61, GdeltTsvExporter.Columns.Length);
        Assert.Equal(2, rows.Count); // the release and the clash; the expected attack and the denied killing did not occur
        Assert.All(rows, r => Assert.Equal(61, r.Length));
        string F(string[] r, string c) => r[Array.IndexOf(GdeltTsvExporter.Columns, c)];
        var release = rows.Single(r => F(r, "EventCode") == "0841");
        Assert.Equal("084", F(release, "EventBaseCode"));
        Assert.Equal("08", F(release, "EventRootCode"));
        Assert.Equal("20190201", F(release, "SQLDATE"));
        Assert.Equal("SYRGOVSPY", F(release, "Actor1Code"));
        Assert.Equal("4", F(release, "ActionGeo_Type"));
        Assert.Equal("36.2667", F(release, "ActionGeo_Long"));
        Assert.Equal("170001", F(release, "ActionGeo_FeatureID"));
        Assert.Equal("1", F(release, "QuadClass"));
    }

    [Fact]
    public async Task Jsonl_round_trips_every_event_with_its_evidence()
    {
        var lines = Encoding.UTF8.GetString(await Write(new JsonLinesExporter())).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var objects = lines.Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.Equal(Events().Select(e => e.Key), objects.Select(o => o["id"]!.GetValue<string>()));
        var release = objects.Single(o => o["id"]!.GetValue<string>() == "a1:ev1");
        Assert.Equal("reported", release["modality"]!.GetValue<string>());
        Assert.Equal(31, release["counts"]![0]!["min"]!.GetValue<int>());
        Assert.Equal("Jabab", release["place"]!["text"]!.GetValue<string>());
        var ev = release["evidence"]![0]!;
        Assert.StartsWith("Sources in Daraa said", ev["text"]!.GetValue<string>());
        var denied = objects.Single(o => o["id"]!.GetValue<string>() == "a2:ev2");
        Assert.False(denied["occurred"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Geojson_is_a_valid_feature_collection_with_longitude_first()
    {
        var root = JsonNode.Parse(await Write(new GeoJsonExporter()))!.AsObject();
        Assert.Equal("FeatureCollection", root["type"]!.GetValue<string>());
        var features = root["features"]!.AsArray();
        Assert.Equal(3, features.Count); // release (Jabab), attack (Daraa), clash (Idlib)
        Assert.Equal(1, root["unlocated"]!.GetValue<int>()); // the denied killing has no place
        foreach (var f in features.Select(x => x!.AsObject()))
        {
            Assert.Equal("Feature", f["type"]!.GetValue<string>());
            Assert.NotNull(f["properties"] as JsonObject);
            var g = f["geometry"]!.AsObject();
            Assert.Equal("Point", g["type"]!.GetValue<string>());
            var c = g["coordinates"]!.AsArray().Select(x => x!.GetValue<double>()).ToArray();
            Assert.Equal(2, c.Length);
            Assert.InRange(c[0], -180, 180);
            Assert.InRange(c[1], -90, 90);
        }
        var jabab = features.Single(f => f!["id"]!.GetValue<string>() == "a1:ev1")!;
        Assert.Equal([36.2667, 33.1167], jabab["geometry"]!["coordinates"]!.AsArray().Select(x => x!.GetValue<double>()));
        Assert.Equal(1, jabab["properties"]!["geo_precision"]!.GetValue<int>());
    }

    [Fact]
    public async Task Plover_json_records_have_the_required_fields()
    {
        var records = JsonNode.Parse(await Write(new PloverJsonExporter()))!.AsArray().Select(x => x!.AsObject()).ToList();
        Assert.Equal(4, records.Count);
        Assert.All(records, r =>
        {
            foreach (var field in new[] { "id", "date", "actor", "event" }) Assert.True(r.ContainsKey(field), $"PLOVER requires '{field}'");
            Assert.IsType<JsonArray>(r["event"]);
        });
        Assert.Equal(records.Count, records.Select(r => r["id"]!.GetValue<string>()).Distinct().Count());
        var release = records.Single(r => r["cameo"]?.GetValue<string>() == "0841");
        Assert.Equal(["RELEASE"], release["event"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal("SYRGOVSPY", release["actor"]![0]!["cameo_code"]!.GetValue<string>());
        Assert.Equal("2019-02-01", release["date"]!.GetValue<string>());
        Assert.Equal(33.1167, release["event_loc"]!["lat"]!.GetValue<double>());
    }

    [Theory]
    [InlineData(true, "a seekable file")]
    [InlineData(false, "a pipe: buffered, then copied")]
    public async Task Parquet_reads_back_with_Parquet_Net(bool seekable, string reason)
    {
        var events = Events();
        using var inner = new MemoryStream();
        Stream target = seekable ? inner : new NonSeekable(inner);
        await new ParquetExporter { RowGroupSize = 3 }.WriteAsync(events, target); // 4 events: two row groups
        inner.Position = 0;
        var rows = (await ParquetSerializer.DeserializeAsync<ParquetEventRow>(inner)).Data;
        Assert.True(events.Select(e => e.Key).SequenceEqual(rows.Select(r => r.id)), reason);
        var release = rows.Single(r => r.id == "a1:ev1");
        Assert.Equal(33.1167, release.lat);
        Assert.Equal("reported", release.modality);
        Assert.Equal(2, release.time_precision_acled);
        Assert.Equal(1, release.geo_precision);
        Assert.Equal("0841", release.cameo);
        Assert.Null(rows.Single(r => r.id == "a2:ev2").lat);
    }

    [Theory]
    [InlineData(3, false, "two row groups: the serializer reopened the file to append the second")]
    [InlineData(1, false, "a row group per event: each column's buffer reused, a null text or point after a stored one")]
    [InlineData(2, false, "two full row groups through the same column buffers")]
    [InlineData(10_000, false, "one row group")]
    [InlineData(3, true, "no events: one empty row group")]
    public async Task Parquet_columns_write_the_bytes_of_the_row_serializer(int groupSize, bool empty, string reason)
    {
        IReadOnlyList<EventRecord> events = empty ? [] : Events();
        using var columns = new MemoryStream();
        await new ParquetExporter { RowGroupSize = groupSize }.WriteAsync(events, columns);
        // the exporter before the typed columns: Parquet.Net's row serializer over ParquetEventRow, a row group per chunk
        using var serialized = new MemoryStream();
        bool first = true;
        foreach (var chunk in events.Select(ParquetEventRow.From).Chunk(groupSize).DefaultIfEmpty([]))
        {
            await ParquetSerializer.SerializeAsync(chunk, serialized, new Parquet.ParquetOptions { Append = !first }, ParquetExporter.GeoMetadata);
            first = false;
        }
        Assert.True(serialized.ToArray().AsSpan().SequenceEqual(columns.ToArray()), reason);
    }

    [Fact]
    public async Task Filters_apply_to_exports()
    {
        var bytes = await Write(new JsonLinesExporter(), new EventQuery { Box = new BoundingBox(35, 36, 37, 37) });
        var ids = Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!["id"]!.GetValue<string>());
        Assert.Equal(["a2:ev1"], ids); // only Idlib lies in the box
    }

    [Fact]
    public void Enumerate_pages_through_the_whole_store_and_honours_a_maximum()
    {
        Assert.Equal(4, EventExporters.Enumerate(_store, new EventQuery()).Count());
        Assert.Equal(3, EventExporters.Enumerate(_store, new EventQuery(), max: 3).Count());
    }

    [Theory]
    [InlineData("a,\"b\"\nc", "a,\"b\"\nc", "quotes and line breaks survive CSV quoting")]
    [InlineData("plain", "plain", "nothing to quote")]
    public void Csv_fields_round_trip(string field, string expected, string reason)
    {
        var rows = Delimited.ReadCsv(new StringReader(Delimited.CsvField(field) + "," + Delimited.CsvField("x") + "\n"));
        Assert.True(expected == rows.Single()[0], reason);
        Assert.Equal("x", rows.Single()[1]);
    }

    private sealed class NonSeekable(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
