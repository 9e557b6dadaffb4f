using Dragoman.Watch;
using Npgsql;
using NpgsqlTypes;

namespace Dragoman.Storage.Postgres;

/// <summary>
/// The watcher's memory on PostgreSQL (schema version 5; SQLite's version 8, the same tables): one row per followed
/// source and one per feed item taken in, keyed by source and the item's guid/id (else link), with the article it
/// became. articles(uri) is indexed so that an item stored just before a crash, not yet marked, is found by its URL.
/// Times are timestamptz.
/// </summary>
public sealed partial class PostgresEventStore : IWatchState
{
    internal const string WatchSql = """
        CREATE TABLE watch_sources (
            url text PRIMARY KEY,
            etag text, last_modified text,
            last_poll timestamptz, next_poll timestamptz,
            last_error text,
            failed_polls integer NOT NULL DEFAULT 0
        );
        CREATE TABLE watch_seen (
            source text NOT NULL,
            item_key text NOT NULL,
            article_id bigint,
            seen_at timestamptz NOT NULL,
            PRIMARY KEY (source, item_key)
        );
        CREATE INDEX articles_uri ON articles(uri);
        """;

    public SourceState? GetSource(string url)
    {
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT etag, last_modified, last_poll, next_poll, last_error, failed_polls FROM watch_sources WHERE url = $1", db);
        cmd.Parameters.AddWithValue(url);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        DateTimeOffset? Time(int i) => r.IsDBNull(i) ? null : new DateTimeOffset(r.GetDateTime(i), TimeSpan.Zero);
        return new SourceState(url, r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), Time(2), Time(3),
            r.IsDBNull(4) ? null : r.GetString(4), r.GetInt32(5));
    }

    public void SaveSource(SourceState s)
    {
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand("""
            INSERT INTO watch_sources(url, etag, last_modified, last_poll, next_poll, last_error, failed_polls) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_poll = excluded.last_poll,
                next_poll = excluded.next_poll, last_error = excluded.last_error, failed_polls = excluded.failed_polls
            """, db);
        cmd.Parameters.AddWithValue(s.Url);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)s.ETag ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)s.LastModified ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = s.LastPoll is { } p ? p.UtcDateTime : DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = s.NextPoll is { } n ? n.UtcDateTime : DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)s.LastError ?? DBNull.Value });
        cmd.Parameters.AddWithValue(s.FailedPolls);
        cmd.ExecuteNonQuery();
    }

    public IReadOnlySet<string> SeenKeys(string source, IReadOnlyCollection<string> keys)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (keys.Count == 0) return seen;
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT item_key FROM watch_seen WHERE source = $1 AND item_key = ANY($2)", db);
        cmd.Parameters.AddWithValue(source);
        cmd.Parameters.AddWithValue(keys.ToArray());
        using var r = cmd.ExecuteReader();
        while (r.Read()) seen.Add(r.GetString(0));
        return seen;
    }

    public void MarkSeen(string source, string key, long? articleId, DateTimeOffset at)
    {
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand("INSERT INTO watch_seen(source, item_key, article_id, seen_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", db);
        cmd.Parameters.AddWithValue(source);
        cmd.Parameters.AddWithValue(key);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = articleId is { } a ? a : DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = at.UtcDateTime });
        cmd.ExecuteNonQuery();
    }

    public int ForgetSeen(string source, IReadOnlyCollection<string> current, DateTimeOffset before)
    {
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand("DELETE FROM watch_seen WHERE source = $1 AND seen_at <= $2 AND NOT (item_key = ANY($3))", db);
        cmd.Parameters.AddWithValue(source);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = before.UtcDateTime });
        cmd.Parameters.AddWithValue(current.ToArray());
        return cmd.ExecuteNonQuery();
    }

    public long? ArticleWithUrl(string url)
    {
        using var db = _source.OpenConnection();
        using var cmd = new NpgsqlCommand("SELECT id FROM articles WHERE uri = $1 ORDER BY id LIMIT 1", db);
        cmd.Parameters.AddWithValue(url);
        return cmd.ExecuteScalar() is long id ? id : null;
    }
}
