using Dragoman.Storage;
using Dragoman.Storage.Postgres;
using Dragoman.Storage.Sqlite;
using Dragoman.Tests.Storage;

namespace Dragoman.Tests.Merge;

/// <summary>
/// Fresh stores of one provider for the merge stage's contract tests (Npgsql's style: one suite, several back ends).
/// Disposing closes every store opened and removes what they left (files, schemas).
/// </summary>
public interface ITestStores : IDisposable
{
    /// <summary>A new, empty location (a file, a schema's connection string).</summary>
    string NewLocation();

    /// <summary>Opens the store at <paramref name="location"/> (another connection to the same store when opened twice).</summary>
    IEventStore Open(string location);
}

public sealed class SqliteStores : ITestStores
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-merge-").FullName;
    private readonly List<IEventStore> _opened = [];
    private int _n;

    public string NewLocation() => Path.Combine(_dir, $"m{Interlocked.Increment(ref _n)}.db");

    public IEventStore Open(string location)
    {
        var store = SqliteEventStore.Open(location);
        lock (_opened) _opened.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var s in _opened) s.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>PostgreSQL stores, one schema each (<see cref="TestPostgres"/>); skips when no server is configured.</summary>
public sealed class PostgresStores : ITestStores
{
    private readonly List<string> _schemas = [];
    private readonly List<IEventStore> _opened = [];

    public string NewLocation() => TestPostgres.NewSchema(_schemas);

    public IEventStore Open(string location)
    {
        var store = PostgresEventStore.Open(location);
        lock (_opened) _opened.Add(store);
        return store;
    }

    public void Dispose()
    {
        foreach (var s in _opened) s.Dispose();
        TestPostgres.DropSchemas(_schemas);
    }
}

/// <summary>The base of the merge stage's contract tests: fresh stores of <typeparamref name="TStores"/>' provider.</summary>
public abstract class StoreContract<TStores> : IDisposable where TStores : ITestStores, new()
{
    protected readonly TStores Stores = new();

    /// <summary>A new, empty store with its incidents.</summary>
    protected (IEventStore Events, IIncidentStore Incidents) NewStore()
    {
        var store = Stores.Open(Stores.NewLocation());
        return (store, (IIncidentStore)store);
    }

    private (IEventStore Events, IIncidentStore Incidents)? _withStrikes;

    /// <summary>A store holding <see cref="MergeFixtures.TwoStrikes"/>, opened on first use (so that a provider without a server skips, not fails).</summary>
    protected (IEventStore Events, IIncidentStore Incidents) WithStrikes
    {
        get
        {
            if (_withStrikes is null)
            {
                _withStrikes = NewStore();
                _withStrikes.Value.Events.Add(MergeFixtures.TwoStrikes());
            }
            return _withStrikes.Value;
        }
    }

    public virtual void Dispose()
    {
        Stores.Dispose();
        GC.SuppressFinalize(this);
    }
}
