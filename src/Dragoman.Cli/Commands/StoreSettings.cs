using System.ComponentModel;
using Dragoman.Storage;
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
    [Description("The SQLite database file. Default: dragoman.db in the working folder.")]
    [DefaultValue(StoreFiles.DefaultDb)]
    public string Db { get; init; } = StoreFiles.DefaultDb;
}

public static class StoreFiles
{
    public const string DefaultDb = "dragoman.db";

    /// <summary>Opens the store for writing (creating it).</summary>
    public static IEventStore OpenForWrite(string path) => SqliteEventStore.Open(path);

    /// <summary>Opens an existing store, or says clearly that there is none yet.</summary>
    public static Result<IEventStore> OpenExisting(string path)
    {
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
