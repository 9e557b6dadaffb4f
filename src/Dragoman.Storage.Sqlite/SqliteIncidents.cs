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

    /// <summary>The schema version whose tables the merge stage writes and reads (14: incident_report_names; 19: incident_reports_long; 21: incident_reports.article_main; 22: incidents.component; 24: incident_report_name_days).</summary>
    private const int MergeSchemaVersion = 24;

    private const string ReportColumns =
        "r.ref, r.family, r.action, r.acled_type, r.day_lo, r.day_hi, r.day_from_published, r.lat, r.lon, r.place_name, r.place_precision, " +
        "r.place_inherited, r.country, r.admin1, r.geonameid, r.names, r.words, r.month_days, r.killed, r.outlet, r.modality, r.published, r.article_main, r.incident_id, r.article_id";

    /// <summary>How many cells <see cref="ReportColumns"/> reads (the cells a query selects after them start here).</summary>
    private static readonly int ReportColumnCount = ReportColumns.Split(',').Length;

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
            Words = c.Str().Split(' ', StringSplitOptions.RemoveEmptyEntries),
            MonthDays = MonthDays.FromColumn(c.Str()),
            Killed = c.NInt(), Outlet = c.NStr(), Modality = c.Str(), Published = c.NStr(), ArticleMain = c.Int() != 0,
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

    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    /// <summary>
    /// A statement prepared once per store and reused (the merge stage runs the same few statements for every report);
    /// its parameters are <paramref name="parameters"/> in order, set by ordinal. Not disposed by the caller.
    /// </summary>
    private SqliteCommand Cached(SqliteTransaction? tx, string sql, params string[] parameters)
    {
        if (!_prepared.TryGetValue(sql, out var cmd))
        {
            cmd = _db.CreateCommand();
            cmd.CommandText = sql;
            foreach (var p in parameters) cmd.Parameters.Add(new SqliteParameter(p, null));
            _prepared[sql] = cmd;
        }
        cmd.Transaction = tx;
        return cmd;
    }

    private void DisposePrepared()
    {
        foreach (var cmd in _prepared.Values) cmd.Dispose();
        _prepared.Clear();
    }

    /// <summary>Writes the article's reports and merges them with the stored incidents they may belong to.</summary>
    private void MergeArticle(SqliteTransaction tx, long articleId, DocumentRowSet rows)
    {
        // A store held at an older schema (opened with a target version, as tests of migrations do) lacks the columns.
        if (SchemaVersion < MergeSchemaVersion) return;
        long t = MergeTrace.Start();
        var reports = MergeReports.From(rows);
        t = MergeTrace.Add("1-reports", t);
        if (reports.Count == 0) return;
        InsertReports(tx, articleId, reports);
        MergeTrace.Add("2-insert", t, reports.Count);
        IncidentMerging.Recluster(Tables(tx), reports, articleId, MergeThreshold);
    }

    private void InsertReports(SqliteTransaction tx, long articleId, IReadOnlyList<MergeReport> reports)
    {
        var rowOf = new Dictionary<string, long>(StringComparer.Ordinal);
        var q = Cached(tx, "SELECT id, event_id FROM events WHERE article_id = $a", "$a");
        q.Parameters[0].Value = articleId;
        using (var r = q.ExecuteReader())
            while (r.Read()) rowOf[r.GetString(1)] = r.GetInt64(0);
        var ins = Cached(tx, """
            INSERT INTO incident_reports(event_row, incident_id, ref, article_id, family, action, acled_type, day_lo, day_hi, day_from_published,
                lat, lon, place_name, place_precision, place_inherited, country, admin1, geonameid, names, words, month_days, killed, outlet, modality, published, article_main)
            VALUES ($row, 0, $ref, $a, $family, $action, $acled, $lo, $hi, $fp, $lat, $lon, $pn, $pp, $pi, $country, $admin1, $gid, $names, $words, $md, $killed, $outlet, $modality, $published, $main)
            ON CONFLICT DO NOTHING
            """, "$row", "$ref", "$a", "$family", "$action", "$acled", "$lo", "$hi", "$fp", "$lat", "$lon", "$pn", "$pp", "$pi",
            "$country", "$admin1", "$gid", "$names", "$words", "$md", "$killed", "$outlet", "$modality", "$published", "$main");
        foreach (var m in reports)
        {
            var eventId = m.Ref[(m.Ref.IndexOf(':') + 1)..];
            if (!rowOf.TryGetValue(eventId, out var row)) continue;
            object?[] values = [row, m.Ref, articleId, m.Family, m.Action, m.AcledType, m.DayLo, m.DayHi, m.DayFromPublication ? 1 : 0,
                m.Lat, m.Lon, m.PlaceName, m.Precision, m.PlaceInherited ? 1 : 0, m.Country, m.Admin1, m.GeonameId,
                string.Join(' ', m.Names), string.Join(' ', m.Words), MonthDays.ToColumn(m.MonthDays), m.Killed, m.Outlet, m.Modality, m.Published, m.ArticleMain ? 1 : 0];
            for (int i = 0; i < values.Length; i++) ins.Parameters[i].Value = values[i] ?? DBNull.Value;
            if (ins.ExecuteNonQuery() > 0)
            {
                InsertDays(tx, row, m);
                InsertNames(tx, row, m);
            }
        }
    }

    /// <summary>A report's rows in the blocking index of name words (<see cref="SqliteIncidentSchema.NamesSql"/>): under its first day, an undated one under <see cref="MergeBlocking.UndatedNameDay"/>.</summary>
    private void InsertNames(SqliteTransaction tx, long row, MergeReport m)
    {
        if (m.Family is null || m.Names.Count == 0) return;
        var ins = Cached(tx, "INSERT OR IGNORE INTO incident_report_names(family, name, day, event_row) VALUES ($f, $n, $d, $row)", "$f", "$n", "$d", "$row");
        ins.Parameters[0].Value = m.Family;
        ins.Parameters[2].Value = m.DayLo ?? MergeBlocking.UndatedNameDay;
        ins.Parameters[3].Value = row;
        foreach (var name in m.Names)
        {
            ins.Parameters[1].Value = name;
            ins.ExecuteNonQuery();
        }
        InsertNameDays(tx, row, m);
    }

    /// <summary>An undated report's rows in the index of name words by day of the year (<see cref="SqliteIncidentSchema.NameDaysSql"/>).</summary>
    private void InsertNameDays(SqliteTransaction tx, long row, MergeReport m)
    {
        if (m.Dated || m.Country is null || m.MonthDays.Count == 0) return;
        var ins = Cached(tx, "INSERT OR IGNORE INTO incident_report_name_days(family, country, name, day, event_row) VALUES ($f, $c, $n, $d, $row)",
            "$f", "$c", "$n", "$d", "$row");
        ins.Parameters[0].Value = m.Family;
        ins.Parameters[1].Value = m.Country;
        ins.Parameters[4].Value = row;
        foreach (var name in m.Names)
            foreach (int day in MonthDays.DaysOf(m))
            {
                ins.Parameters[2].Value = name;
                ins.Parameters[3].Value = day;
                ins.ExecuteNonQuery();
            }
    }

    /// <summary>The report's rows in the blocking index of days of the year (<see cref="SqliteIncidentSchema.DaysSql"/>).</summary>
    private void InsertDays(SqliteTransaction tx, long row, MergeReport m)
    {
        if (m.Family is null || m.Country is null) return;
        var ins = Cached(tx, "INSERT OR IGNORE INTO incident_report_days(family, country, day, undated, event_row) VALUES ($f, $c, $d, $u, $row)",
            "$f", "$c", "$d", "$u", "$row");
        ins.Parameters[0].Value = m.Family;
        ins.Parameters[1].Value = m.Country;
        ins.Parameters[3].Value = m.Dated ? 0 : 1;
        ins.Parameters[4].Value = row;
        foreach (int day in MonthDays.DaysOf(m))
        {
            ins.Parameters[2].Value = day;
            ins.ExecuteNonQuery();
        }
    }

    /// <summary>The merge report the store keeps for an article's event (null when it has none: not a main, mergeable event or merging off).</summary>
    public MergeReport? MergeReportOf(long articleId, string eventId)
    {
        var cmd = Cached(null, $"SELECT {ReportColumns} FROM incident_reports r WHERE r.article_id = $a AND substr(r.ref, instr(r.ref, ':') + 1) = $e", "$a", "$e");
        cmd.Parameters[0].Value = articleId;
        cmd.Parameters[1].Value = eventId;
        return ReadAll(cmd, ReadReport).FirstOrDefault()?.Report;
    }

    private List<StoredReport> ReportsOfIncidents(SqliteTransaction? tx, IEnumerable<long> incidents)
    {
        var list = new List<StoredReport>();
        var cmd = Cached(tx, $"SELECT {ReportColumns} FROM incident_reports r WHERE r.incident_id = $i", "$i");
        foreach (var id in incidents)
        {
            cmd.Parameters[0].Value = id;
            list.AddRange(ReadAll(cmd, ReadReport));
        }
        return list;
    }

    private List<MergeConstraint> ConstraintsOf(SqliteTransaction? tx, IReadOnlyCollection<string> refs)
    {
        // One statement for all refs (a JSON array), in the order the table keeps them, each constraint once.
        var cmd = Cached(tx, """
            SELECT kind, ref_a, ref_b FROM incident_constraints WHERE ref_a IN (SELECT value FROM json_each($refs))
            UNION SELECT kind, ref_a, ref_b FROM incident_constraints WHERE ref_b IN (SELECT value FROM json_each($refs))
            ORDER BY 1, 2, 3
            """, "$refs");
        cmd.Parameters[0].Value = JsonSerializer.Serialize(refs);
        return ReadAll(cmd, rd => new MergeConstraint(rd.GetString(0) == "together" ? MergeConstraintKind.Together : MergeConstraintKind.Apart, rd.GetString(1), rd.GetString(2)));
    }

    /// <summary>
    /// Labels the incidents of a store written before components were kept (schema 22; <see cref="IncidentMerging.BuildComponents"/>):
    /// one candidate search per stored report, once, so that merging afterwards reads a component instead of searching it.
    /// </summary>
    private void LabelComponents()
    {
        if (SchemaVersion < MergeSchemaVersion) return;
        using (var any = Command(null, "SELECT EXISTS (SELECT 1 FROM incidents WHERE component IS NULL)"))
            if (Convert.ToInt64(any.ExecuteScalar(), CultureInfo.InvariantCulture) == 0) return;
        long t = MergeTrace.Start();
        using var tx = _db.BeginTransaction();
        List<StoredReport> reports;
        using (var all = Command(tx, $"SELECT {ReportColumns} FROM incident_reports r WHERE r.incident_id > 0 ORDER BY r.article_id"))
            reports = ReadAll(all, ReadReport);
        t = MergeTrace.Add("L0-read", t, reports.Count);
        IncidentMerging.BuildComponents(Tables(tx), reports, MergeThreshold);
        t = MergeTrace.Start();
        using (var rest = Command(tx, "UPDATE incidents SET component = id WHERE component IS NULL"))
            rest.ExecuteNonQuery();
        tx.Commit();
        MergeTrace.Add("L4-rest-commit", t);
    }

    /// <summary>The merge stage's view of this store's tables inside <paramref name="tx"/> (<see cref="IMergeTables"/>).</summary>
    private SqliteMergeTables Tables(SqliteTransaction tx) => new(this, tx);

    private sealed class SqliteMergeTables(SqliteEventStore store, SqliteTransaction tx) : IMergeTables
    {
        public IReadOnlyList<IReadOnlyList<StoredReport>> Candidates(IReadOnlyList<MergeReport> reports, long articleId) =>
            [.. reports.Select(m => store.Candidates(tx, m, articleId))];

        public IReadOnlyList<StoredReport> ReportsOfIncidents(IReadOnlyCollection<long> incidents) => store.ReportsOfIncidents(tx, incidents);

        public IReadOnlyDictionary<long, long> ComponentsOf(IReadOnlyCollection<long> incidents)
        {
            var cmd = store.Cached(tx, "SELECT id, COALESCE(component, id) FROM incidents WHERE id IN (SELECT value FROM json_each($ids))", "$ids");
            cmd.Parameters[0].Value = JsonSerializer.Serialize(incidents);
            return ReadAll(cmd, r => (r.GetInt64(0), r.GetInt64(1))).ToDictionary(p => p.Item1, p => p.Item2);
        }

        public IReadOnlyList<StoredReport>? ReportsOfComponents(IReadOnlyCollection<long> components, int limit)
        {
            var json = JsonSerializer.Serialize(components);
            // A join, not IN (subquery): the count stops at the limit instead of listing every incident of a large component.
            // The component's index is named: with the statistics of a store labelled after it was analysed (every
            // incident under one label) the planner read every report of the store instead (200k: most of 52 ms of CPU an article).
            var count = store.Cached(tx, """
                SELECT count(*) FROM (SELECT 1 FROM incidents i INDEXED BY incidents_component JOIN incident_reports r ON r.incident_id = i.id
                WHERE i.component IN (SELECT value FROM json_each($c)) LIMIT $n)
                """, "$c", "$n");
            count.Parameters[0].Value = json;
            count.Parameters[1].Value = limit + 1;
            if (Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) > limit) return null;
            var read = store.Cached(tx, $"SELECT {ReportColumns} FROM incidents i INDEXED BY incidents_component JOIN incident_reports r ON r.incident_id = i.id WHERE i.component IN (SELECT value FROM json_each($c))", "$c");
            read.Parameters[0].Value = json;
            return ReadAll(read, ReadReport);
        }

        public void JoinComponents(IReadOnlyCollection<long> components, IReadOnlyCollection<long> incidents, long component)
        {
            // Two statements, each through its index: one with "component IN ... OR id IN ..." scanned every incident of
            // the store for each article merged (the OR defeats both indexes), and the component's index is named because
            // statistics gathered before labels were kept count every incident under one label.
            if (components.Count > 0)
            {
                var relabel = store.Cached(tx, """
                    UPDATE incidents INDEXED BY incidents_component SET component = $to
                    WHERE component IN (SELECT value FROM json_each($c)) AND component IS NOT $to
                    """, "$c", "$to");
                relabel.Parameters[0].Value = JsonSerializer.Serialize(components);
                relabel.Parameters[1].Value = component;
                relabel.ExecuteNonQuery();
            }
            if (incidents.Count > 0)
            {
                var label = store.Cached(tx, "UPDATE incidents SET component = $to WHERE id IN (SELECT value FROM json_each($i)) AND component IS NOT $to", "$i", "$to");
                label.Parameters[0].Value = JsonSerializer.Serialize(incidents);
                label.Parameters[1].Value = component;
                label.ExecuteNonQuery();
            }
        }

        public long? IncidentOfRef(string reference)
        {
            var cmd = store.Cached(tx, "SELECT incident_id FROM incident_reports WHERE ref = $r AND incident_id > 0", "$r");
            cmd.Parameters[0].Value = reference;
            return cmd.ExecuteScalar() is long id ? id : null;
        }

        public IReadOnlyList<MergeConstraint> ConstraintsOf(IReadOnlyCollection<string> refs) => store.ConstraintsOf(tx, refs);

        public long NewIncident() => (long)store.Cached(tx, "INSERT INTO incidents(action) VALUES ('') RETURNING id").ExecuteScalar()!;

        public void Link(long incidentId, ReportLink link)
        {
            var update = store.Cached(tx, "UPDATE incident_reports SET incident_id = $i, partner_ref = $p, score = $s, reasons = $why WHERE ref = $ref",
                "$i", "$p", "$s", "$why", "$ref");
            update.Parameters[0].Value = incidentId;
            update.Parameters[1].Value = (object?)link.Partner ?? DBNull.Value;
            update.Parameters[2].Value = (object?)link.Score ?? DBNull.Value;
            update.Parameters[3].Value = IncidentMerging.ReasonsJson(link);
            update.Parameters[4].Value = link.Ref;
            update.ExecuteNonQuery();
        }

        public void WriteFacts(long incidentId, IncidentFacts facts) => store.WriteFacts(tx, incidentId, facts);

        public void DeleteIfEmpty(long incidentId)
        {
            var delete = store.Cached(tx, "DELETE FROM incidents WHERE id = $i AND NOT EXISTS (SELECT 1 FROM incident_reports WHERE incident_id = $i)", "$i");
            delete.Parameters[0].Value = incidentId;
            delete.ExecuteNonQuery();
        }
    }

    private void WriteFacts(SqliteTransaction tx, long id, IncidentFacts f)
    {
        var cmd = Cached(tx, """
            UPDATE incidents SET action = $action, family = $family, day_lo = $lo, day_hi = $hi, date_basis = $basis,
                place_name = $pn, lat = $lat, lon = $lon, place_precision = $pp, country = $country, admin1 = $admin1,
                killed_min = $kmin, killed_max = $kmax, fatalities = $fat, reports = $reports, articles = $articles, outlets = $outlets,
                first_reported = $first, last_reported = $last
            WHERE id = $id
            """, "$action", "$family", "$lo", "$hi", "$basis", "$pn", "$lat", "$lon", "$pp", "$country", "$admin1",
            "$kmin", "$kmax", "$fat", "$reports", "$articles", "$outlets", "$first", "$last", "$id");
        object?[] values = [f.Action, f.Family, f.DayLo, f.DayHi, f.DateBasis, f.PlaceName, f.Lat, f.Lon, f.Precision, f.Country, f.Admin1,
            f.KilledMin, f.KilledMax, f.Fatalities, f.Reports, f.Articles, f.Outlets, f.FirstReported, f.LastReported, id];
        for (int i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        cmd.ExecuteNonQuery();
    }
}
