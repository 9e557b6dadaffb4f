using Dragoman.Storage.Sqlite;
using Dragoman.Tests.Cli;
using Microsoft.Data.Sqlite;

namespace Dragoman.Tests.Storage;

/// <summary>Opening a store: concurrent creation, newer or damaged files give one clear line, never a stack trace.</summary>
public sealed class StoreOpeningTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-open-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [InlineData(2, "two processes creating one new database: the second waits for the first's schema, then uses it")]
    [InlineData(6, "more openers than cores: every one gets the lock in turn")]
    public async Task Openers_racing_to_create_one_database_all_succeed(int openers, string reason)
    {
        var path = Path.Combine(_dir, $"race{openers}.db");
        using var start = new Barrier(openers);
        var tasks = Enumerable.Range(0, openers).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            using var store = SqliteEventStore.Open(path);
            return store.Counts().Articles;
        })).ToArray();
        var errors = new List<string>();
        foreach (var t in tasks)
            try { await t; } catch (Exception ex) { errors.Add(ex.Message); }
        Assert.True(errors.Count == 0, $"{reason}: {string.Join("; ", errors)}");
    }

    [Theory]
    [InlineData("newer", "events", "newer than this dragoman", "a database from a newer dragoman is named with its version")]
    [InlineData("damaged", "events", "not a database", "a file whose pages are garbage")]
    [InlineData("newer", "search|word", "newer than this dragoman", "every command that reads the store says the same")]
    public void A_newer_or_damaged_database_gives_one_line_naming_the_file(string kind, string command, string expected, string reason)
    {
        var db = Path.Combine(_dir, kind + ".db");
        using (var store = SqliteEventStore.Open(db)) { }
        if (kind == "newer")
        {
            using var c = new SqliteConnection($"Data Source={db};Pooling=False");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_version(version, description, applied_at) VALUES (999, 'future', '2030-01-01T00:00:00Z')";
            cmd.ExecuteNonQuery();
        }
        else
        {
            foreach (var side in new[] { "-wal", "-shm" }) File.Delete(db + side);
            var bytes = File.ReadAllBytes(db);
            new Random(3).NextBytes(bytes.AsSpan(0, Math.Min(bytes.Length, 4096)));
            File.WriteAllBytes(db, bytes);
        }
        var r = CliProcess.Run(_dir, null, [.. command.Split('|'), "--db", db]);
        Assert.True(r.Code != 0, $"{reason}: exit code 0");
        Assert.True(r.Err.Contains(expected, StringComparison.Ordinal) && r.Err.Contains(db, StringComparison.Ordinal), $"{reason}: {r.Err}");
        Assert.True(!r.Err.Contains("   at ", StringComparison.Ordinal), $"{reason}: a stack trace: {r.Err}");
    }
}
