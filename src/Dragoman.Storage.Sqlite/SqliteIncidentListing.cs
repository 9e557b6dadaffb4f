using System.Text;
using Dragoman.Merge;
using Microsoft.Data.Sqlite;

namespace Dragoman.Storage.Sqlite;

/// <summary>
/// The incident listing (`events`, GET /api/incidents, the incident exports) and the reads that join incidents to their
/// stored events. Incidents are listed newest first by their derived last day (<c>day_hi</c>; undated ones last), then by
/// id, newest first: the order of index <c>incidents_day</c> (which holds the rowid), so the listing walks that index
/// and stops at the page's end.
/// </summary>
public sealed partial class SqliteEventStore
{
    public IReadOnlyList<IncidentSummary> ListIncidents(IncidentQuery q)
    {
        lock (_gate)
        {
            if (q.After is not { } after) return ReadIncidents(q, cursor: null);
            // Keyset paging in two steps, each a seek into incidents_day: the dated incidents after the cursor, then the undated ones.
            using var find = Command(null, "SELECT day_hi FROM incidents WHERE id = $id AND reports > 0");
            find.Parameters.AddWithValue("$id", after);
            var found = find.ExecuteScalar();
            if (found is null) return []; // no such incident: callers check the cursor first (GetIncident)
            if (found is DBNull) return ReadIncidents(q, (null, after));
            var dated = ReadIncidents(q, (Convert.ToInt32(found, System.Globalization.CultureInfo.InvariantCulture), after));
            if (dated.Count >= q.Limit) return dated;
            var undated = ReadIncidents(q with { Limit = q.Limit - dated.Count, Offset = 0 }, (null, long.MaxValue));
            return [.. dated, .. undated];
        }
    }

    /// <param name="cursor">Null: from the top. A day: dated incidents before (day, id). No day: undated incidents with an id below.</param>
    private List<IncidentSummary> ReadIncidents(IncidentQuery q, (int? Day, long Id)? cursor)
    {
        using var cmd = Command(null, "");
        cmd.CommandText = BuildIncidentQuery(cmd, q, cursor);
        return ReadAll(cmd, ReadIncident);
    }

    private string BuildIncidentQuery(SqliteCommand cmd, IncidentQuery q, (int? Day, long Id)? cursor)
    {
        var sql = new StringBuilder($"SELECT {IncidentColumns} FROM incidents i WHERE i.reports > 0");
        void And(string clause, string? name = null, object? value = null)
        {
            sql.Append(" AND ").Append(clause);
            if (name is not null) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        if (!q.All) And("i.family IS NOT NULL");
        if (q.From is { } f) And("i.day_hi >= $from", "$from", f.DayNumber);
        if (q.To is { } t) And("i.day_lo <= $to", "$to", t.DayNumber);
        if (!string.IsNullOrWhiteSpace(q.Place))
            And("instr(lower(COALESCE(i.place_name, '') || ' ' || COALESCE(i.country, '') || ' ' || COALESCE(i.admin1, '')), $iplace) > 0",
                "$iplace", q.Place.Trim().ToLowerInvariant());
        if (q.Reports is { } reports)
        {
            // Checked per incident in listing order (two index lookups a report), so a filter that matches much stops at the page's end.
            var sub = new StringBuilder("EXISTS (SELECT 1 FROM incident_reports ir JOIN events e ON e.id = ir.event_row WHERE ir.incident_id = i.id");
            AppendEventFilters(sub, cmd, reports);
            if (reports.MinConfidence is { } mc) { sub.Append(" AND e.confidence >= $minconf"); cmd.Parameters.AddWithValue("$minconf", mc); }
            And(sub.Append(')').ToString());
        }
        switch (cursor)
        {
            case { Day: { } day, Id: var id }:
                And("i.day_hi <= $afterDay AND (i.day_hi < $afterDay OR i.id < $afterId)", "$afterDay", day);
                cmd.Parameters.AddWithValue("$afterId", id);
                break;
            case { Day: null, Id: var id }:
                And("i.day_hi IS NULL AND i.id < $afterId", "$afterId", id);
                break;
        }
        sql.Append(" ORDER BY i.day_hi DESC, i.id DESC LIMIT $limit OFFSET $offset");
        cmd.Parameters.AddWithValue("$limit", Math.Max(0, q.Limit));
        cmd.Parameters.AddWithValue("$offset", cursor is null ? Math.Max(0, q.Offset) : 0);
        return sql.ToString();
    }

    /// <summary>SQLite's plan for the incident listing of <paramref name="q"/> (tests check that no step scans a table).</summary>
    internal IReadOnlyList<string> ExplainIncidents(IncidentQuery q, (int? Day, long Id)? cursor = null)
    {
        lock (_gate)
        {
            using var cmd = Command(null, "");
            cmd.CommandText = "EXPLAIN QUERY PLAN " + BuildIncidentQuery(cmd, q, cursor);
            return ReadAll(cmd, r => r.GetString(3));
        }
    }

    public IReadOnlyList<EventRecord> ReportEvents(long incidentId)
    {
        lock (_gate)
        {
            using var cmd = Command(null, $"SELECT {SqliteColumns.EventSelect} FROM incident_reports ir JOIN events e ON e.id = ir.event_row " +
                "JOIN articles a ON a.id = e.article_id WHERE ir.incident_id = $id ORDER BY ir.published IS NULL, ir.published, ir.article_id, e.ordinal");
            cmd.Parameters.AddWithValue("$id", incidentId);
            return ReadAll(cmd, SqliteColumns.ReadEvent);
        }
    }

    public IReadOnlyDictionary<string, long> IncidentsOfArticle(long articleId)
    {
        lock (_gate)
        {
            using var cmd = Command(null, "SELECT e.event_id, ir.incident_id FROM incident_reports ir JOIN events e ON e.id = ir.event_row WHERE ir.article_id = $a");
            cmd.Parameters.AddWithValue("$a", articleId);
            return ReadAll(cmd, r => (r.GetString(0), r.GetInt64(1))).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
        }
    }
}
