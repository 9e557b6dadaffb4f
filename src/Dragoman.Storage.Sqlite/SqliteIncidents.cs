using System.Globalization;
using System.Text.Json;
using Dragoman.Merge;
using Microsoft.Data.Sqlite;

namespace Dragoman.Storage.Sqlite;

/// <summary>
/// The merge stage in the store (docs/merge.md): each stored article's events become reports; the reports that could be
/// one incident with them are found by blocking (family, a window of days, the same country or none), the incidents they
/// link to are re-clustered together with the new reports (<see cref="IncidentClusterer"/>, pure core), and the groups are
/// written back with their derived fields. Runs inside the batch's transaction, so an article and its merging commit together.
/// </summary>
public sealed partial class SqliteEventStore
{
    /// <summary>Merge each stored article's events into incidents as it is stored (on by default; off for measuring the cost).</summary>
    public bool MergeOnAdd { get; set; } = true;

    /// <summary>The average link score an incident needs (<see cref="PairScorer.Threshold"/>; other values only to measure sensitivity).</summary>
    public double MergeThreshold { get; set; } = PairScorer.Threshold;

    /// <summary>Most candidates one report reads from a block (a safety bound; blocks are far smaller in news).</summary>
    public const int MaxCandidates = 2000;

    /// <summary>Days a stored report's window may start before the new report's window and still be read (month precision fits).</summary>
    private const int LongestWindowDays = 40;

    private const string ReportColumns =
        "r.ref, r.family, r.action, r.acled_type, r.day_lo, r.day_hi, r.day_from_published, r.lat, r.lon, r.place_name, r.place_precision, " +
        "r.place_inherited, r.country, r.admin1, r.geonameid, r.names, r.killed, r.outlet, r.modality, r.published, r.incident_id, r.article_id";

    private sealed record StoredReport(MergeReport Report, long IncidentId, long ArticleId);

    private static StoredReport ReadReport(SqliteDataReader r)
    {
        var c = new Cells(r);
        var report = new MergeReport
        {
            Ref = c.Str(), Family = c.NStr(), Action = c.Str(), AcledType = c.NStr(),
            DayLo = c.NInt(), DayHi = c.NInt(), DayFromPublication = c.Int() != 0,
            Lat = c.NDbl(), Lon = c.NDbl(), PlaceName = c.NStr(), Precision = c.NStr(), PlaceInherited = c.Int() != 0,
            Country = c.NStr(), Admin1 = c.NStr(), GeonameId = c.NStr(),
            Names = c.Str().Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Killed = c.NInt(), Outlet = c.NStr(), Modality = c.Str(), Published = c.NStr(),
        };
        return new StoredReport(report, c.Long(), c.Long());
    }

