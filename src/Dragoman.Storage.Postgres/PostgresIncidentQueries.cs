using System.Globalization;
using System.Text;
using Dragoman.Merge;
using Npgsql;
using NpgsqlTypes;

namespace Dragoman.Storage.Postgres;

/// <summary>
/// Reading incidents (`events`, GET /api/incidents, the incident exports, `show i7`) and the analysts' merge / split
/// decisions with their audit trail on PostgreSQL; the same behaviour as SQLite's (tests/Dragoman.Tests/Merge).
/// </summary>
public sealed partial class PostgresEventStore
{
    /// <summary>The incident's columns (<see cref="IncidentRows"/>) and its outlets.</summary>
    private const string IncidentColumns = IncidentRows.Columns + ", " +
        "(SELECT string_agg(o, '; ' ORDER BY o) FROM (SELECT DISTINCT COALESCE(x.outlet, '') COLLATE \"C\" AS o FROM incident_reports x WHERE x.incident_id = i.id) s)";

    private static IncidentSummary ReadIncident(NpgsqlDataReader r) => IncidentRows.Read(r);

    /// <summary>Incidents newest first by their last day (undated last), then newest id: the order of index <c>incidents_order</c>.</summary>
    public IReadOnlyList<IncidentSummary> ListIncidents(IncidentQuery q)
    {
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand { Connection = db };
        var sql = new StringBuilder($"SELECT {IncidentColumns} FROM incidents i WHERE i.reports > 0");
        void And(string clause, params ReadOnlySpan<(string Name, object Value)> values)
        {
            sql.Append(" AND ").Append(clause);
            foreach (var (name, value) in values) cmd.Parameters.AddWithValue(name, value);
        }
        if (!q.All) And("i.family IS NOT NULL");
        if (q.From is { } f) And("i.day_hi >= @ifrom", ("ifrom", f.DayNumber));
        if (q.To is { } t) And("i.day_lo <= @ito", ("ito", t.DayNumber));
        if (!string.IsNullOrWhiteSpace(q.Place))
            And("strpos(lower(COALESCE(i.place_name, '') || ' ' || COALESCE(i.country, '') || ' ' || COALESCE(i.admin1, '')), @iplace) > 0",
                ("iplace", q.Place.Trim().ToLowerInvariant()));
        if (q.Reports is { } reports)
        {
            var sub = new StringBuilder("EXISTS (SELECT 1 FROM incident_reports ir JOIN events e ON e.article_id = ir.article_id AND e.event_id = ir.event_id " +
                "JOIN articles a ON a.id = e.article_id WHERE ir.incident_id = i.id");
            // A malformed text query lists nothing here; the event listing reports why (the callers run it first).
            if (AppendEventFilters(sub, cmd, reports) is not null) return [];
            if (reports.MinConfidence is { } mc) { sub.Append(" AND e.confidence >= @minconf"); cmd.Parameters.AddWithValue("minconf", mc); }
            And(sub.Append(')').ToString());
        }
        if (q.After is { } after)
        {
            using var find = new NpgsqlCommand("SELECT day_hi FROM incidents WHERE id = $1 AND reports > 0", db);
            find.Parameters.AddWithValue(after);
            var found = find.ExecuteScalar();
            if (found is null) return []; // no such incident: callers check the cursor first (GetIncident)
            if (found is DBNull) And("i.day_hi IS NULL AND i.id < @afterId", ("afterId", after));
            else And("(i.day_hi < @afterDay OR (i.day_hi = @afterDay AND i.id < @afterId) OR i.day_hi IS NULL)",
                ("afterDay", Convert.ToInt32(found, CultureInfo.InvariantCulture)), ("afterId", after));
        }
        sql.Append(" ORDER BY i.day_hi DESC NULLS LAST, i.id DESC LIMIT @limit OFFSET @offset");
        cmd.Parameters.AddWithValue("limit", (long)Math.Max(0, q.Limit));
        cmd.Parameters.AddWithValue("offset", q.After is null ? (long)Math.Max(0, q.Offset) : 0L);
        cmd.CommandText = sql.ToString();
        return ReadAll(cmd, ReadIncident);
    }

