using System.Globalization;
using System.Text;
using Dragoman.Export;
using Dragoman.Storage;
using Dragoman.Storage.Sqlite;
using Dragoman.Tests.Storage;
using System.Diagnostics;
using Dragoman.Tests.Support;
using DuckDB.NET.Data;

namespace Dragoman.Tests.Export;

/// <summary>
/// The exports against their standards: ACLED's codebook columns one by one, GDELT 2.0's 61 columns with FIPS country
/// codes and every integer column filled, and DuckDB (its NuGet package) reading the files with its own type inference.
/// </summary>
public sealed class StandardsTests : ExportStoreTests
{
    private async Task<string> WriteFile(IEventExporter exporter, string name)
    {
        var path = Path.Combine(_dir, name);
        await using (var f = File.Create(path))
            await exporter.WriteAsync(Events(), f);
        return path;
    }

    private static EventRecord Record(string? acledType = "Battles", string? country = "SY", string? published = "2019-02-10", string? cameo = "190",
        string? actor = "troops", string? actorCode = null, string? target = "fighters", string? targetCode = null) => new()
    {
        ArticleId = 7, ArticleHash = "ab", EventId = "ev2", Ordinal = 2, Action = "clash", Modality = "asserted", Occurred = true,
        AcledType = acledType, Country = country, Published = published, Cameo = cameo, Actor = actor, ActorCode = actorCode,
        Target = target, TargetCode = targetCode,
    };

    [Theory]
    [InlineData("SY", "SYR", 760, "SY", "Syria", "Middle East", "the stored code of Syria")]
    [InlineData("CN", "CHN", 156, "CH", "China", "East Asia", "FIPS CN is Comoros: China is CH")]
    [InlineData("PS", "PSE", 275, "WE", "Palestine", "Middle East", "FIPS PS is Palau: Palestine (West Bank) is WE")]
    [InlineData("GB", "GBR", 826, "UK", "United Kingdom", "Europe", "FIPS GB is Gabon: the UK is UK")]
    [InlineData("IR", "IRN", 364, "IR", "Iran", "Middle East", "ACLED puts Iran in the Middle East (UN: Southern Asia)")]
    [InlineData("GE", "GEO", 268, "GG", "Georgia", "Caucasus and Central Asia", "ACLED's Caucasus")]
    public void Country_table_gives_fips_iso_numeric_names_and_acled_regions(string iso2, string iso3, int numeric, string fips, string name, string region, string reason)
    {
        var c = CountryCodes.Default.ByIso2(iso2);
        Assert.True(c is not null, reason);
        Assert.True((iso3, numeric, fips, name, region) == (c!.Iso3, c.IsoNumeric, c.Fips, c.Name, c.AcledRegion), $"{reason}: {c}");
        Assert.Same(c, CountryCodes.Default.ByIso3(iso3));
    }

    [Theory]
    [InlineData("SYRMIL", "SYR", "MIL", 1, "a country's military: state forces")]
    [InlineData("SYRREBINS", "SYR", "REB INS", 2, "rebels, the first sector that has an inter code")]
    [InlineData("IGOUNO", null, "IGO UNO", 8, "no country prefix: international organisations are external/other forces")]
    [InlineData("SYRCVL", "SYR", "CVL", 7, "civilians")]
    [InlineData("SYR", "SYR", "", null, "a bare country has no sector: no inter code rather than a guess")]
    [InlineData("SYROPP", "SYR", "OPP", null, "the opposition may be armed or not: no inter code")]
    public void Actor_codes_give_country_sectors_and_inter(string code, string? country, string sectors, int? inter, string reason)
    {
        var codes = ActorCodes.Default;
        Assert.True(country == codes.Country(code)?.Iso3, reason);
        Assert.True(sectors == string.Join(' ', codes.Sectors(code)), reason);
        Assert.True(inter == codes.Inter(code), reason);
    }

    [Theory]
    [InlineData(1, 7, 17, "state forces against civilians")]
    [InlineData(7, 1, 17, "lower code first whichever actor is which")]
    [InlineData(1, 0, 10, "state forces alone")]
    [InlineData(0, 2, 20, "a target alone counts as the sole actor")]
    [InlineData(2, 2, 22, "rebels against rebels")]
    [InlineData(1, null, null, "an actor of unknown type: no interaction code")]
    [InlineData(0, 0, null, "no actors at all")]
    public void Acled_interaction_codes(int? inter1, int? inter2, int? expected, string reason) =>
        Assert.True(expected == AcledCsvExporter.Interaction(inter1, inter2), reason);