    private SqliteCommand Command(SqliteTransaction? tx, string sql)
    {
        var cmd = _db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    /// <summary>Writes the article's reports and merges them with the stored incidents they may belong to.</summary>
    private void MergeArticle(SqliteTransaction tx, long articleId, DocumentRowSet rows)
    {
        var reports = MergeReports.From(rows);
        if (reports.Count == 0) return;
        InsertReports(tx, articleId, reports);
        Recluster(tx, reports, articleId);
    }

    private void InsertReports(SqliteTransaction tx, long articleId, IReadOnlyList<MergeReport> reports)
    {
        var rowOf = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var q = Command(tx, "SELECT id, event_id FROM events WHERE article_id = $a"))
        {
            q.Parameters.AddWithValue("$a", articleId);
            using var r = q.ExecuteReader();
            while (r.Read()) rowOf[r.GetString(1)] = r.GetInt64(0);
        }
        using var ins = Command(tx, """
            INSERT INTO incident_reports(event_row, incident_id, ref, article_id, family, action, acled_type, day_lo, day_hi, day_from_published,
                lat, lon, place_name, place_precision, place_inherited, country, admin1, geonameid, names, killed, outlet, modality, published)
            VALUES ($row, 0, $ref, $a, $family, $action, $acled, $lo, $hi, $fp, $lat, $lon, $pn, $pp, $pi, $country, $admin1, $gid, $names, $killed, $outlet, $modality, $published)
            ON CONFLICT DO NOTHING
            """);
        foreach (var p in new[] { "$row", "$ref", "$a", "$family", "$action", "$acled", "$lo", "$hi", "$fp", "$lat", "$lon", "$pn", "$pp", "$pi",
                     "$country", "$admin1", "$gid", "$names", "$killed", "$outlet", "$modality", "$published" })
            ins.Parameters.Add(new SqliteParameter(p, null));
        ins.Prepare();
        foreach (var m in reports)
        {
            var eventId = m.Ref[(m.Ref.IndexOf(':') + 1)..];
            if (!rowOf.TryGetValue(eventId, out var row)) continue;
            object?[] values = [row, m.Ref, articleId, m.Family, m.Action, m.AcledType, m.DayLo, m.DayHi, m.DayFromPublication ? 1 : 0,
                m.Lat, m.Lon, m.PlaceName, m.Precision, m.PlaceInherited ? 1 : 0, m.Country, m.Admin1, m.GeonameId,
                string.Join(' ', m.Names), m.Killed, m.Outlet, m.Modality, m.Published];
            for (int i = 0; i < values.Length; i++) ins.Parameters[i].Value = values[i] ?? DBNull.Value;
            ins.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Re-clusters the new reports together with every stored incident one of them links to at the threshold (a report
    /// can only join an incident whose average link reaches the threshold if one of its links does), keeping constraints.
    /// </summary>
    private void Recluster(SqliteTransaction tx, IReadOnlyList<MergeReport> fresh, long articleId)
    {
        var touched = new SortedSet<long>();
        foreach (var m in fresh)
        {
            if (m.Family is null) continue;
            foreach (var c in Candidates(tx, m, articleId))
                if (PairScorer.Score(m, c.Report, explain: false).Score >= MergeThreshold) touched.Add(c.IncidentId);
        }
        // Reports an analyst tied to the new ones are in the component whatever their scores.
        using (var partner = Command(tx, "SELECT incident_id FROM incident_reports WHERE ref = $r AND incident_id > 0"))
        {
            var p = partner.Parameters.Add(new SqliteParameter("$r", null));
            foreach (var c in ConstraintsOf(tx, [.. fresh.Select(m => m.Ref)]).Where(c => c.Kind == MergeConstraintKind.Together))
                foreach (var r in new[] { c.RefA, c.RefB })
                {
                    p.Value = r;
                    if (partner.ExecuteScalar() is long id) touched.Add(id);
                }
        }
        var component = ReportsOfIncidents(tx, touched);
        foreach (var m in fresh)
            if (!component.Any(c => c.Report.Ref == m.Ref)) component.Add(new StoredReport(m, 0, articleId));
        WriteGroups(tx, component);
    }

    private List<StoredReport> Candidates(SqliteTransaction tx, MergeReport m, long articleId)
    {
        // Dated: the same family within the window, in the same country or in none (each an index range on
        // (family, country, day_lo)); undated on either side: only at the same resolved place ((family, geonameid)).
        string window = "r.day_lo BETWEEN $lo AND $hi AND r.day_hi >= $from AND r.article_id <> $a";
        string samePlace = $"SELECT {ReportColumns} FROM incident_reports r WHERE r.family = $family AND r.geonameid = $gid AND r.article_id <> $a";
        var parts = new List<string>();
        if (m.Dated)
        {
            if (m.Country is not null) parts.Add($"SELECT {ReportColumns} FROM incident_reports r WHERE r.family = $family AND r.country = $country AND {window}");
            parts.Add($"SELECT {ReportColumns} FROM incident_reports r WHERE r.family = $family AND r.country IS NULL AND {window}");
            if (m.GeonameId is not null) parts.Add(samePlace + " AND r.day_lo IS NULL");
        }
        else if (m.GeonameId is not null) parts.Add(samePlace);
        string sql = parts.Count == 0 ? "" : string.Join(" UNION ALL ", parts) + " LIMIT $limit";
        if (sql.Length == 0) return [];
        using var cmd = Command(tx, sql);
        cmd.Parameters.AddWithValue("$family", m.Family);
        cmd.Parameters.AddWithValue("$country", (object?)m.Country ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$gid", (object?)m.GeonameId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$a", articleId);
        cmd.Parameters.AddWithValue("$limit", MaxCandidates);
        if (m.Dated)
        {
            cmd.Parameters.AddWithValue("$lo", m.DayLo!.Value - PairScorer.WindowDays - LongestWindowDays);
            cmd.Parameters.AddWithValue("$hi", m.DayHi!.Value + PairScorer.WindowDays);
            cmd.Parameters.AddWithValue("$from", m.DayLo!.Value - PairScorer.WindowDays);
        }
        return ReadAll(cmd, ReadReport);
    }

    private List<StoredReport> ReportsOfIncidents(SqliteTransaction? tx, IEnumerable<long> incidents)
    {
        var list = new List<StoredReport>();
        using var cmd = Command(tx, $"SELECT {ReportColumns} FROM incident_reports r WHERE r.incident_id = $i");
        var p = cmd.Parameters.Add(new SqliteParameter("$i", null));
        foreach (var id in incidents)
        {
            p.Value = id;
            list.AddRange(ReadAll(cmd, ReadReport));
        }
        return list;
    }

    private List<MergeConstraint> ConstraintsOf(SqliteTransaction? tx, IReadOnlyCollection<string> refs)
    {
        var list = new List<MergeConstraint>();
        using var cmd = Command(tx, "SELECT kind, ref_a, ref_b FROM incident_constraints WHERE ref_a = $r OR ref_b = $r");
        var p = cmd.Parameters.Add(new SqliteParameter("$r", null));
        var seen = new HashSet<(string, string, string)>();
        foreach (var r in refs)
        {
            p.Value = r;
            using var rd = cmd.ExecuteReader();
            while (rd.Read())
                if (seen.Add((rd.GetString(0), rd.GetString(1), rd.GetString(2))))
                    list.Add(new MergeConstraint(rd.GetString(0) == "together" ? MergeConstraintKind.Together : MergeConstraintKind.Apart, rd.GetString(1), rd.GetString(2)));
        }
        return list;
    }

    /// <summary>
    /// Clusters <paramref name="component"/> and writes the groups: each group keeps the smallest old incident id among its
    /// reports that no earlier group took, else gets a new one; old incidents left without reports are deleted.
    /// </summary>
    private void WriteGroups(SqliteTransaction tx, List<StoredReport> component)
    {
        var byRef = component.ToDictionary(c => c.Report.Ref, StringComparer.Ordinal);
        var constraints = ConstraintsOf(tx, byRef.Keys);
        var groups = IncidentClusterer.Cluster(component.Select(c => c.Report), constraints, MergeThreshold);
        var oldIds = component.Select(c => c.IncidentId).Where(i => i > 0).ToHashSet();
        var used = new HashSet<long>();

        using var update = Command(tx, "UPDATE incident_reports SET incident_id = $i, partner_ref = $p, score = $s, reasons = $why WHERE ref = $ref");
        foreach (var p in new[] { "$i", "$p", "$s", "$why", "$ref" }) update.Parameters.Add(new SqliteParameter(p, null));
        foreach (var g in groups)
        {
            var members = g.Members.Select(m => byRef[m.Ref]).ToList();
            long id = members.Select(m => m.IncidentId).Where(i => i > 0 && !used.Contains(i)).DefaultIfEmpty(0).Min();
            if (id == 0) id = NewIncident(tx);
            used.Add(id);
            foreach (var link in g.Members)
            {
                update.Parameters[0].Value = id;
                update.Parameters[1].Value = (object?)link.Partner ?? DBNull.Value;
                update.Parameters[2].Value = (object?)link.Score ?? DBNull.Value;
                update.Parameters[3].Value = JsonSerializer.Serialize(link.Reasons.Select(r => new { feature = r.Feature, weight = r.Weight, detail = r.Detail }));
                update.Parameters[4].Value = link.Ref;
                update.ExecuteNonQuery();
            }
            WriteFacts(tx, id, IncidentFacts.Derive([.. members.Select(m => (m.Report, m.ArticleId))]));
        }
        using var delete = Command(tx, "DELETE FROM incidents WHERE id = $i AND NOT EXISTS (SELECT 1 FROM incident_reports WHERE incident_id = $i)");
        var d = delete.Parameters.Add(new SqliteParameter("$i", null));
        foreach (var old in oldIds.Where(i => !used.Contains(i)))
        {
            d.Value = old;
            delete.ExecuteNonQuery();
        }
    }

    private long NewIncident(SqliteTransaction tx)
    {
        using var cmd = Command(tx, "INSERT INTO incidents(action) VALUES ('') RETURNING id");
        return (long)cmd.ExecuteScalar()!;
    }

    private void WriteFacts(SqliteTransaction tx, long id, IncidentFacts f)
    {
        using var cmd = Command(tx, """
            UPDATE incidents SET action = $action, family = $family, day_lo = $lo, day_hi = $hi, date_basis = $basis,
                place_name = $pn, lat = $lat, lon = $lon, place_precision = $pp, country = $country, admin1 = $admin1,
                killed_min = $kmin, killed_max = $kmax, fatalities = $fat, reports = $reports, articles = $articles, outlets = $outlets,
                first_reported = $first, last_reported = $last
            WHERE id = $id
            """);
        object?[] values = [f.Action, f.Family, f.DayLo, f.DayHi, f.DateBasis, f.PlaceName, f.Lat, f.Lon, f.Precision, f.Country, f.Admin1,
            f.KilledMin, f.KilledMax, f.Fatalities, f.Reports, f.Articles, f.Outlets, f.FirstReported, f.LastReported, id];
        string[] names = ["$action", "$family", "$lo", "$hi", "$basis", "$pn", "$lat", "$lon", "$pp", "$country", "$admin1",
            "$kmin", "$kmax", "$fat", "$reports", "$articles", "$outlets", "$first", "$last", "$id"];
        for (int i = 0; i < names.Length; i++) cmd.Parameters.AddWithValue(names[i], values[i] ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }
}
