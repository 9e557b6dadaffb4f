using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Dragoman.Export;

namespace Dragoman.Tests.Export;

/// <summary>
/// PLOVER JSON field by field against the PLOVER manual's tables (../shared/data/plover/PLOVER_MANUAL.tex: entity,
/// location and citation objects), and the POLECAT-style TSV read back by DuckDB, over the hand-built corpus.
/// </summary>
public sealed class PloverExportTests : ExportStoreTests
{
    private async Task<string> Write(IEventExporter exporter)
    {
        using var ms = new MemoryStream();
        await exporter.WriteAsync(Events(), ms);
        return System.Text.Encoding.UTF8.GetString(ms.ToArray());
    }

    private async Task<JsonObject> Release() =>
        JsonNode.Parse(await Write(new PloverJsonExporter()))!.AsArray().Select(x => x!.AsObject()).Single(r => r["cameo"]?.GetValue<string>() == "0841");

    [Theory]
    [InlineData("actor/0/code", "SYR", "the entity's code is the country's ISO alpha-3 (manual: 3-char top-level entity code)")]
    [InlineData("actor/0/sector", "GOVSPY", "the 3- or 6-char sector")]
    [InlineData("actor/0/entity_text", "Air Force Intelligence", "entity_text: the text extracted for the actor")]
    [InlineData("actor/0/cameo_code", "SYRGOVSPY", "the full actor code stays, as an extra named field")]
    [InlineData("event/0", "RELEASE", "the PLOVER event category")]
    [InlineData("date", "2019-02-01", "date as YYYY-MM-DD")]
    [InlineData("event_loc/extracted_place", "Jabab", "the place name as the text has it")]
    [InlineData("event_loc/country_code", "SYR", "the location's country as ISO alpha-3, to match the entities")]
    [InlineData("event_loc/country", "Syria", "the country's name")]
    [InlineData("cite_info/language", "en", "ISO 639-1 language")]
    public async Task Plover_json_has_the_manuals_field_names_and_forms(string path, string expected, string reason)
    {
        JsonNode? node = await Release();
        foreach (var part in path.Split('/')) node = int.TryParse(part, out var i) ? node?[i] : node?[part];
        Assert.True(expected == node?.ToString(), $"{reason}: {path} is '{node?.ToJsonString()}'");
    }

    [Fact]
    public async Task Plover_geonameid_and_resolution_are_integers()
    {
        var loc = (await Release())["event_loc"]!;
        Assert.Equal(System.Text.Json.JsonValueKind.Number, loc["geonameid"]!.GetValueKind());
        Assert.True(loc["geonameid"]!.GetValue<long>() > 0);
        Assert.Equal(4, loc["resolution"]!.GetValue<int>()); // a town: the manual's 4 = city
    }

    [Theory]
    [InlineData("exact", 4, "a town is the manual's city level")]
    [InlineData("near", 4, "near a town: still the town's level")]
    [InlineData("region", 2, "a province")]
    [InlineData("country", 1, "the country only")]
    [InlineData(null, null, "no place")]
    public void Resolution_follows_the_manuals_scale(string? precision, int? resolution, string reason) =>
        Assert.True(resolution == EventJson.Resolution(precision), reason);

    [Fact]
    public async Task The_polecat_tsv_reads_back_in_duckdb_with_its_columns_and_rows()
    {
        var exporter = new PolecatTsvExporter();
        var path = Path.Combine(_dir, "polecat.tsv");
        await File.WriteAllTextAsync(path, await Write(exporter));
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        var from = $"read_csv('{path.Replace("'", "''", StringComparison.Ordinal)}', delim='\\t', header=true, all_varchar=true)";
        cmd.CommandText = $"SELECT column_name FROM (DESCRIBE SELECT * FROM {from})";
        var columns = new List<string>();
        using (var r = cmd.ExecuteReader()) while (r.Read()) columns.Add(r.GetString(0));
        Assert.Equal(PolecatTsvExporter.Columns, columns);

        cmd.CommandText = $"SELECT \"Event Type\", \"Actor Country\", \"Primary Actor Sector\", \"Actor Sectors\", \"Country\", \"Event Date\", \"Story ID\" FROM {from} WHERE \"Event Type\" = 'RELEASE'";
        using var rows = cmd.ExecuteReader();
        Assert.True(rows.Read(), "no RELEASE row");
        Assert.Equal(["RELEASE", "Syria", "GOV", "GOV;SPY", "Syria", "2019-02-01", "a1"], Enumerable.Range(0, 7).Select(i => rows.IsDBNull(i) ? "" : rows.GetString(i)));
        Assert.False(rows.Read(), "one release only");
        var written = File.ReadLines(path).Count() - 1;
        Assert.True(written + exporter.LeftOut.Values.Sum() == Events().Count(e => e.Occurred), $"{written} rows and {exporter.LeftOut.Values.Sum()} left out do not add up to the events that occurred");
    }
}
