using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Dragoman.Storage.Sqlite;

/// <summary>One forward step of the schema. Steps only add; they never drop or rewrite stored data.</summary>
internal sealed record Migration(int Version, string Description, string Sql);

/// <summary>
/// The schema's history (docs/storage.md). A new version appends a <see cref="Migration"/>; released steps are never
/// edited. Each step runs in its own transaction together with its row in <c>schema_version</c>.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly Migration[] All =
    [
        new(1, "articles, entities, mentions, places, times, events", """
            CREATE TABLE articles (
                id INTEGER PRIMARY KEY,
                hash TEXT NOT NULL UNIQUE,
                uri TEXT NOT NULL,
                title TEXT, lede TEXT, byline TEXT, publisher TEXT,
                published TEXT, published_source TEXT,
                language TEXT NOT NULL DEFAULT 'en',
                text TEXT NOT NULL,
                credits TEXT NOT NULL DEFAULT '[]',
                dropped TEXT NOT NULL DEFAULT '[]',
                keywords TEXT NOT NULL DEFAULT '[]',
                reference_date TEXT,
                document TEXT NOT NULL,
                ingested_at TEXT NOT NULL
            );
            CREATE INDEX articles_published ON articles(published);

            CREATE TABLE entities (
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                entity_id TEXT NOT NULL,
                type TEXT NOT NULL,
                name TEXT NOT NULL,
                aliases TEXT NOT NULL DEFAULT '[]',
                actor_code TEXT, actor_country TEXT, actor_sector TEXT,
                geonameid TEXT, lat REAL, lon REAL, country TEXT, admin1 TEXT, place_precision TEXT,
                PRIMARY KEY (article_id, entity_id)
            ) WITHOUT ROWID;
            CREATE INDEX entities_name ON entities(name);
            CREATE INDEX entities_actor_code ON entities(actor_code);

            CREATE TABLE mentions (
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                entity_id TEXT NOT NULL,
                text TEXT NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                source TEXT
            );
            CREATE INDEX mentions_article ON mentions(article_id, entity_id);

            CREATE TABLE places (
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                entity_id TEXT NOT NULL,
                geonameid TEXT, name TEXT, lat REAL, lon REAL, country TEXT, admin1 TEXT, admin2 TEXT, feature TEXT,
                precision TEXT, acled_geo_precision INTEGER, confidence REAL,
                PRIMARY KEY (article_id, entity_id)
            ) WITHOUT ROWID;
            CREATE INDEX places_geonameid ON places(geonameid);

            CREATE TABLE times (
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                text TEXT NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                type TEXT, value TEXT, start TEXT, "end" TEXT, precision TEXT, relative TEXT
            );
            CREATE INDEX times_article ON times(article_id);

            CREATE TABLE events (
                id INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                event_id TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                action TEXT NOT NULL,
                trigger_start INTEGER, trigger_end INTEGER, trigger_text TEXT,
                actor_entity TEXT, actor_text TEXT, actor_start INTEGER, actor_end INTEGER, actor_code TEXT,
                target_entity TEXT, target_text TEXT, target_start INTEGER, target_end INTEGER, target_code TEXT,
                place_entity TEXT, place_text TEXT, place_start INTEGER, place_end INTEGER,
                actor_search TEXT NOT NULL DEFAULT '',
                target_search TEXT NOT NULL DEFAULT '',
                place_search TEXT NOT NULL DEFAULT '',
                place_name TEXT, geonameid TEXT, lat REAL, lon REAL, country TEXT, admin1 TEXT, place_precision TEXT,
                time_text TEXT, time_start TEXT, time_end TEXT, time_precision TEXT,
                time_inherited INTEGER NOT NULL DEFAULT 0, time_start_char INTEGER, time_end_char INTEGER,
                counts TEXT NOT NULL DEFAULT '[]',
                modality TEXT NOT NULL,
                occurred INTEGER NOT NULL DEFAULT 0,
                sources TEXT NOT NULL DEFAULT '[]',
                evidence TEXT NOT NULL DEFAULT '[]',
                confidence REAL NOT NULL DEFAULT 0,
                cameo TEXT, plover_event TEXT, plover_mode TEXT, acled_type TEXT, acled_subtype TEXT,
                quad_class INTEGER, goldstein REAL,
                UNIQUE (article_id, event_id)
            );
            CREATE INDEX events_action ON events(action);
            CREATE INDEX events_cameo ON events(cameo);
            CREATE INDEX events_time ON events(time_start);
            CREATE INDEX events_modality ON events(modality);
            """),
        new(2, "full-text index over article title and text (FTS5)", """
            CREATE VIRTUAL TABLE articles_fts USING fts5(
                title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
            CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
                INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
            END;
            CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
                INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
            END;
            CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN
                INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
                INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
            END;
            INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
            """),
        new(3, "spatial index over event coordinates (R*Tree)", """
            CREATE VIRTUAL TABLE events_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);
            INSERT INTO events_rtree(id, min_lat, max_lat, min_lon, max_lon)
                SELECT id, lat, lat, lon, lon FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL;
            CREATE TRIGGER events_rtree_ai AFTER INSERT ON events WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN
                INSERT INTO events_rtree(id, min_lat, max_lat, min_lon, max_lon) VALUES (new.id, new.lat, new.lat, new.lon, new.lon);
            END;
            CREATE TRIGGER events_rtree_ad AFTER DELETE ON events BEGIN
                DELETE FROM events_rtree WHERE id = old.id;
            END;
            """),
        new(4, "events: place inherited from the article's focus (the sentence names no place)", """
            ALTER TABLE events ADD COLUMN place_inherited INTEGER NOT NULL DEFAULT 0;
            """),
        new(5, "incidents: reports of one real-world event across articles, their links and the analysts' merge/split decisions", SqliteIncidentSchema.Sql),
    ];

    public static int Latest => All[^1].Version;

    public static int CurrentVersion(SqliteConnection connection)
    {
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)";
        create.ExecuteNonQuery();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Applies every step above the current version up to <paramref name="target"/> (default: the latest).</summary>
    public static int Migrate(SqliteConnection connection, DateTimeOffset now, int? target = null)
    {
        int current = CurrentVersion(connection);
        int goal = target ?? Latest;
        if (current > Latest)
            throw new InvalidOperationException($"the database is at schema version {current}, newer than this dragoman (version {Latest}); use a newer dragoman");
        foreach (var m in All.Where(m => m.Version > current && m.Version <= goal))
        {
            using var tx = connection.BeginTransaction();
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = m.Sql;
                cmd.ExecuteNonQuery();
            }
            using (var mark = connection.CreateCommand())
            {
                mark.Transaction = tx;
                mark.CommandText = "INSERT INTO schema_version(version, description, applied_at) VALUES ($v, $d, $t)";
                mark.Parameters.AddWithValue("$v", m.Version);
                mark.Parameters.AddWithValue("$d", m.Description);
                mark.Parameters.AddWithValue("$t", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                mark.ExecuteNonQuery();
            }
            tx.Commit();
            current = m.Version;
        }
        return current;
    }
}
