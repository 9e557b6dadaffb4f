using System.ComponentModel;
using Dragoman.Storage;
using Dragoman.Storage.Postgres;
using Dragoman.Storage.Sqlite;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

/// <summary>The store option every storage command shares.</summary>
public interface IStoreSettings
{
    string Db { get; }
}

public class StoreSettings : CommandSettings, IStoreSettings
{
    [CommandOption("--db <FILE>")]
    [Description(StoreFiles.DbDescription)]
    [DefaultValue(StoreFiles.DefaultDb)]
    public string Db { get; init; } = StoreFiles.DefaultDb;
}

public static class StoreFiles
{
    public const string DefaultDb = "dragoman.db";

    public const string DbDescription =
        "The SQLite database file, or a PostgreSQL server: a connection string (Host=...;Database=...) or a postgres:// URL. Default: dragoman.db in the working folder.";

    /// <summary>Whether <paramref name="db"/> names a PostgreSQL server rather than a SQLite file.</summary>
    public static bool IsPostgres(string db) => PostgresLocation.IsPostgres(db);

    /// <summary>Opens the store for writing (creating it): a SQLite file, or a PostgreSQL database (creating its tables).</summary>
    public static IEventStore OpenForWrite(string path) => IsPostgres(path) ? OpenPostgres(path) : SqliteEventStore.Open(path);

    /// <summary>Opens a PostgreSQL store; a bad connection string or an unreachable server is an <see cref="InvalidOperationException"/> that says so.</summary>
    public static PostgresEventStore OpenPostgres(string db, bool replica = false)
    {
        var cs = PostgresLocation.ConnectionString(db);
        if (!cs.IsOk) throw new InvalidOperationException(cs.Error);
        try
        {
            return replica ? PostgresEventStore.OpenReplica(cs.Value!) : PostgresEventStore.Open(cs.Value!);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or ArgumentException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException($"PostgreSQL at {PostgresLocation.Redact(db)}: {ex.Message}", ex);
        }
    }

    /// <summary>Opens an existing store, or says clearly that there is none yet.</summary>
    public static Result<IEventStore> OpenExisting(string path)
    {
        if (IsPostgres(path))
        {
            try { return OpenPostgres(path); }
            catch (InvalidOperationException ex) { return Result<IEventStore>.Fail($"cannot open database: {ex.Message}"); }
        }
        if (!File.Exists(path))
            return Result<IEventStore>.Fail($"no database at {path}; run `dragoman ingest PATH...` first (or pass --db FILE)");
        try
        {
            return Result<IEventStore>.Ok(SqliteEventStore.Open(path));
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Result<IEventStore>.Fail($"cannot open database {path}: {ex.Message}");
        }
    }
}

/// <summary>Whether output goes to a person at a terminal (progress bars, colours) or to a pipe or file (plain lines).</summary>
public static class Terminal
{
    public static bool IsInteractive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Output to a pipe or file is not wrapped at 80 columns: tables get room for their columns.</summary>
    public static void WidenWhenRedirected()
    {
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;
    }

    public static int Fail(string message)
    {
        Console.Error.WriteLine($"dragoman: {message}");
        return 1;
    }
}

/// <summary>
/// A lone "-" on the command line means standard input (InputSources.Expand reads it), but Spectre.Console.Cli
/// takes "-" for an option and refuses it; Program.cs swaps it for a placeholder before parsing, and commands that
/// read inputs swap it back.
/// </summary>
public static class StdinArgument
{
    public const string Placeholder = Dragoman.Ingest.InputSources.StdinToken;

    public static string[] Escape(string[] args) => [.. args.Select(a => a == "-" ? Placeholder : a)];

    public static string[] Restore(IEnumerable<string> paths) => [.. paths.Select(p => p == Placeholder ? "-" : p)];
}
