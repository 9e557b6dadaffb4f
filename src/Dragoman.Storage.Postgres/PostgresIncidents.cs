using System.Security.Cryptography;
using System.Text;
using Dragoman.Merge;
using Npgsql;
using NpgsqlTypes;

namespace Dragoman.Storage.Postgres;

/// <summary>
/// The merge stage on PostgreSQL (docs/merge.md): each stored article's events become reports (written with COPY), and
/// <see cref="IncidentMerging"/> (the core, the same code SQLite runs) re-clusters them with the stored incidents of
/// their block, inside the batch's transaction. The block is read with one statement per report: the same family, a
/// window of days, the same country or none (undated: the same place), within reach of the report's point (PostGIS).
/// <para>
/// Many writers at once: before writing a batch, a writer takes transaction-scoped advisory locks on the blocks its
/// reports read and write (<see cref="BlockLocks"/>), so two writers whose reports could be one incident merge one after
/// the other (the second sees the first's committed incident) and never start two incidents for one event. Writers of
/// other blocks do not wait for each other. The analysts' commands and re-merging take every block at once.
/// </para>
/// </summary>
public sealed partial class PostgresEventStore : IIncidentStore
{
    public bool MergeOnAdd { get; set; } = true;

    public double MergeThreshold { get; set; } = PairScorer.Threshold;

    /// <summary>Most candidates one report reads from a block (a safety bound; blocks are far smaller in news).</summary>
    public const int MaxCandidates = 2000;

    /// <summary>Days a stored report's window may start before the new report's window and still be read (no report spans more).</summary>
    private const int LongestWindowDays = MergeReports.MaxDaySpan;

    /// <summary>
    /// A stored report spanning more days than this is long: only such a report can start more than this many days before
    /// a new report's window and still overlap it. Its own index range (incident_reports_long, migration 17, which writes
    /// the same 7), as on SQLite, so a search reads a month back only among the long reports.
    /// </summary>
    private const int LongSpanDays = 7;

    /// <summary>
    /// The distance block: beyond this many times the coarser report's tolerance, <see cref="PairScorer"/> scores the place
    /// as far apart, and such a pair stays below the threshold whatever else it shares (a test checks this with the scorer).
    /// </summary>
    public const double PlaceReach = 3;

    private const string ReportColumns =
        "r.ref, r.family, r.action, r.acled_type, r.day_lo, r.day_hi, r.day_from_published, r.lat, r.lon, r.place_name, r.place_precision, " +
        "r.place_inherited, r.country, r.admin1, r.geonameid, r.names, r.words, r.month_days, r.killed, r.outlet, r.modality, r.published, r.article_main, r.incident_id, r.article_id";

    /// <summary>How many cells <see cref="ReportColumns"/> reads (the cells a query selects after them start here).</summary>
    private static readonly int ReportColumnCount = ReportColumns.Split(',').Length;

    private static StoredReport ReadReport(NpgsqlDataReader r) => ReadReportAt(r, 0);

    private static StoredReport ReadReportAt(NpgsqlDataReader r, int first)
    {
        var c = new PgCells(r, first);
        var report = new MergeReport
        {
            Ref = c.Str(), Family = c.NStr(), Action = c.Str(), AcledType = c.NStr(),
            DayLo = c.NInt(), DayHi = c.NInt(), DayFromPublication = c.Bool(),
            Lat = c.NDbl(), Lon = c.NDbl(), PlaceName = c.NStr(), Precision = c.NStr(), PlaceInherited = c.Bool(),
            Country = c.NStr(), Admin1 = c.NStr(), GeonameId = c.NStr(),
            Names = c.Str().Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Words = c.Str().Split(' ', StringSplitOptions.RemoveEmptyEntries),
            MonthDays = MonthDays.FromColumn(c.Str()),
            Killed = c.NInt(), Outlet = c.NStr(), Modality = c.Str(), Published = c.NStr(), ArticleMain = c.Bool(),
        };
        return new StoredReport(report, c.Long(), c.Long());
    }

    /// <summary>The schema version whose tables the merge stage writes (13: incident_report_names; 18: incident_reports.article_main; 21: incidents.component; 24: incident_report_name_days).</summary>
    private const int MergeSchemaVersion = 24;