    public IncidentSummary? GetIncident(long incidentId)
    {
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand($"SELECT {IncidentColumns} FROM incidents i WHERE i.id = $1 AND i.reports > 0", db);
        cmd.Parameters.AddWithValue(incidentId);
        return ReadAll(cmd, ReadIncident).FirstOrDefault();
    }

    /// <summary>An incident's reports (one per stored event) with their events and articles, in report order within each incident.</summary>
    private const string ReportsOfIncidents = "FROM incident_reports r JOIN events e ON e.article_id = r.article_id AND e.event_id = r.event_id " +
        "JOIN articles a ON a.id = r.article_id WHERE r.incident_id = ANY($1) ORDER BY r.incident_id, r.published IS NULL, r.published, r.article_id, e.ordinal";

    public IReadOnlyList<IncidentReport> ReportsOf(long incidentId) => ReportsOfEach([incidentId])[incidentId];

    public long? IncidentOf(long articleId, string eventId)
    {
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT incident_id FROM incident_reports WHERE article_id = $1 AND event_id = $2", db);
        cmd.Parameters.AddWithValue(articleId);
        cmd.Parameters.AddWithValue(eventId);
        return cmd.ExecuteScalar() is long id && id > 0 ? id : null;
    }

    public IReadOnlyList<EventRecord> ReportEvents(long incidentId) => ReportEventsOfEach([incidentId])[incidentId];

    public IReadOnlyDictionary<string, long> IncidentsOfArticle(long articleId)
    {
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT event_id, incident_id FROM incident_reports WHERE article_id = $1 AND incident_id > 0", db);
        cmd.Parameters.AddWithValue(articleId);
        return ReadAll(cmd, r => (r.GetString(0), r.GetInt64(1))).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
    }

    // ---------------------------------------------------------------- batched reads (the exports): one query for many ids

    private static readonly int EventSelectCount = PostgresColumns.EventSelect.Split(',').Length;

    public IReadOnlyDictionary<long, IReadOnlyList<EventRecord>> ReportEventsOfEach(IReadOnlyCollection<long> incidentIds) =>
        OfIncidents(incidentIds, $"{PostgresColumns.EventSelect}, r.incident_id", r => (r.GetInt64(EventSelectCount), PostgresColumns.ReadEvent(r)));

    public IReadOnlyDictionary<long, IReadOnlyList<IncidentReport>> ReportsOfEach(IReadOnlyCollection<long> incidentIds) =>
        OfIncidents(incidentIds, $"{ReportColumns}, e.event_id, a.uri, a.title, r.partner_ref, r.score, r.reasons", r =>
        {
            var s = ReadReport(r);
            var c = new PgCells(r, ReportColumnCount);
            return (s.IncidentId, new IncidentReport(s.IncidentId, s.ArticleId, c.Str(), s.Report, c.NStr(), c.NStr(), c.NStr(), c.NDbl(), c.Str()));
        });

