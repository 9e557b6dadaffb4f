using System.Globalization;
using Dragoman.Watch;
using Microsoft.Data.Sqlite;

namespace Dragoman.Storage.Sqlite;

/// <summary>
/// The watcher's memory in the store (schema version 8, docs/storage.md): one row per followed source and one per feed
/// item taken in, keyed by source and the item's guid/id (else link), with the article it became. articles(uri) is
/// indexed so that an item stored just before a crash, not yet marked, is found by its URL.
/// </summary>
internal static class SqliteWatchState
{
    public const string Sql = """
        CREATE TABLE watch_sources (
            url TEXT PRIMARY KEY,
            etag TEXT, last_modified TEXT,
            last_poll TEXT, next_poll TEXT,
            last_error TEXT,
            failed_polls INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE watch_seen (
            source TEXT NOT NULL,
            item_key TEXT NOT NULL,
            article_id INTEGER,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (source, item_key)
        ) WITHOUT ROWID;
        CREATE INDEX articles_uri ON articles(uri);
        """;

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTime(object value) =>
        value is string s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
}

public sealed partial class SqliteEventStore : IWatchState
{
    public SourceState? GetSource(string url)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT etag, last_modified, last_poll, next_poll, last_error, failed_polls FROM watch_sources WHERE url = $u";
            cmd.Parameters.AddWithValue("$u", url);
            using var r = cmd.ExecuteReader();
            if (!r.Read()) return null;
            return new SourceState(url, r.IsDBNull(0) ? null : r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1),
                SqliteWatchState.ParseTime(r.GetValue(2)), SqliteWatchState.ParseTime(r.GetValue(3)), r.IsDBNull(4) ? null : r.GetString(4), r.GetInt32(5));
        }
    }

    public void SaveSource(SourceState s)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = """
                INSERT INTO watch_sources(url, etag, last_modified, last_poll, next_poll, last_error, failed_polls) VALUES ($u, $e, $m, $p, $n, $x, $f)
                ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_poll = excluded.last_poll,
                    next_poll = excluded.next_poll, last_error = excluded.last_error, failed_polls = excluded.failed_polls
                """;
            cmd.Parameters.AddWithValue("$u", s.Url);
            cmd.Parameters.AddWithValue("$e", (object?)s.ETag ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$m", (object?)s.LastModified ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$p", s.LastPoll is { } p ? SqliteWatchState.Time(p) : DBNull.Value);
            cmd.Parameters.AddWithValue("$n", s.NextPoll is { } n ? SqliteWatchState.Time(n) : DBNull.Value);
            cmd.Parameters.AddWithValue("$x", (object?)s.LastError ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$f", s.FailedPolls);
            cmd.ExecuteNonQuery();
        }
    }

    public IReadOnlySet<string> SeenKeys(string source, IReadOnlyCollection<string> keys)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT 1 FROM watch_seen WHERE source = $s AND item_key = $k";
            cmd.Parameters.AddWithValue("$s", source);
            var key = cmd.Parameters.Add("$k", SqliteType.Text);
            foreach (var k in keys)
            {
                key.Value = k;
                if (cmd.ExecuteScalar() is not null) seen.Add(k);
            }
        }
        return seen;
    }

    public void MarkSeen(string source, string key, long? articleId, DateTimeOffset at)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "INSERT INTO watch_seen(source, item_key, article_id, seen_at) VALUES ($s, $k, $a, $t) ON CONFLICT DO NOTHING";
            cmd.Parameters.AddWithValue("$s", source);
            cmd.Parameters.AddWithValue("$k", key);
            cmd.Parameters.AddWithValue("$a", articleId is { } a ? a : DBNull.Value);
            cmd.Parameters.AddWithValue("$t", SqliteWatchState.Time(at));
            cmd.ExecuteNonQuery();
        }
    }

    public int ForgetSeen(string source, IReadOnlyCollection<string> current, DateTimeOffset before)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            // times are stored as fixed-width ISO text, so text order is time order; "at or before" so that a retention of
            // 0 forgets every unlisted item even when the two polls fall in one millisecond (the listed ones are never deleted)
            cmd.CommandText = "DELETE FROM watch_seen WHERE source = $s AND seen_at <= $t AND item_key NOT IN (SELECT value FROM json_each($keys))";
            cmd.Parameters.AddWithValue("$s", source);
            cmd.Parameters.AddWithValue("$t", SqliteWatchState.Time(before));
            cmd.Parameters.AddWithValue("$keys", System.Text.Json.JsonSerializer.Serialize(current));
            return cmd.ExecuteNonQuery();
        }
    }

    public long? ArticleWithUrl(string url)
    {
        lock (_gate)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT id FROM articles WHERE uri = $u ORDER BY id LIMIT 1";
            cmd.Parameters.AddWithValue("$u", url);
            return cmd.ExecuteScalar() is long id ? id : null;
        }
    }
}