    /// <summary>
    /// Labels the incidents of a store written before components were kept (schema 21; <see cref="IncidentMerging.BuildComponents"/>),
    /// once, holding every block: one candidate search per stored article.
    /// </summary>
    private void LabelComponents()
    {
        if (SchemaVersion < MergeSchemaVersion) return;
        using (var db = _source.OpenConnection())
        using (var any = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM incidents WHERE component IS NULL)", db))
            if (!(bool)any.ExecuteScalar()!) return;
        Decide((db, tx, tables) =>
        {
            List<StoredReport> reports;
            using (var all = new NpgsqlCommand($"SELECT {ReportColumns} FROM incident_reports r WHERE r.incident_id > 0 ORDER BY r.article_id", db, tx))
                reports = ReadAll(all, ReadReport);
            IncidentMerging.BuildComponents(tables, reports, MergeThreshold);
            tables.Flush();
            using (var rest = new NpgsqlCommand("UPDATE incidents SET component = id WHERE component IS NULL", db, tx))
                rest.ExecuteNonQuery();
            return Result<int>.Ok(0);
        });
    }

    /// <summary>
    /// Each document's merge reports (null when merging is off, or the store is held at a schema older than the merge
    /// stage's columns, as tests of migrations do), computed once for the locks and the merge.
    /// </summary>
    private Dictionary<string, IReadOnlyList<MergeReport>>? MergeReportsOf(IEnumerable<DocumentRowSet> documents) => !MergeOnAdd || SchemaVersion < MergeSchemaVersion ? null
        : documents.DistinctBy(d => d.Article.Hash).ToDictionary(d => d.Article.Hash,
            d => (IReadOnlyList<MergeReport>)[.. MergeReports.From(d).DistinctBy(m => m.Ref)], StringComparer.Ordinal);

    /// <summary>Writes the new articles' reports and merges them, article by article in storage order.</summary>
    private void MergeStored(NpgsqlConnection db, NpgsqlTransaction tx, List<(long Id, DocumentRowSet Rows)> fresh, Dictionary<string, IReadOnlyList<MergeReport>> reports)
    {
        var merged = fresh.Select(f => (f.Id, Reports: reports[f.Rows.Article.Hash])).Where(f => f.Reports.Count > 0).OrderBy(f => f.Id).ToList();
        if (merged.Count == 0) return;
        CopyReports(db, merged);
        // A report written above but not merged yet has incident 0, which no candidate search or incident read takes,
        // so merging the batch article by article is merging it as if each article came alone.
        var tables = new PgMergeTables(db, tx, constraintsFixed: true);
        foreach (var (id, list) in merged) IncidentMerging.Recluster(tables, list, id, MergeThreshold);
        tables.Flush();
    }

    private static readonly PgColumn<MergeReport>[] ReportCopyColumns =
    [
        new("event_id", m => m.Ref[(m.Ref.IndexOf(':') + 1)..], NpgsqlDbType.Text), new("ref", m => m.Ref, NpgsqlDbType.Text),
        new("family", m => m.Family, NpgsqlDbType.Text), new("action", m => m.Action, NpgsqlDbType.Text), new("acled_type", m => m.AcledType, NpgsqlDbType.Text),
        new("day_lo", m => m.DayLo, NpgsqlDbType.Integer), new("day_hi", m => m.DayHi, NpgsqlDbType.Integer),
        new("day_from_published", m => m.DayFromPublication, NpgsqlDbType.Boolean),
        new("lat", m => m.Lat, NpgsqlDbType.Double), new("lon", m => m.Lon, NpgsqlDbType.Double), new("place_name", m => m.PlaceName, NpgsqlDbType.Text),
        new("place_precision", m => m.Precision, NpgsqlDbType.Text), new("place_inherited", m => m.PlaceInherited, NpgsqlDbType.Boolean),
        new("country", m => m.Country, NpgsqlDbType.Text), new("admin1", m => m.Admin1, NpgsqlDbType.Text), new("geonameid", m => m.GeonameId, NpgsqlDbType.Text),
        new("names", m => string.Join(' ', m.Names), NpgsqlDbType.Text),
        new("words", m => string.Join(' ', m.Words), NpgsqlDbType.Text),
        new("month_days", m => MonthDays.ToColumn(m.MonthDays), NpgsqlDbType.Text), new("killed", m => m.Killed, NpgsqlDbType.Integer),
        new("outlet", m => m.Outlet, NpgsqlDbType.Text), new("modality", m => m.Modality, NpgsqlDbType.Text), new("published", m => m.Published, NpgsqlDbType.Text),
        new("article_main", m => m.ArticleMain, NpgsqlDbType.Boolean),
        new("tolerance_km", m => PairScorer.Tolerance(m), NpgsqlDbType.Double),
    ];

    /// <summary>A report's row in the blocking index of days of the year (<see cref="PostgresIncidentSchema.DaysSql"/>).</summary>
    private sealed record ReportDay(MergeReport Report, int Day);