    [Theory]
    [InlineData(null, "SY", "2019-02-10", "no ACLED event type", "ACLED has no row without an event type")]
    [InlineData("Battles", null, "2019-02-10", "no country", "nor without a country")]
    [InlineData("Battles", "SY", null, "no date", "nor without a date")]
    [InlineData("Battles", "SY", "2019-02-10", null, "a complete event is written")]
    public void Acled_rows_need_a_type_a_country_and_a_date(string? type, string? country, string? published, string? missing, string reason)
    {
        var why = AcledCsvExporter.Missing(Record(acledType: type, country: country, published: published));
        Assert.True(missing is null ? why is null : why?.StartsWith(missing, StringComparison.Ordinal) == true, $"{reason}: {why}");
    }

    [Fact]
    public async Task Acled_export_leaves_out_and_counts_events_without_a_type()
    {
        var exporter = new AcledCsvExporter();
        using var ms = new MemoryStream();
        await exporter.WriteAsync([Record(), Record(acledType: null), Record(acledType: null, country: null)], ms);
        var rows = Delimited.ReadCsv(new StringReader(Encoding.UTF8.GetString(ms.ToArray())));
        Assert.Equal(2, rows.Count); // the header and the one complete event
        Assert.Equal(2, exporter.LeftOut.Single().Value);
    }

    // The codebook's columns for the fixture's release (a1:ev1: Air Force Intelligence, SYRGOVSPY, released fighters in
    // Jabab, Syria, "last week"), each with what ACLED's codebook says the column holds.
    [Theory]
    [InlineData("event_id_cnty", "SYR1001", "ISO alpha-3 and a number, like ACLED's SYR12345")]
    [InlineData("event_date", "2019-02-01", "ISO date")]
    [InlineData("year", "2019", "an integer year")]
    [InlineData("time_precision", "2", "1 day, 2 week, 3 month")]
    [InlineData("disorder_type", "Strategic developments", "from the event type")]
    [InlineData("event_type", "Strategic developments", "one of ACLED's six types")]
    [InlineData("actor1", "Air Force Intelligence", "the actor's name")]
    [InlineData("inter1", "1", "GOV: state forces")]
    [InlineData("inter2", "", "released fighters have no actor code: no inter code rather than a guess")]
    [InlineData("interaction", "", "unknown when one inter code is")]
    [InlineData("iso", "760", "ISO 3166 numeric")]
    [InlineData("region", "Middle East", "ACLED's region")]
    [InlineData("country", "Syria", "the country's name, not its code")]
    [InlineData("location", "Jabab", "the place")]
    [InlineData("latitude", "33.1167", "decimal degrees")]
    [InlineData("geo_precision", "1", "a named town")]
    [InlineData("fatalities", "0", "an integer, 0 when none are reported")]
    [InlineData("dragoman_cameo", "0841", "the CAMEO code with its leading zero")]
    public async Task Acled_columns_hold_what_the_codebook_says(string column, string expected, string reason)
    {
        var path = await WriteFile(new AcledCsvExporter(), "acled.csv");
        var rows = Delimited.ReadCsv(new StringReader(await File.ReadAllTextAsync(path)));
        var header = rows[0];
        var release = rows.Skip(1).Single(r => r[Array.IndexOf(header, "dragoman_id")] == "a1:ev1");
        Assert.True(expected == release[Array.IndexOf(header, column)], $"{column} ({reason}): '{release[Array.IndexOf(header, column)]}'");
    }

    [Fact]
    public async Task Acled_cameo_codes_are_quoted_so_readers_keep_them_as_text()
    {
        var text = await File.ReadAllTextAsync(await WriteFile(new AcledCsvExporter(), "acled.csv"));
        Assert.Contains(",\"0841\",", text, StringComparison.Ordinal);
    }

    private static readonly string[] GdeltIntegerColumns =
    [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions", "NumSources", "NumArticles",
        "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED",
    ];

    [Fact]
    public async Task Gdelt_has_61_columns_fips_countries_and_every_integer_column_filled()
    {
        var lines = (await File.ReadAllTextAsync(await WriteFile(new GdeltTsvExporter(), "events.tsv"))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var r = line.Split('\t');
            Assert.Equal(61, r.Length);
            string F(string c) => r[Array.IndexOf(GdeltTsvExporter.Columns, c)];
            foreach (var c in GdeltIntegerColumns)
                Assert.True(long.TryParse(F(c), NumberStyles.None, CultureInfo.InvariantCulture, out _), $"{c} is '{F(c)}' in {line}");
            Assert.Equal(14, F("DATEADDED").Length); // YYYYMMDDHHMMSS
            if (F("ActionGeo_Lat").Length > 0) Assert.Equal("SY", F("ActionGeo_CountryCode")); // FIPS of Syria
        }
        var release = lines.Select(l => l.Split('\t')).Single(r => r[Array.IndexOf(GdeltTsvExporter.Columns, "EventCode")] == "0841");
        Assert.Equal("SYR", release[Array.IndexOf(GdeltTsvExporter.Columns, "Actor1CountryCode")]);
        Assert.Equal("GOV", release[Array.IndexOf(GdeltTsvExporter.Columns, "Actor1Type1Code")]);
        Assert.Equal("SPY", release[Array.IndexOf(GdeltTsvExporter.Columns, "Actor1Type2Code")]);
    }

