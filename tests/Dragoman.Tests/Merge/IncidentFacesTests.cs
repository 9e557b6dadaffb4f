using System.Globalization;
using System.Text.Json.Nodes;
using Dragoman.Export;
using Dragoman.Storage;
using Dragoman.Storage.Sqlite;
using DuckDB.NET.Data;
using static Dragoman.Tests.Merge.MergeFixtures;

namespace Dragoman.Tests.Merge;

/// <summary>
/// The faces of the merge stage on a store of five hand-built strike reports (two incidents: Kremenchuk reported by three
/// outlets with 15, 18 and 20 dead; Odesa by two with 21 and 19): the incident listing's filters, paging and query plans,
/// and every incident export read back (by the project's CSV reader and by DuckDB).
/// </summary>
public abstract class IncidentFacesContract<TStores> : StoreContract<TStores> where TStores : ITestStores, new()
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-faces-").FullName;
    protected static readonly DateOnly Day = StrikeDay;

    private IIncidentStore Incidents => WithStrikes.Incidents;

    public override void Dispose()
    {
        base.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private IncidentSummary At(string place) => Incidents.ListIncidents(new IncidentQuery { Place = place }).Single();

    public static TheoryData<string, EventQuery, string> Filters() => new()
    {
        { "no filter: both, the later one first", new EventQuery(), "Odesa Kremenchuk" },
        { "--from is on the incident's own date", new EventQuery { From = Day.AddDays(2) }, "Odesa" },
        { "--to likewise", new EventQuery { To = Day }, "Kremenchuk" },
        { "place matches a report's place", new EventQuery { Place = "odesa" }, "Odesa" },
        { "an action every report has", new EventQuery { Action = "shelling" }, "Odesa Kremenchuk" },
        { "an action no report has", new EventQuery { Action = "release" }, "" },
        { "a CAMEO prefix", new EventQuery { Action = "19" }, "Odesa Kremenchuk" },
        { "one article's incident", new EventQuery { ArticleId = 1 }, "Kremenchuk" },
        { "a modality no report has", new EventQuery { Modality = "denied" }, "" },
        { "full text over the reports' articles", new EventQuery { Text = "rubble" }, "Kremenchuk" },
        { "a box around Odesa", new EventQuery { Box = new BoundingBox(46, 30, 47, 31) }, "Odesa" },
    };

    [SkippableTheory]
    [MemberData(nameof(Filters))]
    public void The_event_filters_select_incidents_by_their_reports_and_dates(string reason, EventQuery filters, string expected)
    {
        var listed = Incidents.ListIncidents(IncidentQuery.Of(filters));
        Assert.True(expected == string.Join(" ", listed.Select(i => i.Facts.PlaceName)), $"{reason}: {string.Join(" ", listed.Select(i => i.Facts.PlaceName))}");
    }

    [SkippableTheory]
    [InlineData(1, "one a page: each page starts after the last")]
    [InlineData(2, "a full page and the end")]
    public void Keyset_paging_lists_every_incident_once_in_order(int pageSize, string reason)
    {
        var all = Incidents.ListIncidents(new IncidentQuery { All = true }).Select(i => i.Id).ToList();
        var paged = new List<long>();
        long? after = null;
        for (int guard = 0; guard < 10; guard++)
        {
            var page = Incidents.ListIncidents(new IncidentQuery { All = true, Limit = pageSize, After = after });
            paged.AddRange(page.Select(i => i.Id));
            if (page.Count < pageSize) break;
            after = page[^1].Id;
        }
        Assert.True(all.SequenceEqual(paged), $"{reason}: {string.Join(",", all)} vs {string.Join(",", paged)}");
    }

    [SkippableFact]
    public void Conflicting_figures_are_all_shown_lowest_first_with_their_outlets()
    {
        var i = At("kremenchuk");
        var detail = IncidentViews.Detail(i, Incidents.ReportEvents(i.Id), Incidents.ReportsOf(i.Id));
        Assert.Equal(["Wire One 15", "Wire Three 18", "Wire Two 20"], detail.Figures.Select(f => $"{f.Outlet} {f.Killed}"));
        Assert.Equal((15, 20, 15), (detail.Incident.Killed!.Min, detail.Incident.Killed.Max, detail.Incident.Killed.Conservative));
        Assert.Equal([15, 18, 20], detail.Reports.Select(r => r.Killed ?? -1).Order());
        Assert.Equal("reported by 3 articles, 3 outlets", detail.Incident.ReportedBy);
        Assert.All(detail.Reports.Skip(1), r => Assert.NotEmpty(r.Link!.Reasons));
    }

    private async Task<string> Export(IIncidentExporter exporter, string name)
    {
        var path = Path.Combine(_dir, name);
        await using (var f = File.Create(path))
            await exporter.WriteAsync(IncidentExporters.Enumerate(Incidents, new IncidentQuery { All = true }), f);
        return path;
    }

    private static string Sql(string path) => path.Replace("'", "''", StringComparison.Ordinal);

    private static object? Scalar(string sql)
    {
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    [SkippableFact]
    public async Task Acled_csv_has_one_row_per_incident_with_outlets_figures_and_the_conservative_toll()
    {
        var path = await Export(new AcledIncidentCsvExporter(), "incidents.csv");
        using var reader = new StreamReader(path);
        var rows = Delimited.ReadCsv(reader);
        var header = rows[0].ToList();
        Assert.Equal(AcledCsvExporter.Columns, header);
        var kremenchuk = rows.Skip(1).Single(r => r[header.IndexOf("location")] == "Kremenchuk");
        string Cell(string column) => kremenchuk[header.IndexOf(column)];
        Assert.Equal(3, rows.Count); // header and two incidents, not five reports
        Assert.Equal("Wire One; Wire Three; Wire Two", Cell("source"));
        Assert.Contains("Wire One: 15 killed; Wire Three: 18 killed; Wire Two: 20 killed", Cell("notes"), StringComparison.Ordinal);
        Assert.Equal("15", Cell("fatalities"));
        Assert.Equal(At("kremenchuk").Key, Cell("dragoman_id"));
        // DuckDB reads it with its own type inference: the conservative tolls add up (15 + 19), one row an incident.
        Assert.Equal(34L, Convert.ToInt64(Scalar($"SELECT CAST(sum(fatalities) AS BIGINT) FROM read_csv_auto('{Sql(path)}')"), CultureInfo.InvariantCulture));
    }

    [SkippableFact]
    public async Task Gdelt_events_count_mentions_sources_articles_and_the_mentions_table_joins_them()
    {
        var events = await Export(new GdeltIncidentTsvExporter(), "incidents.tsv");
        var mentions = await Export(new GdeltMentionsTsvExporter(), "mentions.tsv");
        var rows = File.ReadAllLines(events).Select(l => l.Split('\t')).ToList();
        string Col(string[] r, string c) => r[Array.IndexOf(GdeltTsvExporter.Columns, c)];
        Assert.All(rows, r => Assert.Equal(GdeltTsvExporter.Columns.Length, r.Length));
        Assert.Equal(["2 2 2", "3 3 3"], rows.Select(r => $"{Col(r, "NumMentions")} {Col(r, "NumSources")} {Col(r, "NumArticles")}").Order());
        var mentionRows = File.ReadAllLines(mentions).Select(l => l.Split('\t')).ToList();
        Assert.All(mentionRows, r => Assert.Equal(GdeltMentionsTsvExporter.Columns.Length, r.Length));
        Assert.Equal(5, mentionRows.Count);
        Assert.All(mentionRows, r => Assert.StartsWith("test:", r[Array.IndexOf(GdeltMentionsTsvExporter.Columns, "MentionIdentifier")], StringComparison.Ordinal));
        // Every mention's GLOBALEVENTID is an event row's, and each event has as many mentions as its NumMentions.
        static string Read(string path, string[] columns) =>
            $"read_csv('{Sql(path)}', delim='\\t', header=false, auto_detect=false, quote='', columns={{{string.Join(", ", columns.Select((c, i) => $"'{c}': '{(i == 0 ? "BIGINT" : "VARCHAR")}'"))}}})";
        long joined = Convert.ToInt64(Scalar(
            $"SELECT CAST(count(*) AS BIGINT) FROM {Read(mentions, GdeltMentionsTsvExporter.Columns)} m JOIN {Read(events, GdeltTsvExporter.Columns)} e ON e.GLOBALEVENTID = m.GLOBALEVENTID"),
            CultureInfo.InvariantCulture);
        Assert.Equal(5L, joined);
    }

    [SkippableFact]
    public async Task Json_lines_of_reports_carry_the_article_uri_and_the_incident()
    {
        var path = Path.Combine(_dir, "reports.jsonl");
        await using (var f = File.Create(path))
            await new JsonLinesExporter { IncidentOf = e => Incidents.IncidentOf(e.ArticleId, e.EventId) }
                .WriteAsync(EventExporters.Enumerate(WithStrikes.Events, new EventQuery { All = true }), f);
        var lines = File.ReadAllLines(path).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(5, lines.Count);
        foreach (var line in lines)
        {
            var id = StoreId.Parse(line["id"]!.GetValue<string>()).Value!;
            Assert.Equal(StoreId.IncidentKey(Incidents.IncidentOf(id.ArticleNumber!.Value, id.EventId!)!.Value), line["incident"]!.GetValue<string>());
            Assert.StartsWith("test:", line["uri"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        var incidents = await Export(new IncidentJsonLinesExporter(), "incidents.jsonl");
        var objects = File.ReadAllLines(incidents).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal([2, 3], objects.Select(o => o["reports"]!.AsArray().Count).Order());
        Assert.Equal(34L, Convert.ToInt64(Scalar($"SELECT CAST(sum(incident.killed.conservative) AS BIGINT) FROM read_json_auto('{Sql(incidents)}')"), CultureInfo.InvariantCulture));
    }
}

public sealed class SqliteIncidentFacesTests : IncidentFacesContract<SqliteStores>
{
    public static TheoryData<string, IncidentQuery, (int?, long)?, bool> Plans() => new()
    {
        { "no filter walks incidents_day in order", new IncidentQuery { All = true }, null, false },
        { "the default (mergeable families) too", new IncidentQuery(), null, false },
        { "a dated cursor seeks into incidents_day", new IncidentQuery { All = true }, (738000, 5L), false },
        { "an undated cursor seeks the undated part", new IncidentQuery { All = true }, (null, 5L), false },
        { "--from / --to are ranges of incidents_day", new IncidentQuery { From = Day, To = Day.AddDays(9) }, null, false },
        { "report filters are checked per incident by index", IncidentQuery.Of(new EventQuery { Actor = "army", Action = "shelling" }), null, false },
        { "one article's incidents", IncidentQuery.Of(new EventQuery { ArticleId = 1 }), null, false },
        { "full text reads the FTS index", IncidentQuery.Of(new EventQuery { Text = "rubble" }), null, false },
    };

    [SkippableTheory]
    [MemberData(nameof(Plans))]
    public void The_incident_listing_never_scans_a_table(string reason, IncidentQuery query, (int?, long)? cursor, bool maySort)
    {
        var plan = ((SqliteEventStore)WithStrikes.Events).ExplainIncidents(query with { Limit = 101 }, cursor);
        var shown = reason + ":\n  " + string.Join("\n  ", plan);
        foreach (var table in new[] { "i", "ir", "e", "incidents", "incident_reports", "events" })
            Assert.False(plan.Any(step => step.StartsWith("SCAN " + table, StringComparison.Ordinal) && (step.Length == 5 + table.Length || step[5 + table.Length] == ' ')
                && !step.Contains("INDEX", StringComparison.Ordinal)), shown);
        if (!maySort) Assert.False(plan.Any(step => step.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal)), shown);
    }
}

public sealed class PostgresIncidentFacesTests : IncidentFacesContract<PostgresStores>;
