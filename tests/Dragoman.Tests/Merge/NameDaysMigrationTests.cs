using Dragoman.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using static Dragoman.Tests.Merge.MergeFixtures;

namespace Dragoman.Tests.Merge;

/// <summary>
/// Schema 24 (incident_report_name_days): a store written before it gets the table filled from its undated reports'
/// name words and indexed days of the year, the same rows the writer puts there, so a dated report stored after the
/// migration meets an undated report stored before it.
/// </summary>
public sealed class NameDaysMigrationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-namedays-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static List<string> Rows(string path)
    {
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT family || ' ' || country || ' ' || name || ' ' || day || ' ' || event_row FROM incident_report_name_days ORDER BY 1";
        var rows = new List<string>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) rows.Add(r.GetString(0));
        return rows;
    }

    /// <summary>Makes the store look as schema 23 left it: no table, no version 24 (its reports and other indexes kept).</summary>
    private static void BackTo23(string path)
    {
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        // schema 25's table and triggers removed too, so that its migration runs again after 24's
        cmd.CommandText = "DROP TABLE incident_report_name_days; DROP TABLE event_cells; DROP TRIGGER event_cells_ai; DROP TRIGGER event_cells_ad; " +
            "DROP TRIGGER event_cells_au_old; DROP TRIGGER event_cells_au_new; DELETE FROM schema_version WHERE version >= 24;";
        cmd.ExecuteNonQuery();
    }

    public static TheoryData<string, string, bool> Cases() => new()
    {
        { "an undated page naming the strike's day and mall: its words under that day, and a dated report stored later joins it", "Amstor", true },
        { "an undated page sharing no name word: rows of its own words, and no dated report joins it", "Brenvik", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Migration_24_fills_the_table_as_the_writer_does(string reason, string name, bool joins)
    {
        var undated = UndatedStrike("Wire Four", KremenchukOutskirts, StrikeDay, name);
        string written = Path.Combine(_dir, "written.db"), migrated = Path.Combine(_dir, "migrated.db");
        using (var store = SqliteEventStore.Open(written)) store.Add([undated]);
        using (var store = SqliteEventStore.Open(migrated)) store.Add([undated]);
        BackTo23(migrated);
        using (var store = SqliteEventStore.Open(migrated))
        {
            Assert.Equal(SqliteMigrations.Latest, store.SchemaVersion);
            var expected = Rows(written);
            Assert.NotEmpty(expected);
            Assert.True(expected.SequenceEqual(Rows(migrated)), $"{reason}: {string.Join("; ", Rows(migrated))} against {string.Join("; ", expected)}");
            store.Add(TwoStrikes());
            string partition = IncidentStoreContract<SqliteStores>.Partition(store);
            string withUndated = partition.Split(" | ").Single(g => g.Contains("undated", StringComparison.Ordinal));
            Assert.True(joins == withUndated.Contains(',', StringComparison.Ordinal), $"{reason}: {partition}");
        }
        File.Delete(written);
        File.Delete(migrated);
    }
}
