using Npgsql;

namespace Dragoman.Storage.Postgres;

/// <summary>
/// A temporary schema in a PostgreSQL database, for commands that need an empty store of their own there (`eval merge
/// --db`): created with a random name, its tables found first (PostGIS and pg_trgm from <c>public</c>, where they must
/// already be installed), dropped with everything in it on <see cref="Dispose"/>.
/// </summary>
public sealed class PostgresScratchSchema : IDisposable
{
    private readonly string _admin;

    public string Schema { get; }

    /// <summary>The connection string that works in the schema.</summary>
    public string ConnectionString { get; }

    public PostgresScratchSchema(string connectionString, string prefix)
    {
        _admin = connectionString;
        Schema = prefix + "_" + Guid.NewGuid().ToString("N")[..12];
        Run($"CREATE SCHEMA {Schema}");
        ConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = Schema + ",public" }.ConnectionString;
    }

    private void Run(string sql)
    {
        using var db = new NpgsqlConnection(_admin);
        db.Open();
        using var cmd = new NpgsqlCommand(sql, db);
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools(); // the store's pooled connections would otherwise hold locks on the schema's tables
        Run($"DROP SCHEMA IF EXISTS {Schema} CASCADE");
    }
}
