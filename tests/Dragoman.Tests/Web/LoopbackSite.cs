using Dragoman.Storage.Sqlite;
using Dragoman.Web;
using Microsoft.AspNetCore.Builder;

namespace Dragoman.Tests.Web;

/// <summary>
/// The real server (Kestrel on a free loopback port) over a SQLite store in a temporary folder, for the browser tests:
/// the caller fills the store, the site serves it at <see cref="Base"/>, disposing stops the server and removes the folder.
/// </summary>
public sealed class LoopbackSite : IAsyncDisposable
{
    private readonly string _dir;
    private readonly WebApplication _app;

    public SqliteEventStore Store { get; }

    /// <summary>http://127.0.0.1:PORT, without the trailing slash.</summary>
    public string Base { get; }

    private LoopbackSite(string dir, SqliteEventStore store, WebApplication app, string @base)
    {
        _dir = dir;
        Store = store;
        _app = app;
        Base = @base;
    }

    public static async Task<LoopbackSite> Start(string name, Action<SqliteEventStore> fill)
    {
        var dir = Directory.CreateTempSubdirectory($"dragoman-{name}-").FullName;
        var store = SqliteEventStore.Open(Path.Combine(dir, name + ".db"));
        fill(store);
        var app = DragomanWeb.Create(new WebOptions { Store = store, Host = "127.0.0.1", Port = 0 });
        await app.StartAsync();
        return new LoopbackSite(dir, store, app, DragomanWeb.Address(app).TrimEnd('/'));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Store.Dispose();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }
}