    private static readonly PgColumn<ReportDay>[] DayCopyColumns =
    [
        new("event_id", d => d.Report.Ref[(d.Report.Ref.IndexOf(':') + 1)..], NpgsqlDbType.Text),
        new("family", d => d.Report.Family, NpgsqlDbType.Text), new("country", d => d.Report.Country, NpgsqlDbType.Text),
        new("day", d => (short)d.Day, NpgsqlDbType.Smallint), new("undated", d => !d.Report.Dated, NpgsqlDbType.Boolean),
    ];

    /// <summary>A dated report's row in the blocking index of name words (<see cref="PostgresIncidentSchema.NamesSql"/>).</summary>
    private sealed record ReportName(MergeReport Report, string Name);

    private static readonly PgColumn<ReportName>[] NameCopyColumns =
    [
        new("event_id", n => n.Report.Ref[(n.Report.Ref.IndexOf(':') + 1)..], NpgsqlDbType.Text),
        new("family", n => n.Report.Family, NpgsqlDbType.Text), new("name", n => n.Name, NpgsqlDbType.Text),
        new("day", n => n.Report.DayLo ?? MergeBlocking.UndatedNameDay, NpgsqlDbType.Integer),
    ];

    /// <summary>An undated report's row in the index of name words by day of the year (<see cref="PostgresIncidentSchema.NameDaysSql"/>).</summary>
    private sealed record ReportNameDay(MergeReport Report, string Name, int Day);

    private static readonly PgColumn<ReportNameDay>[] NameDayCopyColumns =
    [
        new("event_id", n => n.Report.Ref[(n.Report.Ref.IndexOf(':') + 1)..], NpgsqlDbType.Text),
        new("family", n => n.Report.Family, NpgsqlDbType.Text), new("country", n => n.Report.Country, NpgsqlDbType.Text),
        new("name", n => n.Name, NpgsqlDbType.Text), new("day", n => (short)n.Day, NpgsqlDbType.Smallint),
    ];

    private static void CopyReports(NpgsqlConnection db, IEnumerable<(long Id, IReadOnlyList<MergeReport> Reports)> articles)
    {
        var list = articles.ToList();
        PostgresColumns.Copy(db, "incident_reports", ReportCopyColumns, list.SelectMany(a => a.Reports.Select(m => (a.Id, m))));
        PostgresColumns.Copy(db, "incident_report_days", DayCopyColumns, list.SelectMany(a => a.Reports
            .Where(m => m.Family is not null && m.Country is not null)
            .SelectMany(m => MonthDays.DaysOf(m).Select(day => (a.Id, new ReportDay(m, day))))));
        PostgresColumns.Copy(db, "incident_report_names", NameCopyColumns, list.SelectMany(a => a.Reports
            .Where(m => m.Family is not null)
            .SelectMany(m => m.Names.Select(name => (a.Id, new ReportName(m, name))))));
        PostgresColumns.Copy(db, "incident_report_name_days", NameDayCopyColumns, list.SelectMany(a => a.Reports
            .Where(m => m.Family is not null && m.Country is not null && !m.Dated)
            .SelectMany(m => m.Names.Distinct(StringComparer.Ordinal).SelectMany(name => MonthDays.DaysOf(m).Distinct().Select(day => (a.Id, new ReportNameDay(m, name, day)))))));
    }

    // ---------------------------------------------------------------- locks

    /// <summary>
    /// The advisory locks of a batch, taken in one order (ascending key) so that writers never deadlock on them. Keys are
    /// 64-bit hashes of the block's name; a collision only makes two blocks wait for each other.
    /// </summary>
    internal static class BlockLocks
    {
        /// <summary>Every writer holds this one shared; the analysts' commands and re-merging hold it alone.</summary>
        public static readonly long Everything = Key("all");

        /// <summary>
        /// The blocks a report reads and writes, and whether it needs each alone. A dated report reads its country's block
        /// and the no-country block (which no-country reports write), an undated or dated one with a place reads that
        /// place's block (undated reports are compared by place, or by country and day of the year under the country's key),
        /// and a dated one the block of each of its name words (the names key, across countries).
        /// </summary>
        public static IEnumerable<(long Key, bool Alone)> Of(MergeReport m)
        {
            if (m.Family is null) yield break;
            yield return (Key("country", m.Family, m.Country ?? ""), true);
            if (m.Country is not null) yield return (Key("country", m.Family, ""), false);
            if (m.GeonameId is not null) yield return (Key("place", m.Family, m.GeonameId), true);
            // The names key reads other countries' reports that share two name words (an undated report's, any day's):
            // writers of one name word take turns.
            foreach (var name in m.Names) yield return (Key("name", m.Family, name), true);
        }

