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

    /// <summary>Days a stored report's window may start before the new report's window and still be read (month precision fits).</summary>
    private const int LongestWindowDays = 40;

    /// <summary>
    /// The distance block: beyond this many times the coarser report's tolerance, <see cref="PairScorer"/> scores the place
    /// as far apart, and such a pair stays below the threshold whatever else it shares (a test checks this with the scorer).
    /// </summary>
    public const double PlaceReach = 3;

    private const string ReportColumns =
        "r.ref, r.family, r.action, r.acled_type, r.day_lo, r.day_hi, r.day_from_published, r.lat, r.lon, r.place_name, r.place_precision, " +
        "r.place_inherited, r.country, r.admin1, r.geonameid, r.names, r.killed, r.outlet, r.modality, r.published, r.incident_id, r.article_id";

    private static StoredReport ReadReport(NpgsqlDataReader r)
    {
        var c = new PgCells(r);
        var report = new MergeReport
        {
            Ref = c.Str(), Family = c.NStr(), Action = c.Str(), AcledType = c.NStr(),
            DayLo = c.NInt(), DayHi = c.NInt(), DayFromPublication = c.Bool(),
            Lat = c.NDbl(), Lon = c.NDbl(), PlaceName = c.NStr(), Precision = c.NStr(), PlaceInherited = c.Bool(),
            Country = c.NStr(), Admin1 = c.NStr(), GeonameId = c.NStr(),
            Names = c.Str().Split(' ', StringSplitOptions.RemoveEmptyEntries),
            Killed = c.NInt(), Outlet = c.NStr(), Modality = c.Str(), Published = c.NStr(),
        };
        return new StoredReport(report, c.Long(), c.Long());
    }

    /// <summary>Each document's merge reports (null when merging is off), computed once for the locks and the merge.</summary>
    private Dictionary<string, IReadOnlyList<MergeReport>>? MergeReportsOf(IEnumerable<DocumentRowSet> documents) => !MergeOnAdd ? null
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
        var tables = new PgMergeTables(db, tx);
        foreach (var (id, list) in merged) IncidentMerging.Recluster(tables, list, id, MergeThreshold);
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
        new("names", m => string.Join(' ', m.Names), NpgsqlDbType.Text), new("killed", m => m.Killed, NpgsqlDbType.Integer),
        new("outlet", m => m.Outlet, NpgsqlDbType.Text), new("modality", m => m.Modality, NpgsqlDbType.Text), new("published", m => m.Published, NpgsqlDbType.Text),
        new("tolerance_km", m => PairScorer.Tolerance(m), NpgsqlDbType.Double),
    ];

    private static void CopyReports(NpgsqlConnection db, IEnumerable<(long Id, IReadOnlyList<MergeReport> Reports)> articles) =>
        PostgresColumns.Copy(db, "incident_reports", ReportCopyColumns, articles.SelectMany(a => a.Reports.Select(m => (a.Id, m))));

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
        /// place's block (undated reports are compared by place alone).
        /// </summary>
        public static IEnumerable<(long Key, bool Alone)> Of(MergeReport m)
        {
            if (m.Family is null) yield break;
            yield return (Key("country", m.Family, m.Country ?? ""), true);
            if (m.Country is not null) yield return (Key("country", m.Family, ""), false);
            if (m.GeonameId is not null) yield return (Key("place", m.Family, m.GeonameId), true);
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

    /// <summary>The merge stage's view of the tables inside one transaction (<see cref="IMergeTables"/>).</summary>
    private sealed class PgMergeTables(NpgsqlConnection db, NpgsqlTransaction tx) : IMergeTables
    {
        // Dated: the same family within the window, in the same country or in none (index (family, country, day_lo));
        // undated on either side: only at the same resolved place ((family, geonameid)). Then the distance block.
        private static readonly string CandidatesSql = $"""
            SELECT {ReportColumns} FROM (
                SELECT * FROM incident_reports r WHERE r.family = @family AND r.country = @country
                    AND r.day_lo BETWEEN @from - {LongestWindowDays} AND @hi + {PairScorer.WindowDays} AND r.day_hi >= @from
                UNION ALL
                SELECT * FROM incident_reports r WHERE r.family = @family AND r.country IS NULL
                    AND r.day_lo BETWEEN @from - {LongestWindowDays} AND @hi + {PairScorer.WindowDays} AND r.day_hi >= @from
                UNION ALL
                SELECT * FROM incident_reports r WHERE r.family = @family AND r.geonameid = @gid AND (@lo::integer IS NULL OR r.day_lo IS NULL)
            ) r
            WHERE r.article_id <> @a AND r.incident_id > 0
              AND (@lat::float8 IS NULL OR r.geog IS NULL
                   OR ST_DWithin(r.geog, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, {PlaceReach} * 1000 * GREATEST(@tol, r.tolerance_km)))
            LIMIT {MaxCandidates}
            """;

        private NpgsqlCommand Command(string sql) => new(sql, db, tx);

        public IReadOnlyList<StoredReport> Candidates(MergeReport m, long articleId)
        {
            if (!m.Dated && m.GeonameId is null) return [];
            using var cmd = Command(CandidatesSql);
            cmd.Parameters.Add(new NpgsqlParameter("family", NpgsqlDbType.Text) { Value = (object?)m.Family ?? DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter("country", NpgsqlDbType.Text) { Value = (object?)m.Country ?? DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Integer) { Value = m.Dated ? m.DayLo!.Value - PairScorer.WindowDays : DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter("lo", NpgsqlDbType.Integer) { Value = (object?)m.DayLo ?? DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter("hi", NpgsqlDbType.Integer) { Value = (object?)m.DayHi ?? DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter("gid", NpgsqlDbType.Text) { Value = (object?)m.GeonameId ?? DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter("a", NpgsqlDbType.Bigint) { Value = articleId });
            bool point = m.Lat is not null && m.Lon is not null;
            cmd.Parameters.Add(new NpgsqlParameter("lat", NpgsqlDbType.Double) { Value = point ? m.Lat!.Value : DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter("lon", NpgsqlDbType.Double) { Value = point ? m.Lon!.Value : DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter("tol", NpgsqlDbType.Double) { Value = PairScorer.Tolerance(m) });
            return ReadAll(cmd, ReadReport);
        }

        public IReadOnlyList<StoredReport> ReportsOfIncidents(IReadOnlyCollection<long> incidents)
        {
            if (incidents.Count == 0) return [];
            var ids = incidents.Order().ToArray();
            // Lock the incidents first (in id order): a writer of another block that touches one of them (an incident an
            // analyst joined across places) waits, and then reads its reports as committed.
            using (var lockRows = Command("SELECT id FROM incidents WHERE id = ANY($1) ORDER BY id FOR UPDATE"))
            {
                lockRows.Parameters.AddWithValue(ids);
                lockRows.ExecuteNonQuery();
            }
            using var cmd = Command($"SELECT {ReportColumns} FROM incident_reports r WHERE r.incident_id = ANY($1)");
            cmd.Parameters.AddWithValue(ids);
            return ReadAll(cmd, ReadReport);
        }

        public long? IncidentOfRef(string reference)
        {
            using var cmd = Command("SELECT incident_id FROM incident_reports WHERE ref = $1 AND incident_id > 0");
            cmd.Parameters.AddWithValue(reference);
            return cmd.ExecuteScalar() is long id ? id : null;
        }

        public IReadOnlyList<MergeConstraint> ConstraintsOf(IReadOnlyCollection<string> refs)
        {
            if (refs.Count == 0) return [];
            using var cmd = Command("""
                SELECT kind, ref_a, ref_b FROM incident_constraints WHERE ref_a = ANY($1)
                UNION SELECT kind, ref_a, ref_b FROM incident_constraints WHERE ref_b = ANY($1)
                ORDER BY 1, 2, 3
                """);
            cmd.Parameters.AddWithValue(refs.ToArray());
            return ReadAll(cmd, r => new MergeConstraint(r.GetString(0) == "together" ? MergeConstraintKind.Together : MergeConstraintKind.Apart, r.GetString(1), r.GetString(2)));
        }

        public long NewIncident()
        {
            using var cmd = Command("INSERT INTO incidents(action) VALUES ('') RETURNING id");
            return (long)cmd.ExecuteScalar()!;
        }

        public void Link(long incidentId, ReportLink link)
        {
            using var cmd = Command("UPDATE incident_reports SET incident_id = $1, partner_ref = $2, score = $3, reasons = $4 WHERE ref = $5");
            cmd.Parameters.AddWithValue(incidentId);
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)link.Partner ?? DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double, Value = (object?)link.Score ?? DBNull.Value });
            cmd.Parameters.AddWithValue(IncidentMerging.ReasonsJson(link));
            cmd.Parameters.AddWithValue(link.Ref);
            cmd.ExecuteNonQuery();
        }

        public void WriteFacts(long incidentId, IncidentFacts f)
        {
            using var cmd = Command("""
                UPDATE incidents SET action = $1, family = $2, day_lo = $3, day_hi = $4, date_basis = $5,
                    place_name = $6, lat = $7, lon = $8, place_precision = $9, country = $10, admin1 = $11,
                    killed_min = $12, killed_max = $13, fatalities = $14, reports = $15, articles = $16, outlets = $17,
                    first_reported = $18, last_reported = $19
                WHERE id = $20
                """);
            (object? Value, NpgsqlDbType Type)[] values =
            [
                (f.Action, NpgsqlDbType.Text), (f.Family, NpgsqlDbType.Text), (f.DayLo, NpgsqlDbType.Integer), (f.DayHi, NpgsqlDbType.Integer),
                (f.DateBasis, NpgsqlDbType.Text), (f.PlaceName, NpgsqlDbType.Text), (f.Lat, NpgsqlDbType.Double), (f.Lon, NpgsqlDbType.Double),
                (f.Precision, NpgsqlDbType.Text), (f.Country, NpgsqlDbType.Text), (f.Admin1, NpgsqlDbType.Text),
                (f.KilledMin, NpgsqlDbType.Integer), (f.KilledMax, NpgsqlDbType.Integer), (f.Fatalities, NpgsqlDbType.Integer),
                (f.Reports, NpgsqlDbType.Integer), (f.Articles, NpgsqlDbType.Integer), (f.Outlets, NpgsqlDbType.Integer),
                (f.FirstReported, NpgsqlDbType.Text), (f.LastReported, NpgsqlDbType.Text), (incidentId, NpgsqlDbType.Bigint),
            ];
            foreach (var (value, type) in values) cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = type, Value = value ?? DBNull.Value });
            cmd.ExecuteNonQuery();
        }

        public void DeleteIfEmpty(long incidentId)
        {
            using var cmd = Command("DELETE FROM incidents WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM incident_reports WHERE incident_id = $1)");
            cmd.Parameters.AddWithValue(incidentId);
            cmd.ExecuteNonQuery();
        }
    }
}
