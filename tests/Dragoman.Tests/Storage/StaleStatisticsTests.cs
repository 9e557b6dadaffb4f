using Dragoman.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dragoman.Tests.Storage;

/// <summary>
/// A store whose planner statistics were taken when it held a few merge reports and which then grew many times (a
/// bulk-loaded or copied store, a long-running writer) is analysed again when opened: with the old statistics SQLite
/// took the index tables for tiny and built a Bloom filter over the whole of incident_report_names and incident_reports
/// in every candidate search that reached the names key (35 ms a report at 200k stored reports; docs/benchmarks.md, session 17).
/// The plan itself is not asserted: which statistics tip SQLite into a Bloom filter depends on its version's cost model.
/// </summary>
public sealed class StaleStatisticsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-stats-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [InlineData(0, "statistics of the few reports the store held: nothing grew, nothing to re-analyse")]
    [InlineData(6000, "6,000 reports added behind the statistics' back (over 25 times as many): analysed again on opening")]
    public void Opening_a_store_refreshes_statistics_that_its_growth_made_stale(int added, string why)
    {
        string path = Path.Combine(_dir, $"stale-{added}.db");
        using (var store = SqliteEventStore.Open(path)) store.Add(StoreFixtures.Corpus());
        long analysed;
        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            Exec(db, "ANALYZE");
            analysed = RowsInStatistics(db);
            // Reports and their name words as a bulk load writes them: rows only, no statistics (foreign keys off: no events).
            Exec(db, $"""
                PRAGMA foreign_keys=OFF;
                WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < {added})
                INSERT INTO incident_reports(event_row, incident_id, ref, article_id, family, action, day_lo, day_hi, country, names, modality)
                    SELECT 1000000 + i, 0, 'bulk:' || i, 1, 'violence', 'attack', 736000 + i % 900, 736000 + i % 900, 'SY', 'w' || (i % 97) || ' v' || (i % 89), 'asserted' FROM k;
                INSERT INTO incident_report_names(family, name, day, event_row)
                    SELECT 'violence', 'w' || (event_row % 97), day_lo, event_row FROM incident_reports WHERE ref LIKE 'bulk:%';
                """);
        }
        using (var store = SqliteEventStore.Open(path))
        using (var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"))
        {
            // Read while the store is open: closing it analyses again too (PRAGMA optimize), which would hide a stale open.
            db.Open();
            long now = RowsInStatistics(db);
            if (added == 0) Assert.Equal(analysed, now);
            else Assert.True(now > added / 2, $"{why}: statistics say {now} reports");
        }
    }

    private static long RowsInStatistics(SqliteConnection db)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT CAST(substr(stat, 1, instr(stat, ' ') - 1) AS INTEGER) FROM sqlite_stat1 WHERE idx = 'incident_reports_block'";
        return (long)cmd.ExecuteScalar()!;
    }

    private static void Exec(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