        public static long Key(params string[] parts)
        {
            var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("dragoman-merge\0" + string.Join('\0', parts)));
            return BitConverter.ToInt64(bytes, 0);
        }

        /// <summary>Takes the locks (exclusive wins over shared for a key named twice) until the transaction ends.</summary>
        public static void Take(NpgsqlConnection db, NpgsqlTransaction tx, IEnumerable<(long Key, bool Alone)> locks)
        {
            var merged = new SortedDictionary<long, bool>();
            foreach (var (key, alone) in locks) merged[key] = merged.GetValueOrDefault(key) || alone;
            if (merged.Count == 0) return;
            // One statement: the sorted subquery feeds the locking calls in key order.
            using var cmd = new NpgsqlCommand("""
                SELECT count(CASE WHEN x THEN pg_advisory_xact_lock(k)::text ELSE pg_advisory_xact_lock_shared(k)::text END)
                FROM (SELECT k, x FROM unnest($1::bigint[], $2::boolean[]) AS t(k, x) ORDER BY k) s
                """, db, tx);
            cmd.Parameters.AddWithValue(merged.Keys.ToArray());
            cmd.Parameters.AddWithValue(merged.Values.ToArray());
            cmd.ExecuteScalar();
        }
    }

    private static void LockBlocks(NpgsqlConnection db, NpgsqlTransaction tx, Dictionary<string, IReadOnlyList<MergeReport>> reports) =>
        BlockLocks.Take(db, tx, [(BlockLocks.Everything, false), .. reports.Values.SelectMany(list => list.SelectMany(BlockLocks.Of))]);

    // ---------------------------------------------------------------- the merge stage's tables

    /// <summary>
    /// The merge stage's view of the tables inside one transaction (<see cref="IMergeTables"/>). Every statement is a round
    /// trip to the server, so an article's candidate searches go in one statement, and the writes (links, incident fields,
    /// deletions) wait in memory and go in one batch before the next read (<see cref="Flush"/>): an article that starts a
    /// new incident costs three round trips, not one per row. New incidents get their ids from the identity's sequence
    /// when written, so ids run without gaps as SQLite's do.
    /// </summary>
    /// <param name="constraintsFixed">No one can add an analyst's decision during this transaction (writers hold the shared
    /// lock that decisions take alone), so whether there are any at all is read once.</param>
    private sealed class PgMergeTables(NpgsqlConnection db, NpgsqlTransaction tx, bool constraintsFixed) : IMergeTables
    {
        // For each report (the arrays, one element a report): MergeBlocking's rule. Dated, the same family within the window,
        // in the same country or in none (index (family, country, day_lo)), every country for a report without one, each
        // window in two ranges (a week back through the block index, a month back only among the long reports); undated on either side, at the same resolved place
        // ((family, geonameid)) or in the same country on a day of the year within the window (an undated report: incident_report_days,
        // a dated row only when it shares a name word; a dated report: the undated rows sharing a name word, incident_report_name_days,
        // its dated partners are in its window); dated, another country sharing
        // two name words (incident_report_names, one index range per word, a word skipped when more than
        // MaxReportsPerNameWord reports carry it in the window, counted to one past the bound). Then the distance block. Rows of reports not merged yet (incident 0) are not candidates.
        private static readonly string CandidatesSql = $"""
            SELECT u.n, {ReportColumns}
            FROM unnest(@family::text[], @country::text[], @lo::integer[], @hi::integer[], @gid::text[], @lat::float8[], @lon::float8[], @tol::float8[], @days::text[], @names::text[], @inh::boolean[])
                WITH ORDINALITY AS u(family, country, lo, hi, gid, lat, lon, tol, days, names, inh, n)
            CROSS JOIN LATERAL (
                SELECT * FROM (
                    SELECT * FROM incident_reports x WHERE x.family = u.family AND x.country = u.country
                        AND x.day_lo BETWEEN u.lo - {PairScorer.WindowDays + LongSpanDays} AND u.hi + {PairScorer.WindowDays} AND x.day_hi >= u.lo - {PairScorer.WindowDays}
                    UNION ALL
                    SELECT * FROM incident_reports x WHERE x.family = u.family AND x.country = u.country AND x.day_hi - x.day_lo > {LongSpanDays}
                        AND x.day_lo BETWEEN u.lo - {PairScorer.WindowDays + LongestWindowDays} AND u.lo - {PairScorer.WindowDays + LongSpanDays + 1} AND x.day_hi >= u.lo - {PairScorer.WindowDays}
                    UNION ALL
                    SELECT * FROM incident_reports x WHERE x.family = u.family AND x.country IS NULL
                        AND x.day_lo BETWEEN u.lo - {PairScorer.WindowDays + LongSpanDays} AND u.hi + {PairScorer.WindowDays} AND x.day_hi >= u.lo - {PairScorer.WindowDays}
                    UNION ALL
                    SELECT * FROM incident_reports x WHERE x.family = u.family AND x.country IS NULL AND x.day_hi - x.day_lo > {LongSpanDays}
                        AND x.day_lo BETWEEN u.lo - {PairScorer.WindowDays + LongestWindowDays} AND u.lo - {PairScorer.WindowDays + LongSpanDays + 1} AND x.day_hi >= u.lo - {PairScorer.WindowDays}
                    UNION ALL
                    SELECT * FROM incident_reports x WHERE u.country IS NULL AND x.family = u.family AND x.country IS NOT NULL
                        AND x.day_lo BETWEEN u.lo - {PairScorer.WindowDays + LongSpanDays} AND u.hi + {PairScorer.WindowDays} AND x.day_hi >= u.lo - {PairScorer.WindowDays}
                    UNION ALL
                    SELECT * FROM incident_reports x WHERE u.country IS NULL AND x.family = u.family AND x.country IS NOT NULL AND x.day_hi - x.day_lo > {LongSpanDays}
                        AND x.day_lo BETWEEN u.lo - {PairScorer.WindowDays + LongestWindowDays} AND u.lo - {PairScorer.WindowDays + LongSpanDays + 1} AND x.day_hi >= u.lo - {PairScorer.WindowDays}
                    UNION ALL
                    SELECT * FROM incident_reports x WHERE x.family = u.family AND x.geonameid = u.gid AND (u.lo IS NULL OR x.day_lo IS NULL)
                    UNION ALL
                    SELECT * FROM incident_reports x WHERE (x.article_id, x.event_id) IN (
                        SELECT d.article_id, d.event_id FROM incident_report_days d WHERE u.lo IS NULL AND d.family = u.family AND d.country = u.country
                            AND d.day = ANY(string_to_array(u.days, ' ')::smallint[]))
                        AND (x.day_lo IS NULL OR string_to_array(x.names, ' ') && string_to_array(u.names, ' '))
                    UNION ALL
                    SELECT * FROM incident_reports x WHERE (x.article_id, x.event_id) IN (
                        SELECT nd.article_id, nd.event_id FROM incident_report_name_days nd WHERE u.lo IS NOT NULL AND nd.family = u.family
                            AND nd.country = u.country AND nd.name = ANY(string_to_array(u.names, ' '))
                            AND nd.day = ANY(string_to_array(u.days, ' ')::smallint[]))
                    UNION ALL
                    SELECT * FROM incident_reports x WHERE u.lo IS NOT NULL AND u.country IS NOT NULL AND x.country IS NOT NULL AND x.country <> u.country
                        AND x.day_hi >= u.lo - {PairScorer.WindowDays} AND (x.article_id, x.event_id) IN (
                        SELECT k.article_id, k.event_id FROM unnest(string_to_array(u.names, ' ')) AS w(name)
                        CROSS JOIN LATERAL (
                            SELECT c.article_id, c.event_id FROM (
                                SELECT m.article_id, m.event_id, count(*) OVER () AS carriers FROM (
                                    SELECT n.article_id, n.event_id FROM incident_report_names n WHERE n.family = u.family AND n.name = w.name
                                        AND n.day BETWEEN u.lo - {PairScorer.WindowDays + LongestWindowDays} AND u.hi + {PairScorer.WindowDays}
                                    LIMIT {MergeBlocking.MaxReportsPerNameWord + 1}) m) c
                            WHERE c.carriers <= {MergeBlocking.MaxReportsPerNameWord}) k
                        GROUP BY k.article_id, k.event_id HAVING count(*) >= {MergeBlocking.SharedNameWords})
                    UNION ALL
                    {UndatedNames("u.lo IS NULL", "")}
                    UNION ALL
                    {UndatedNames("u.lo IS NOT NULL", $" AND n.day = {MergeBlocking.UndatedNameDay}")}
                ) x
                WHERE x.article_id <> @a AND x.incident_id > 0
                  AND (u.lat IS NULL OR x.geog IS NULL OR u.inh OR x.place_inherited
                       OR ST_DWithin(x.geog, ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326)::geography, {PlaceReach} * 1000 * GREATEST(u.tol, x.tolerance_km)))
                LIMIT {MaxCandidates}
            ) r
            """;

        /// <summary>
        /// The names key of an undated report (MergeBlocking), any country: <paramref name="when"/> picks the side, an undated
        /// report reading every carrier of each of its words, a dated one the undated carriers (<paramref name="day"/>).
        /// </summary>
        private static string UndatedNames(string when, string day) => $"""
            SELECT * FROM incident_reports x WHERE {when} AND (x.article_id, x.event_id) IN (
                SELECT k.article_id, k.event_id FROM unnest(string_to_array(u.names, ' ')) AS w(name)
                CROSS JOIN LATERAL (
                    SELECT c.article_id, c.event_id FROM (
                        SELECT m.article_id, m.event_id, count(*) OVER () AS carriers FROM (
                            SELECT n.article_id, n.event_id FROM incident_report_names n WHERE n.family = u.family AND n.name = w.name{day}
                            LIMIT {MergeBlocking.MaxReportsPerNameWord + 1}) m) c
                    WHERE c.carriers <= {MergeBlocking.MaxReportsPerNameWord}) k
                GROUP BY k.article_id, k.event_id HAVING count(*) >= {MergeBlocking.SharedNameWords})
            """;

        private NpgsqlCommand Command(string sql)
        {
            Flush();
            return new(sql, db, tx);
        }

        public IReadOnlyList<IReadOnlyList<StoredReport>> Candidates(IReadOnlyList<MergeReport> reports, long articleId)
        {
            var found = reports.Select(_ => new List<StoredReport>()).ToArray();
            // Undated reports without a resolved place, a country and a named day of the year, or two name words have no block.
            var searched = Enumerable.Range(0, reports.Count).Where(i => reports[i].Dated || reports[i].GeonameId is not null
                || reports[i].Country is not null && reports[i].MonthDays.Count > 0 || reports[i].Names.Count >= MergeBlocking.SharedNameWords).ToList();
            if (searched.Count == 0) return found;
            var ms = searched.Select(i => reports[i]).ToList();
            using var cmd = Command(CandidatesSql);
            cmd.Parameters.AddWithValue("family", ms.Select(m => m.Family).ToArray());
            cmd.Parameters.AddWithValue("country", ms.Select(m => m.Country).ToArray());
            cmd.Parameters.AddWithValue("lo", ms.Select(m => m.DayLo).ToArray());
            cmd.Parameters.AddWithValue("hi", ms.Select(m => m.DayHi).ToArray());
            cmd.Parameters.AddWithValue("gid", ms.Select(m => m.GeonameId).ToArray());
            cmd.Parameters.AddWithValue("lat", ms.Select(m => m.Lat is not null && m.Lon is not null ? m.Lat : null).ToArray());
            cmd.Parameters.AddWithValue("lon", ms.Select(m => m.Lat is not null && m.Lon is not null ? m.Lon : null).ToArray());
            cmd.Parameters.AddWithValue("tol", ms.Select(PairScorer.Tolerance).ToArray());
            // The days of the year to read in the index, and the window around them (MergeBlocking's day bound).
            cmd.Parameters.AddWithValue("days", ms.Select(m => MonthDays.ToColumn(MonthDays.Around(MonthDays.DaysOf(m), PairScorer.WindowDays))).ToArray());
            cmd.Parameters.AddWithValue("names", ms.Select(m => string.Join(' ', m.Names)).ToArray());
            cmd.Parameters.AddWithValue("inh", ms.Select(m => m.PlaceInherited).ToArray());
            cmd.Parameters.AddWithValue("a", articleId);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                int n = (int)r.GetInt64(0);
                var c = ReadReportAt(r, 1);
                found[searched[n - 1]].Add(c);
            }
            return found;
        }

        public IReadOnlyList<StoredReport> ReportsOfIncidents(IReadOnlyCollection<long> incidents)
        {
            if (incidents.Count == 0) return [];
            // The incidents are locked first (in id order): a writer of another block that touches one of them (an incident
            // an analyst joined across places) waits, and then reads its reports as committed.
            using var cmd = Command($"""
                WITH locked AS (SELECT id FROM incidents WHERE id = ANY($1) ORDER BY id FOR UPDATE)
                SELECT {ReportColumns} FROM incident_reports r WHERE r.incident_id IN (SELECT id FROM locked)
                """);
            cmd.Parameters.AddWithValue(incidents.Order().ToArray());
            return ReadAll(cmd, ReadReport);
        }

        public IReadOnlyDictionary<long, long> ComponentsOf(IReadOnlyCollection<long> incidents)
        {
            using var cmd = Command("SELECT id, COALESCE(component, id) FROM incidents WHERE id = ANY($1)");
            cmd.Parameters.AddWithValue(incidents.ToArray());
            return ReadAll(cmd, r => (r.GetInt64(0), r.GetInt64(1))).ToDictionary(p => p.Item1, p => p.Item2);
        }

        public IReadOnlyList<StoredReport>? ReportsOfComponents(IReadOnlyCollection<long> components, int limit)
        {
            using (var count = Command("SELECT count(*) FROM (SELECT 1 FROM incidents i JOIN incident_reports r ON r.incident_id = i.id WHERE i.component = ANY($1) LIMIT $2) x"))
            {
                count.Parameters.AddWithValue(components.ToArray());
                count.Parameters.AddWithValue((long)limit + 1);
                if ((long)count.ExecuteScalar()! > limit) return null;
            }
            // Locked as ReportsOfIncidents locks them (in id order), then read as committed.
            using var cmd = Command($"""
                WITH locked AS (SELECT id FROM incidents WHERE component = ANY($1) ORDER BY id FOR UPDATE)
                SELECT {ReportColumns} FROM incident_reports r WHERE r.incident_id IN (SELECT id FROM locked)
                """);
            cmd.Parameters.AddWithValue(components.ToArray());
            return ReadAll(cmd, ReadReport);
        }

        private readonly List<(long[] Components, long[] Incidents, long Component)> _joins = [];

        public void JoinComponents(IReadOnlyCollection<long> components, IReadOnlyCollection<long> incidents, long component) =>
            _joins.Add(([.. components], [.. incidents], component));

        public long? IncidentOfRef(string reference)
        {
            using var cmd = Command("SELECT incident_id FROM incident_reports WHERE ref = $1 AND incident_id > 0");
            cmd.Parameters.AddWithValue(reference);
            return cmd.ExecuteScalar() is long id ? id : null;
        }

        private bool? _anyConstraints;

        public IReadOnlyList<MergeConstraint> ConstraintsOf(IReadOnlyCollection<string> refs)
        {
            if (refs.Count == 0) return [];
            if (constraintsFixed)
            {
                if (_anyConstraints is null)
                {
                    using var any = Command("SELECT EXISTS (SELECT 1 FROM incident_constraints)");
                    _anyConstraints = (bool)any.ExecuteScalar()!;
                }
                if (_anyConstraints == false) return [];
            }
            using var cmd = Command("""
                SELECT kind, ref_a, ref_b FROM incident_constraints WHERE ref_a = ANY($1)
                UNION SELECT kind, ref_a, ref_b FROM incident_constraints WHERE ref_b = ANY($1)
                ORDER BY 1, 2, 3
                """);
            cmd.Parameters.AddWithValue(refs.ToArray());
            return ReadAll(cmd, r => new MergeConstraint(r.GetString(0) == "together" ? MergeConstraintKind.Together : MergeConstraintKind.Apart, r.GetString(1), r.GetString(2)));
        }

        // ------------------------------------------------ buffered writes

        private int _provisional;
        private readonly List<(long Incident, ReportLink Link)> _links = [];
        private readonly Dictionary<long, IncidentFacts> _facts = [];
        private readonly List<long> _emptied = [];

        /// <summary>A provisional (negative) id; the incident gets its real id when written.</summary>
        public long NewIncident() => -(++_provisional);

        public void Link(long incidentId, ReportLink link) => _links.Add((incidentId, link));

        public void WriteFacts(long incidentId, IncidentFacts facts) => _facts[incidentId] = facts;

        public void DeleteIfEmpty(long incidentId) => _emptied.Add(incidentId);

        /// <summary>Writes what waits: new incidents, every incident's fields, the reports' links, then deletes incidents left empty.</summary>
        public void Flush()
        {
            if (_links.Count == 0 && _facts.Count == 0 && _emptied.Count == 0 && _joins.Count == 0) return;
            var real = new Dictionary<long, long>();
            if (_provisional > 0)
            {
                using var next = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('incidents', 'id')) FROM generate_series(1, $1)", db, tx);
                next.Parameters.AddWithValue(_provisional);
                using var r = next.ExecuteReader();
                for (int i = 1; r.Read(); i++) real[-i] = r.GetInt64(0);
            }
            long Id(long id) => id < 0 ? real[id] : id;

            using var batch = new NpgsqlBatch(db, tx);
            if (_facts.Count > 0)
            {
                var f = _facts.Select(p => (Id: Id(p.Key), Facts: p.Value)).OrderBy(p => p.Id).ToList();
                var upsert = new NpgsqlBatchCommand($"""
                    INSERT INTO incidents AS i ({FactColumns})
                    SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::integer[], $5::integer[], $6::text[], $7::text[], $8::float8[], $9::float8[],
                        $10::text[], $11::text[], $12::text[], $13::integer[], $14::integer[], $15::integer[], $16::integer[], $17::integer[], $18::integer[], $19::text[], $20::text[])
                    ON CONFLICT (id) DO UPDATE SET {string.Join(", ", FactColumns.Split(", ").Skip(1).Select(c => $"{c} = excluded.{c}"))}
                    """);
                object[] values =
                [
                    f.Select(x => x.Id).ToArray(), f.Select(x => x.Facts.Action).ToArray(), f.Select(x => x.Facts.Family).ToArray(),
                    f.Select(x => x.Facts.DayLo).ToArray(), f.Select(x => x.Facts.DayHi).ToArray(), f.Select(x => x.Facts.DateBasis).ToArray(),
                    f.Select(x => x.Facts.PlaceName).ToArray(), f.Select(x => x.Facts.Lat).ToArray(), f.Select(x => x.Facts.Lon).ToArray(),
                    f.Select(x => x.Facts.Precision).ToArray(), f.Select(x => x.Facts.Country).ToArray(), f.Select(x => x.Facts.Admin1).ToArray(),
                    f.Select(x => x.Facts.KilledMin).ToArray(), f.Select(x => x.Facts.KilledMax).ToArray(), f.Select(x => x.Facts.Fatalities).ToArray(),
                    f.Select(x => (int?)x.Facts.Reports).ToArray(), f.Select(x => (int?)x.Facts.Articles).ToArray(), f.Select(x => (int?)x.Facts.Outlets).ToArray(),
                    f.Select(x => x.Facts.FirstReported).ToArray(), f.Select(x => x.Facts.LastReported).ToArray(),
                ];
                foreach (var v in values) upsert.Parameters.Add(new NpgsqlParameter { Value = v });
                batch.BatchCommands.Add(upsert);
            }
            if (_links.Count > 0)
            {
                var links = new NpgsqlBatchCommand("""
                    UPDATE incident_reports r SET incident_id = u.incident, partner_ref = u.partner, score = u.score, reasons = u.reasons
                    FROM unnest($1::text[], $2::bigint[], $3::text[], $4::float8[], $5::text[]) AS u(ref, incident, partner, score, reasons)
                    WHERE r.ref = u.ref
                    """);
                foreach (var v in new object[]
                {
                    _links.Select(l => l.Link.Ref).ToArray(), _links.Select(l => Id(l.Incident)).ToArray(), _links.Select(l => l.Link.Partner).ToArray(),
                    _links.Select(l => l.Link.Score).ToArray(), _links.Select(l => IncidentMerging.ReasonsJson(l.Link)).ToArray(),
                })
                    links.Parameters.Add(new NpgsqlParameter { Value = v });
                batch.BatchCommands.Add(links);
            }
            // After the upsert, which inserts the new incidents: each join labels its components' incidents and its own.
            foreach (var (components, incidents, component) in _joins)
            {
                var join = new NpgsqlBatchCommand("""
                    UPDATE incidents SET component = $3
                    WHERE (component = ANY($1) OR id = ANY($2)) AND component IS DISTINCT FROM $3
                    """);
                join.Parameters.Add(new NpgsqlParameter { Value = components });
                join.Parameters.Add(new NpgsqlParameter { Value = incidents.Select(Id).ToArray() });
                join.Parameters.Add(new NpgsqlParameter { Value = Id(component) });
                batch.BatchCommands.Add(join);
            }
            if (_emptied.Count > 0)
            {
                var delete = new NpgsqlBatchCommand("DELETE FROM incidents i WHERE i.id = ANY($1) AND NOT EXISTS (SELECT 1 FROM incident_reports r WHERE r.incident_id = i.id)");
                delete.Parameters.Add(new NpgsqlParameter { Value = _emptied.Select(Id).ToArray() });
                batch.BatchCommands.Add(delete);
            }
            _provisional = 0;
            _links.Clear();
            _facts.Clear();
            _emptied.Clear();
            _joins.Clear();
            batch.ExecuteNonQuery();
        }

        private const string FactColumns = "id, action, family, day_lo, day_hi, date_basis, place_name, lat, lon, place_precision, country, admin1, " +
            "killed_min, killed_max, fatalities, reports, articles, outlets, first_reported, last_reported";
    }
}