    public IReadOnlyDictionary<long, IReadOnlyDictionary<string, long>> IncidentsOfEachArticle(IReadOnlyCollection<long> articleIds)
    {
        var ids = articleIds.Distinct().ToArray();
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT article_id, event_id, incident_id FROM incident_reports WHERE article_id = ANY($1) AND incident_id > 0", db);
        cmd.Parameters.AddWithValue(ids);
        var byArticle = ids.ToDictionary(id => id, _ => new Dictionary<string, long>(StringComparer.Ordinal));
        foreach (var (article, eventId, incident) in ReadAll(cmd, r => (r.GetInt64(0), r.GetString(1), r.GetInt64(2))))
            byArticle[article][eventId] = incident;
        return byArticle.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, long>)p.Value);
    }

    /// <summary>The rows of <see cref="ReportsOfIncidents"/> read as (incident, value), as a list per incident asked for (empty for one with no reports).</summary>
    private Dictionary<long, IReadOnlyList<T>> OfIncidents<T>(IReadOnlyCollection<long> incidentIds, string columns, Func<NpgsqlDataReader, (long Incident, T Value)> read)
    {
        var ids = incidentIds.Distinct().ToArray();
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand($"SELECT {columns} {ReportsOfIncidents}", db);
        cmd.Parameters.AddWithValue(ids);
        var lists = ids.ToDictionary(id => id, _ => new List<T>());
        foreach (var (incident, value) in ReadAll(cmd, read)) lists[incident].Add(value);
        return lists.ToDictionary(p => p.Key, p => (IReadOnlyList<T>)p.Value);
    }

    // ---------------------------------------------------------------- analysts' decisions

    /// <summary>Runs <paramref name="change"/> in one transaction holding every block (no writer merges meanwhile); commits when it succeeds.</summary>
    /// <param name="constraintsFixed">The change adds no decision (re-merging), so the merge may read once whether there are any.</param>
    private Result<T> Decide<T>(Func<NpgsqlConnection, NpgsqlTransaction, PgMergeTables, Result<T>> change, bool constraintsFixed = false)
    {
        using var db = _source.OpenConnection();
        using var tx = db.BeginTransaction();
        BlockLocks.Take(db, tx, [(BlockLocks.Everything, true)]);
        var tables = new PgMergeTables(db, tx, constraintsFixed);
        var result = change(db, tx, tables);
        tables.Flush();
        if (result.IsOk) tx.Commit();
        return result;
    }

    public Result<long> MergeIncidents(long incidentId, long other, string? note = null)
    {
        if (incidentId == other) return Result<long>.Fail($"{StoreId.IncidentKey(incidentId)} and {StoreId.IncidentKey(other)} are the same incident");
        return Decide((db, tx, tables) =>
        {
            var a = tables.ReportsOfIncidents([incidentId]);
            var b = tables.ReportsOfIncidents([other]);
            if (a.Count == 0) return Result<long>.Fail($"no incident {StoreId.IncidentKey(incidentId)}");
            if (b.Count == 0) return Result<long>.Fail($"no incident {StoreId.IncidentKey(other)}");
            var all = a.Concat(b).OrderBy(r => r.Report.Ref, StringComparer.Ordinal).ToList();
            long audit = AddAudit(db, tx, "merge", $"{StoreId.IncidentKey(incidentId)} + {StoreId.IncidentKey(other)} ({all.Count} reports){NoteText(note)}");
            // Every report is tied to the first: the merged incident stays whole whatever the scores say later.
            var anchor = all[0].Report.Ref;
            foreach (var r in all.Skip(1)) AddConstraint(db, tx, "together", anchor, r.Report.Ref, audit);
            // A merge overrides earlier splits between the reports it joins.
            using (var del = new NpgsqlCommand("DELETE FROM incident_constraints WHERE kind = 'apart' AND ref_a = ANY($1) AND ref_b = ANY($1)", db, tx))
            {
                del.Parameters.AddWithValue(all.Select(r => r.Report.Ref).ToArray());
                del.ExecuteNonQuery();
            }
            IncidentMerging.WriteGroups(tables, all, MergeThreshold);
            return Result<long>.Ok(tables.IncidentOfRef(anchor)!.Value);
        });
    }

    public Result<long> SplitReport(long incidentId, long articleId, string eventId, string? note = null) => Decide((db, tx, tables) =>
    {
        var members = tables.ReportsOfIncidents([incidentId]);
        if (members.Count == 0) return Result<long>.Fail($"no incident {StoreId.IncidentKey(incidentId)}");
        var target = members.FirstOrDefault(m => m.ArticleId == articleId && m.Report.Ref.EndsWith(":" + eventId, StringComparison.Ordinal));
        if (target is null) return Result<long>.Fail($"{StoreId.EventKey(articleId, eventId)} is not a report of {StoreId.IncidentKey(incidentId)}");
        if (members.Count == 1) return Result<long>.Fail($"{StoreId.IncidentKey(incidentId)} has one report only; nothing to split");
        long audit = AddAudit(db, tx, "split", $"{StoreId.EventKey(articleId, eventId)} out of {StoreId.IncidentKey(incidentId)}{NoteText(note)}");
        using (var del = new NpgsqlCommand("DELETE FROM incident_constraints WHERE kind = 'together' AND (ref_a = $1 OR ref_b = $1)", db, tx))
        {
            del.Parameters.AddWithValue(target.Report.Ref);
            del.ExecuteNonQuery();
        }
        foreach (var m in members.Where(m => m != target)) AddConstraint(db, tx, "apart", target.Report.Ref, m.Report.Ref, audit);
        IncidentMerging.WriteGroups(tables, members, MergeThreshold);
        return Result<long>.Ok(tables.IncidentOfRef(target.Report.Ref)!.Value);
    });

    public int Remerge(bool newestFirst = false) => Decide((db, tx, tables) =>
    {
        var articles = new List<long>();
        using (var q = new NpgsqlCommand("SELECT id FROM articles ORDER BY id" + (newestFirst ? " DESC" : ""), db, tx))
        using (var r = q.ExecuteReader())
            while (r.Read()) articles.Add(r.GetInt64(0));
        // Incident numbers start again at 1, as SQLite's do, so re-merging unchanged articles gives the same numbers
        // (the identity's restart is rolled back with the transaction). Readers wait until the re-merge commits.
        using (var reset = new NpgsqlCommand("TRUNCATE incident_report_days, incident_report_names, incident_report_name_days, incident_reports, incidents RESTART IDENTITY", db, tx))
            reset.ExecuteNonQuery();
        // The reports are derived again from the stored documents, so a re-merge sees what the current code would derive.
        using var doc = new NpgsqlCommand("SELECT hash, document, text FROM articles WHERE id = $1", db, tx);
        var p = doc.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint });
        foreach (var id in articles)
        {
            p.Value = id;
            StorableDocument stored;
            using (var r = doc.ExecuteReader())
            {
                if (!r.Read()) continue;
                stored = new StorableDocument(r.GetString(0), DocumentRows.RestoreText(DocumentPacking.Unpack(r.GetFieldValue<byte[]>(1)), r.GetString(2)));
            }
            var reports = MergeReports.From(stored.Rows).DistinctBy(m => m.Ref).ToList();
            if (reports.Count == 0) continue;
            CopyReports(db, [(id, reports)]);
            IncidentMerging.Recluster(tables, reports, id, MergeThreshold);
        }
        tables.Flush();
        using var count = new NpgsqlCommand("SELECT COUNT(*)::int FROM incidents", db, tx);
        return Result<int>.Ok((int)count.ExecuteScalar()!);
    }, constraintsFixed: true).Value;

    public IReadOnlyList<MergeAuditEntry> Audit()
    {
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT id, at, command, detail FROM incident_audit ORDER BY id", db);
        return ReadAll(cmd, r => new MergeAuditEntry(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3)));
    }

    private static string NoteText(string? note) => string.IsNullOrWhiteSpace(note) ? "" : ": " + note.Trim();

    private long AddAudit(NpgsqlConnection db, NpgsqlTransaction tx, string command, string detail)
    {
        using var cmd = new NpgsqlCommand("INSERT INTO incident_audit(at, command, detail) VALUES ($1, $2, $3) RETURNING id", db, tx);
        cmd.Parameters.AddWithValue(_clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue(command);
        cmd.Parameters.AddWithValue(detail);
        return (long)cmd.ExecuteScalar()!;
    }

    private static void AddConstraint(NpgsqlConnection db, NpgsqlTransaction tx, string kind, string a, string b, long audit)
    {
        using var cmd = new NpgsqlCommand("""
            INSERT INTO incident_constraints(kind, ref_a, ref_b, audit_id) VALUES ($1, $2, $3, $4)
            ON CONFLICT (kind, ref_a, ref_b) DO UPDATE SET audit_id = excluded.audit_id
            """, db, tx);
        bool ordered = string.CompareOrdinal(a, b) <= 0;
        cmd.Parameters.AddWithValue(kind);
        cmd.Parameters.AddWithValue(ordered ? a : b);
        cmd.Parameters.AddWithValue(ordered ? b : a);
        cmd.Parameters.AddWithValue(audit);
        cmd.ExecuteNonQuery();
    }
}
