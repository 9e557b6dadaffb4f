using System.Globalization;
using System.Text.Json;
using Dragoman.Merge;
using Microsoft.Data.Sqlite;

namespace Dragoman.Storage.Sqlite;

/// <summary>Reading incidents and the analysts' merge / split decisions (docs/merge.md).</summary>
public sealed partial class SqliteEventStore
{
    /// <summary>The incident's columns (<see cref="IncidentRows"/>) and its outlets.</summary>
    private const string IncidentColumns = IncidentRows.Columns + ", " +
        "(SELECT group_concat(o, '; ') FROM (SELECT DISTINCT COALESCE(x.outlet, '') AS o FROM incident_reports x WHERE x.incident_id = i.id ORDER BY o))";

    private static IncidentSummary ReadIncident(SqliteDataReader r) => IncidentRows.Read(r);

    public IncidentSummary? GetIncident(long incidentId)
    {
        lock (_gate)
        {
            using var cmd = Command(null, $"SELECT {IncidentColumns} FROM incidents i WHERE i.id = $id AND i.reports > 0");
            cmd.Parameters.AddWithValue("$id", incidentId);
            return ReadAll(cmd, ReadIncident).FirstOrDefault();
        }
    }

    public IReadOnlyList<IncidentReport> ReportsOf(long incidentId)
    {
        lock (_gate)
        {
            using var cmd = Command(null, $"SELECT {ReportColumns}, e.event_id, a.uri, a.title, r.partner_ref, r.score, r.reasons " +
                "FROM incident_reports r JOIN events e ON e.id = r.event_row JOIN articles a ON a.id = r.article_id " +
                "WHERE r.incident_id = $id ORDER BY r.published IS NULL, r.published, r.article_id, e.ordinal");
            cmd.Parameters.AddWithValue("$id", incidentId);
            return ReadAll(cmd, r =>
            {
                var s = ReadReport(r);
                var c = new Cells(r, ReportColumnCount);
                return new IncidentReport(s.IncidentId, s.ArticleId, c.Str(), s.Report, c.NStr(), c.NStr(), c.NStr(), c.NDbl(), c.Str());
            });
        }
    }

    public long? IncidentOf(long articleId, string eventId)
    {
        lock (_gate)
        {
            using var cmd = Command(null, "SELECT r.incident_id FROM incident_reports r JOIN events e ON e.id = r.event_row WHERE e.article_id = $a AND e.event_id = $e");
            cmd.Parameters.AddWithValue("$a", articleId);
            cmd.Parameters.AddWithValue("$e", eventId);
            return cmd.ExecuteScalar() is long id && id > 0 ? id : null;
        }
    }