    [Theory]
    [InlineData("CN", "CH", "China")]
    [InlineData("PS", "WE", "Palestine")]
    [InlineData("GB", "UK", "the United Kingdom")]
    public void Gdelt_action_country_is_fips(string iso2, string fips, string reason)
    {
        var e = Record(country: iso2) with { Lat = 1, Lon = 2, PlacePrecision = "exact" };
        var row = GdeltTsvExporter.Row(e);
        Assert.True(fips == row[Array.IndexOf(GdeltTsvExporter.Columns, "ActionGeo_CountryCode")], reason);
    }

    [Fact]
    public async Task Duckdb_reads_the_acled_csv_with_integer_codes_and_a_date_column()
    {
        var path = await WriteFile(new AcledCsvExporter(), "acled.csv");
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_csv_auto('{path.Replace("'", "''", StringComparison.Ordinal)}'))";
        var types = new Dictionary<string, string>();
        using (var r = cmd.ExecuteReader())
            while (r.Read()) types[r.GetString(0)] = r.GetString(1);
        Assert.Equal(AcledCsvExporter.Columns, types.Keys);
        Assert.Equal("DATE", types["event_date"]);
        Assert.Equal("BIGINT", types["year"]);
        Assert.Equal("BIGINT", types["iso"]);
        Assert.Equal("BIGINT", types["fatalities"]);
        Assert.Equal("VARCHAR", types["country"]);
        cmd.CommandText = $"SELECT count(*) FROM read_csv_auto('{path.Replace("'", "''", StringComparison.Ordinal)}') WHERE country = 'Syria'";
        Assert.True(Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0, "a filter on the country's name finds the rows");
    }

    private static Dictionary<string, string> DuckTypes(DuckDBConnection db, string from)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM {from})";
        var types = new Dictionary<string, string>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) types[r.GetString(0)] = r.GetString(1);
        return types;
    }

    [Fact]
    public async Task Duckdb_reads_the_parquet_with_dates_integer_ids_and_geoparquet_metadata()
    {
        var path = (await WriteFile(new ParquetExporter(), "events.parquet")).Replace("'", "''", StringComparison.Ordinal);
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        var types = DuckTypes(db, $"read_parquet('{path}')");
        Assert.Equal("DATE", types["event_date"]);
        Assert.Equal("DATE", types["published"]);
        Assert.Equal("DATE", types["time_start"]);
        Assert.Equal("BIGINT", types["geonameid"]);
        Assert.Equal("GEOMETRY('OGC:CRS84')", types["geometry"]); // DuckDB reads the GeoParquet metadata: a geometry, longitude first
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT decode(value) FROM parquet_kv_metadata('{path}') WHERE decode(key) = 'geo'";
        var geo = System.Text.Json.Nodes.JsonNode.Parse((string)cmd.ExecuteScalar()!)!;
        Assert.Equal("1.1.0", (string?)geo["version"]);
        Assert.Equal("WKB", (string?)geo["columns"]!["geometry"]!["encoding"]);
        // the release in Jabab: its point is longitude then latitude
        cmd.CommandText = $"SELECT CAST(geometry AS VARCHAR) FROM read_parquet('{path}') WHERE id = 'a1:ev1'";
        Assert.Equal("POINT (36.2667 33.1167)", (string)cmd.ExecuteScalar()!);
    }

    [ToolFact("ogrinfo", "gdal-bin")]
    public async Task Gdal_reads_the_geojson_as_points_with_their_fields()
    {
        var path = await WriteFile(new GeoJsonExporter(), "events.geojson");
        var psi = new ProcessStartInfo(ToolFactAttribute.Find("ogrinfo")!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-ro", "-al", "-so", path }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        var error = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, error);
        Assert.Contains("Geometry: Point", output, StringComparison.Ordinal);
        var withCoordinates = EventExporters.Enumerate(_store, new EventQuery()).Count(e => e.Lat is not null);
        Assert.Contains($"Feature Count: {withCoordinates}", output, StringComparison.Ordinal);
        Assert.Contains("cameo: String", output, StringComparison.Ordinal); // CAMEO codes stay text ("0841")
    }
}