    public Result<long> MergeIncidents(long incidentId, long other, string? note = null)
    {
        if (incidentId == other) return Result<long>.Fail($"{StoreId.IncidentKey(incidentId)} and {StoreId.IncidentKey(other)} are the same incident");
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            var a = ReportsOfIncidents(tx, [incidentId]);
            var b = ReportsOfIncidents(tx, [other]);
            if (a.Count == 0) return Result<long>.Fail($"no incident {StoreId.IncidentKey(incidentId)}");
            if (b.Count == 0) return Result<long>.Fail($"no incident {StoreId.IncidentKey(other)}");
            var all = a.Concat(b).OrderBy(r => r.Report.Ref, StringComparer.Ordinal).ToList();
            long audit = AddAudit(tx, "merge", $"{StoreId.IncidentKey(incidentId)} + {StoreId.IncidentKey(other)} ({all.Count} reports){NoteText(note)}");
            // Every report is tied to the first: the merged incident stays whole whatever the scores say later.
            var anchor = all[0].Report.Ref;
            foreach (var r in all.Skip(1)) AddConstraint(tx, "together", anchor, r.Report.Ref, audit);
            foreach (var r in all) DeleteApart(tx, r.Report.Ref, all.Select(x => x.Report.Ref).ToHashSet(StringComparer.Ordinal));
            IncidentMerging.WriteGroups(Tables(tx), all, MergeThreshold);
            tx.Commit();
            return Result<long>.Ok(IncidentOfRef(anchor));
        }
    }

    public Result<long> SplitReport(long incidentId, long articleId, string eventId, string? note = null)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            var members = ReportsOfIncidents(tx, [incidentId]);
            if (members.Count == 0) return Result<long>.Fail($"no incident {StoreId.IncidentKey(incidentId)}");
            var target = members.FirstOrDefault(m => m.ArticleId == articleId && m.Report.Ref.EndsWith(":" + eventId, StringComparison.Ordinal));
            if (target is null) return Result<long>.Fail($"{StoreId.EventKey(articleId, eventId)} is not a report of {StoreId.IncidentKey(incidentId)}");
            if (members.Count == 1) return Result<long>.Fail($"{StoreId.IncidentKey(incidentId)} has one report only; nothing to split");
            long audit = AddAudit(tx, "split", $"{StoreId.EventKey(articleId, eventId)} out of {StoreId.IncidentKey(incidentId)}{NoteText(note)}");
            using (var del = Command(tx, "DELETE FROM incident_constraints WHERE kind = 'together' AND (ref_a = $r OR ref_b = $r)"))
            {
                del.Parameters.AddWithValue("$r", target.Report.Ref);
                del.ExecuteNonQuery();
            }
            foreach (var m in members.Where(m => m != target)) AddConstraint(tx, "apart", target.Report.Ref, m.Report.Ref, audit);
            IncidentMerging.WriteGroups(Tables(tx), members, MergeThreshold);
            tx.Commit();
            return Result<long>.Ok(IncidentOfRef(target.Report.Ref));
        }
    }

    public int Remerge(bool newestFirst = false)
    {
        lock (_gate)
        {
            using var tx = _db.BeginTransaction();
            var articles = new List<(long Id, string Hash)>();
            using (var q = Command(tx, "SELECT id, hash FROM articles ORDER BY id" + (newestFirst ? " DESC" : "")))
            using (var r = q.ExecuteReader())
                while (r.Read()) articles.Add((r.GetInt64(0), r.GetString(1)));
            using (var reset = Command(tx, "DELETE FROM incident_report_days; DELETE FROM incident_report_names; DELETE FROM incident_report_name_days; DELETE FROM incident_reports; DELETE FROM incidents;"))
                reset.ExecuteNonQuery();
            // The reports are derived again from the stored documents, so a re-merge sees what the current code would derive.
            using var doc = Command(tx, "SELECT document, text FROM articles WHERE id = $id");
            var p = doc.Parameters.Add(new SqliteParameter("$id", null));
            foreach (var (id, hash) in articles)
            {
                p.Value = id;
                System.Text.Json.Nodes.JsonObject json;
                using (var r = doc.ExecuteReader())
                {
                    if (!r.Read()) continue;
                    json = DocumentRows.RestoreText(StoredDocument.Unpack(r, 0), r.GetString(1));
                }
                MergeArticle(tx, id, new StorableDocument(hash, json).Rows);
            }
            tx.Commit();
            using var count = Command(null, "SELECT COUNT(*) FROM incidents");
            return Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    public IReadOnlyList<MergeAuditEntry> Audit()
    {
        lock (_gate)
        {
            using var cmd = Command(null, "SELECT id, at, command, detail FROM incident_audit ORDER BY id");
            return ReadAll(cmd, r => new MergeAuditEntry(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        }
    }

    private static string NoteText(string? note) => string.IsNullOrWhiteSpace(note) ? "" : ": " + note.Trim();

    private long IncidentOfRef(string reference)
    {
        using var cmd = Command(null, "SELECT incident_id FROM incident_reports WHERE ref = $r");
        cmd.Parameters.AddWithValue("$r", reference);
        return (long)cmd.ExecuteScalar()!;
    }

    private long AddAudit(SqliteTransaction tx, string command, string detail)
    {
        using var cmd = Command(tx, "INSERT INTO incident_audit(at, command, detail) VALUES ($at, $c, $d) RETURNING id");
        cmd.Parameters.AddWithValue("$at", _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$c", command);
        cmd.Parameters.AddWithValue("$d", detail);
        return (long)cmd.ExecuteScalar()!;
    }

    private void AddConstraint(SqliteTransaction tx, string kind, string a, string b, long audit)
    {
        using var cmd = Command(tx, "INSERT OR REPLACE INTO incident_constraints(kind, ref_a, ref_b, audit_id) VALUES ($k, $a, $b, $audit)");
        cmd.Parameters.AddWithValue("$k", kind);
        cmd.Parameters.AddWithValue("$a", string.CompareOrdinal(a, b) <= 0 ? a : b);
        cmd.Parameters.AddWithValue("$b", string.CompareOrdinal(a, b) <= 0 ? b : a);
        cmd.Parameters.AddWithValue("$audit", audit);
        cmd.ExecuteNonQuery();
    }

    /// <summary>A merge overrides earlier splits between the reports it joins.</summary>
    private void DeleteApart(SqliteTransaction tx, string reference, HashSet<string> joined)
    {
        using var cmd = Command(tx, "SELECT ref_a, ref_b FROM incident_constraints WHERE kind = 'apart' AND (ref_a = $r OR ref_b = $r)");
        cmd.Parameters.AddWithValue("$r", reference);
        var gone = ReadAll(cmd, r => (r.GetString(0), r.GetString(1))).Where(p => joined.Contains(p.Item1) && joined.Contains(p.Item2)).ToList();
        using var del = Command(tx, "DELETE FROM incident_constraints WHERE kind = 'apart' AND ref_a = $a AND ref_b = $b");
        del.Parameters.Add(new SqliteParameter("$a", null));
        del.Parameters.Add(new SqliteParameter("$b", null));
        foreach (var (a, b) in gone)
        {
            del.Parameters[0].Value = a;
            del.Parameters[1].Value = b;
            del.ExecuteNonQuery();
        }
    }
}
