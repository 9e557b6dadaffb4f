using System.Globalization;
using Dragoman.Export;
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
        new(5, "events: main (the report's own news) and historical (background) from the salience stage", """
            ALTER TABLE events ADD COLUMN main INTEGER NOT NULL DEFAULT 1;
            ALTER TABLE events ADD COLUMN historical INTEGER NOT NULL DEFAULT 0;
            """),
        new(6, "incidents: reports of one real-world event across articles, their links and the analysts' merge/split decisions", SqliteIncidentSchema.Sql),
        new(7, "reads through indexes: stored event date keys, ordered indexes per filter, actor and place panel tables", """
            -- The event's date interval as stored sort and filter keys ('' when neither the event nor its article has a date):
            -- date_lo orders the listing (newest first) and serves --to, date_hi serves --from.
            ALTER TABLE events ADD COLUMN date_lo TEXT NOT NULL DEFAULT '';
            ALTER TABLE events ADD COLUMN date_hi TEXT NOT NULL DEFAULT '';
            UPDATE events SET
                date_lo = COALESCE(time_start, time_end, (SELECT published FROM articles a WHERE a.id = events.article_id), ''),
                date_hi = COALESCE(time_end, time_start, (SELECT published FROM articles a WHERE a.id = events.article_id), '');
            CREATE TRIGGER events_dates_ai AFTER INSERT ON events BEGIN
                UPDATE events SET
                    date_lo = COALESCE(new.time_start, new.time_end, (SELECT published FROM articles a WHERE a.id = new.article_id), ''),
                    date_hi = COALESCE(new.time_end, new.time_start, (SELECT published FROM articles a WHERE a.id = new.article_id), '')
                WHERE id = new.id;
            END;
            CREATE INDEX events_order ON events(date_lo DESC);
            CREATE INDEX events_action_order ON events(action COLLATE NOCASE, date_lo DESC);
            CREATE INDEX events_cameo_order ON events(cameo, date_lo DESC);
            CREATE INDEX events_modality_order ON events(modality COLLATE NOCASE, date_lo DESC);

            -- The actor panel: one row per entity name (case-insensitive). articles counts the articles that name a person,
            -- organisation or group so; events counts the events whose actor is an entity of that name.
            CREATE TABLE actor_stats (
                name TEXT PRIMARY KEY COLLATE NOCASE,
                type TEXT, actor_code TEXT,
                aliases TEXT NOT NULL DEFAULT '',
                articles INTEGER NOT NULL DEFAULT 0,
                events INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX actor_stats_rank ON actor_stats(events DESC, articles DESC, name);
            INSERT INTO actor_stats(name, type, actor_code, aliases, articles)
                SELECT n.name, MAX(n.type), MAX(n.actor_code), COALESCE(group_concat(DISTINCT lower(n.aliases)), ''), COUNT(DISTINCT n.article_id)
                FROM entities n WHERE n.type IN ('PERSON', 'ORG', 'NORP') GROUP BY n.name COLLATE NOCASE;
            INSERT INTO actor_stats(name, events)
                SELECT m.name, COUNT(*) FROM events e JOIN entities m ON m.article_id = e.article_id AND m.entity_id = e.actor_entity
                WHERE true GROUP BY m.name COLLATE NOCASE
                ON CONFLICT(name) DO UPDATE SET events = events + excluded.events;
            CREATE TRIGGER actor_stats_entity_ai AFTER INSERT ON entities WHEN new.type IN ('PERSON', 'ORG', 'NORP') BEGIN
                INSERT INTO actor_stats(name, type, actor_code, aliases, articles)
                    SELECT new.name, new.type, new.actor_code, lower(new.aliases),
                        NOT EXISTS (SELECT 1 FROM entities o WHERE o.article_id = new.article_id AND o.entity_id <> new.entity_id
                                    AND o.name = new.name COLLATE NOCASE AND o.type IN ('PERSON', 'ORG', 'NORP'))
                    WHERE true
                    ON CONFLICT(name) DO UPDATE SET
                        articles = articles + excluded.articles,
                        type = CASE WHEN type IS NULL OR excluded.type > type THEN excluded.type ELSE type END,
                        actor_code = CASE WHEN actor_code IS NULL OR excluded.actor_code > actor_code THEN excluded.actor_code ELSE actor_code END,
                        aliases = CASE WHEN instr(aliases, excluded.aliases) > 0 THEN aliases ELSE aliases || ',' || excluded.aliases END;
            END;
            CREATE TRIGGER actor_stats_event_ai AFTER INSERT ON events WHEN new.actor_entity IS NOT NULL BEGIN
                INSERT INTO actor_stats(name, events)
                    SELECT m.name, 1 FROM entities m WHERE m.article_id = new.article_id AND m.entity_id = new.actor_entity
                    ON CONFLICT(name) DO UPDATE SET events = events + 1;
            END;

            -- The place panel: one row per gazetteer id (else lower-cased name). articles counts the articles with a resolved
            -- place of that key; events counts the events placed there (by gazetteer id, else by place name).
            CREATE TABLE place_stats (
                key TEXT PRIMARY KEY,
                geonameid TEXT, name TEXT NOT NULL DEFAULT '', lat REAL, lon REAL, country TEXT, admin1 TEXT, precision TEXT,
                articles INTEGER NOT NULL DEFAULT 0,
                events INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX place_stats_rank ON place_stats(events DESC, articles DESC, name);
            INSERT INTO place_stats(key, geonameid, name, lat, lon, country, admin1, precision, articles)
                SELECT COALESCE(p.geonameid, lower(p.name)), MAX(p.geonameid), MAX(COALESCE(p.name, '')), MAX(p.lat), MAX(p.lon), MAX(p.country),
                       MAX(p.admin1), MAX(p.precision), COUNT(DISTINCT p.article_id)
                FROM places p WHERE p.lat IS NOT NULL AND COALESCE(p.geonameid, p.name) IS NOT NULL GROUP BY COALESCE(p.geonameid, lower(p.name));
            INSERT INTO place_stats(key, events)
                SELECT COALESCE(e.geonameid, lower(e.place_name)) AS k, COUNT(*) FROM events e WHERE k IS NOT NULL GROUP BY k
                ON CONFLICT(key) DO UPDATE SET events = events + excluded.events;
            CREATE TRIGGER place_stats_place_ai AFTER INSERT ON places WHEN new.lat IS NOT NULL AND COALESCE(new.geonameid, new.name) IS NOT NULL BEGIN
                INSERT INTO place_stats(key, geonameid, name, lat, lon, country, admin1, precision, articles)
                    SELECT COALESCE(new.geonameid, lower(new.name)), new.geonameid, COALESCE(new.name, ''), new.lat, new.lon, new.country, new.admin1, new.precision,
                        NOT EXISTS (SELECT 1 FROM places o WHERE o.article_id = new.article_id AND o.entity_id <> new.entity_id AND o.lat IS NOT NULL
                                    AND COALESCE(o.geonameid, lower(o.name)) = COALESCE(new.geonameid, lower(new.name)))
                    WHERE true
                    ON CONFLICT(key) DO UPDATE SET
                        articles = articles + excluded.articles,
                        geonameid = COALESCE(geonameid, excluded.geonameid),
                        name = CASE WHEN excluded.name > name THEN excluded.name ELSE name END,
                        lat = CASE WHEN lat IS NULL OR excluded.lat > lat THEN excluded.lat ELSE lat END,
                        lon = CASE WHEN lon IS NULL OR excluded.lon > lon THEN excluded.lon ELSE lon END,
                        country = CASE WHEN country IS NULL OR excluded.country > country THEN excluded.country ELSE country END,
                        admin1 = CASE WHEN admin1 IS NULL OR excluded.admin1 > admin1 THEN excluded.admin1 ELSE admin1 END,
                        precision = CASE WHEN precision IS NULL OR excluded.precision > precision THEN excluded.precision ELSE precision END;
            END;
            CREATE TRIGGER place_stats_event_ai AFTER INSERT ON events WHEN COALESCE(new.geonameid, new.place_name) IS NOT NULL BEGIN
                INSERT INTO place_stats(key, events) VALUES (COALESCE(new.geonameid, lower(new.place_name)), 1)
                    ON CONFLICT(key) DO UPDATE SET events = events + 1;
            END;
            """),
        new(8, "watch: followed sources (validators, polls, last error), the feed items taken in, articles found by URL", SqliteWatchState.Sql),
        new(9, "incident_reports.words: the headline and evidence nouns the merge pair model compares (empty until `remerge` for older reports)",
            "ALTER TABLE incident_reports ADD COLUMN words TEXT NOT NULL DEFAULT '';"),
        new(10, "incident_reports.month_days: the days of the year an undated report's article names, which the merge pair model compares (empty until `remerge` for older reports)",
            "ALTER TABLE incident_reports ADD COLUMN month_days TEXT NOT NULL DEFAULT '';"),
        new(11, "incident_report_days: each merge report under its days of the year, so that an undated report meets its country's reports of a day within the window (empty until `remerge` for older reports)",
            SqliteIncidentSchema.DaysSql),
        new(12, "events_actor_names, events_place_names: trigram indexes of the events' actor and place search text, so that a rare --actor or --place substring reads its few events instead of walking the date index",
            SqliteNameIndex.Sql),
        new(13, "events_main_order: the main events in date order, so that the default listing walks only them and a count of them reads the index alone; events_action_order carries date_hi", """
            -- The listing shows main events unless asked for all: events_order walked every event and read each row to test
            -- main (about 3 in 10 are main), and a bounded count of main events read the table row by row (82 ms to count
            -- 10,000 at 100k events). With main as the leading key the walk visits main events only and the count is a
            -- covering index read; partial, so only main events pay for it on writes.
            CREATE INDEX events_main_order ON events(main, date_lo DESC) WHERE main = 1;
            -- An action within dates (an event's related reports: --from a week before it) walked the action's index from
            -- --to down to its oldest event and read each row to test date_hi (about 250 ms at 100k events). With the end
            -- date as a trailing key the test is made on the index entry; id before it keeps the listing's order unsorted.
            DROP INDEX events_action_order;
            CREATE INDEX events_action_order ON events(action COLLATE NOCASE, date_lo DESC, id, date_hi);
            """),
        new(14, "incident_report_names: each dated merge report under its proper-name words, so that reports of two countries naming the same people meet (empty until `remerge` for older reports)",
            SqliteIncidentSchema.NamesSql),
        new(15, "events_main_order and events_order carry id, article_id and confidence: a date walk tests --min-confidence and --search on the index entry, not the row", """
            -- A filter checked along the date walk (--min-confidence, --search's list of matching articles) read each walked
            -- event's row, most of it JSON, to test one column: 28 ms for a page of --min-confidence 0.9 at 100k events.
            -- With the tested columns in the index SQLite evaluates them on the entry and reads only the matching rows
            -- (0.3 ms); id right after the date keeps the listing's order (date_lo DESC, id) without a sort.
            DROP INDEX events_main_order;
            CREATE INDEX events_main_order ON events(main, date_lo DESC, id, article_id, confidence) WHERE main = 1;
            DROP INDEX events_order;
            CREATE INDEX events_order ON events(date_lo DESC, id, article_id, confidence);
            """),
        new(16, "events.actor_implied: the actor is the coder's category the event implies (police for an arrest, an unidentified armed group for a use of force), not a name in the text", """
            ALTER TABLE events ADD COLUMN actor_implied INTEGER NOT NULL DEFAULT 0;
            """),
        new(17, "events.target_convention: the target is the coder's category for a party the text names only generically (civilians for two people), not the written words", """
            ALTER TABLE events ADD COLUMN target_convention INTEGER NOT NULL DEFAULT 0;
            """),
        new(18, "the date walks' indexes carry lat, lon (and the main events' the actor and place search text); events_main_article: a count of the main events of matching articles reads an index alone", """
            -- A filter checked along the date walk was tested on each walked row when the index lacked its column: --bbox
            -- looked each walked event up in the R*Tree by id (4,770 lookups, 498 ms for a page at 1M events), a common
            -- --place or --actor read each walked row to test its search text (17,530 rows for --place raqqa, 202 ms).
            -- As index columns they are tested on the entry and only matching rows are read; a bounded count of a common
            -- actor or place walks the main events' index alone instead of reading each trigram candidate's row.
            DROP INDEX events_main_order;
            CREATE INDEX events_main_order ON events(main, date_lo DESC, id, article_id, confidence, lat, lon, actor_search, place_search) WHERE main = 1;
            DROP INDEX events_order;
            CREATE INDEX events_order ON events(date_lo DESC, id, article_id, confidence, lat, lon);
            -- A count of --search's events read each event of the matching articles to test main (10,000 rows, 183 ms);
            -- main as a key too makes the index covering (the partial condition alone left SQLite reading the rows).
            CREATE INDEX events_main_article ON events(article_id, main) WHERE main = 1;
            """),
        new(19, "incident_reports_long: the merge reports whose days span more than a week, so that a candidate search reads a month back only among them", """
            -- A report's window may start up to a month (MergeReports.MaxDaySpan) before the new report's, so the candidate
            -- search read every report of 48 days in its block to keep the few month-long ones (200k stored reports: about
            -- 150 rows a search). Short reports are found in the week before; the long ones through this partial index.
            CREATE INDEX incident_reports_long ON incident_reports(family, country, day_lo) WHERE day_hi - day_lo > 7;
            """),
        new(20, "writes: an event's date keys written with its row (the trigger fills only rows stored without them); the undated merge reports of a place indexed apart", """
            -- Every event was stored and then updated by events_dates_ai, so each of the five indexes that carry date_lo took
            -- its entry twice (insert, then delete and insert). The writer now binds date_lo and date_hi itself (the same
            -- COALESCE of the event's times and its article's date); the trigger stays for a row inserted without them.
            DROP TRIGGER events_dates_ai;
            CREATE TRIGGER events_dates_ai AFTER INSERT ON events WHEN new.date_lo = '' BEGIN
                UPDATE events SET
                    date_lo = COALESCE(new.time_start, new.time_end, (SELECT published FROM articles a WHERE a.id = new.article_id), ''),
                    date_hi = COALESCE(new.time_end, new.time_start, (SELECT published FROM articles a WHERE a.id = new.article_id), '')
                WHERE id = new.id;
            END;
            -- A dated report's merge candidates include the undated reports of its resolved place: through (family, geonameid)
            -- that read every report of the place and kept the undated ones (FA-KES dev: most reports share a few places, so
            -- about a fifth of the candidate search's time, for no row). The undated ones alone, as a partial index.
            CREATE INDEX incident_reports_place_undated ON incident_reports(family, geonameid) WHERE day_lo IS NULL;
            """),
        new(21, "incident_reports.article_main: the report is its article's main report, the one an article pair votes with when merging (0 until `remerge` for older reports)",
            "ALTER TABLE incident_reports ADD COLUMN article_main INTEGER NOT NULL DEFAULT 0;"),
        new(22, "incidents.component: the incidents of one linked component share a label, so merging reads an article's component instead of searching it report by report (labelled on opening for older incidents)", """
            -- NULL: not labelled yet; the store labels such incidents on opening (IncidentMerging.BuildComponents).
            ALTER TABLE incidents ADD COLUMN component INTEGER;
            CREATE INDEX incidents_component ON incidents(component);
            """),
        new(23, "events.source_chain, events.fatalities: what the map feed shows of an event's sources and counts, stored with the row instead of parsed from their JSON on every read (filled for the rows stored before)", """
            -- The feed parsed each row's sources and counts JSON for these two short values (1.8 of 3.0 MB for 5,000 rows
            -- at 1M events; docs/benchmarks.md, "pgfeed19"). NULL: a row stored without them, whose JSON the feed reads.
            -- The fill calls the writer's own C# derivation (registered on the connection by Migrate), so a stored value
            -- is the one the exports derive.
            ALTER TABLE events ADD COLUMN source_chain TEXT;
            ALTER TABLE events ADD COLUMN fatalities INTEGER;
            UPDATE events SET source_chain = dragoman_source_chain(sources), fatalities = dragoman_fatalities(occurred, counts);
            """),
        new(24, "incident_report_name_days: each undated merge report under its name words and days of the year, so that a dated report meets an undated one by a day of the year only when they share a name word (filled for the reports stored before)",
            SqliteIncidentSchema.NameDaysSql + """
            -- The stored undated reports: their name words (incident_reports.names, split at spaces) crossed with the days
            -- of the year they are indexed under (incident_report_days' undated rows, MonthDays.DaysOf), as the writer does.
            WITH RECURSIVE words(row, family, country, word, rest) AS (
                SELECT event_row, family, country, '', names || ' ' FROM incident_reports
                    WHERE day_lo IS NULL AND family IS NOT NULL AND country IS NOT NULL AND names <> ''
                UNION ALL
                SELECT row, family, country, substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1) FROM words WHERE rest <> '')
            INSERT OR IGNORE INTO incident_report_name_days(family, country, name, day, event_row)
                SELECT w.family, w.country, w.word, d.day, w.row FROM words w
                JOIN incident_report_days d ON d.event_row = w.row AND d.undated = 1 AND d.family = w.family AND d.country = w.country
                WHERE w.word <> '';
            """),
        new(25, "event_cells: the located events of each cell of a 1/64-degree grid (main or not), counted with their coordinate sums by triggers, so that the map feed's clusters for a viewport read the cells in it instead of the events (filled for the events stored before)", """
            -- The map feed at 1M events listed 5,000 of them whatever the zoom (143-186 ms at 1M, mostly reading and
            -- writing the rows; docs/benchmarks.md, "feed21"): a viewport with more events than that is drawn as clusters,
            -- and with no filter but the box, a cluster's count and mean point are the sums of the cells it holds
            -- (EventCells: row = floor((lat + 90) * 64), column = floor((lon + 180) * 64)). Empty cells keep a row (n 0).
            CREATE TABLE event_cells (
                cell_row INTEGER NOT NULL, cell_column INTEGER NOT NULL, main INTEGER NOT NULL,
                n INTEGER NOT NULL, lat_sum REAL NOT NULL, lon_sum REAL NOT NULL,
                PRIMARY KEY (cell_row, cell_column, main)
            ) WITHOUT ROWID;
            INSERT INTO event_cells(cell_row, cell_column, main, n, lat_sum, lon_sum)
                SELECT CAST((min(max(lat, -90), 90) + 90) * 64 AS INTEGER), CAST((min(max(lon, -180), 180) + 180) * 64 AS INTEGER), main,
                    COUNT(*), SUM(lat), SUM(lon)
                FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1, 2, 3;
            """ + SqliteCellTriggers),
    ];

    /// <summary>The triggers that keep <c>event_cells</c> (schema 25): an event in, out, or moved (place or main changed).</summary>
    internal const string SqliteCellTriggers = """

        CREATE TRIGGER event_cells_ai AFTER INSERT ON events WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN
            INSERT INTO event_cells(cell_row, cell_column, main, n, lat_sum, lon_sum)
                VALUES (CAST((min(max(new.lat, -90), 90) + 90) * 64 AS INTEGER), CAST((min(max(new.lon, -180), 180) + 180) * 64 AS INTEGER), new.main, 1, new.lat, new.lon)
                ON CONFLICT(cell_row, cell_column, main) DO UPDATE SET n = n + 1, lat_sum = lat_sum + excluded.lat_sum, lon_sum = lon_sum + excluded.lon_sum;
        END;
        CREATE TRIGGER event_cells_ad AFTER DELETE ON events WHEN old.lat IS NOT NULL AND old.lon IS NOT NULL BEGIN
            UPDATE event_cells SET n = n - 1, lat_sum = lat_sum - old.lat, lon_sum = lon_sum - old.lon
                WHERE cell_row = CAST((min(max(old.lat, -90), 90) + 90) * 64 AS INTEGER) AND cell_column = CAST((min(max(old.lon, -180), 180) + 180) * 64 AS INTEGER) AND main = old.main;
        END;
        CREATE TRIGGER event_cells_au_old AFTER UPDATE OF lat, lon, main ON events WHEN old.lat IS NOT NULL AND old.lon IS NOT NULL BEGIN
            UPDATE event_cells SET n = n - 1, lat_sum = lat_sum - old.lat, lon_sum = lon_sum - old.lon
                WHERE cell_row = CAST((min(max(old.lat, -90), 90) + 90) * 64 AS INTEGER) AND cell_column = CAST((min(max(old.lon, -180), 180) + 180) * 64 AS INTEGER) AND main = old.main;
        END;
        CREATE TRIGGER event_cells_au_new AFTER UPDATE OF lat, lon, main ON events WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN
            INSERT INTO event_cells(cell_row, cell_column, main, n, lat_sum, lon_sum)
                VALUES (CAST((min(max(new.lat, -90), 90) + 90) * 64 AS INTEGER), CAST((min(max(new.lon, -180), 180) + 180) * 64 AS INTEGER), new.main, 1, new.lat, new.lon)
                ON CONFLICT(cell_row, cell_column, main) DO UPDATE SET n = n + 1, lat_sum = lat_sum + excluded.lat_sum, lon_sum = lon_sum + excluded.lon_sum;
        END;
        """;

    public static int Latest => All[^1].Version;

    public static int CurrentVersion(SqliteConnection connection) => CurrentVersion(connection, null);

    private static int CurrentVersion(SqliteConnection connection, SqliteTransaction? tx)
    {
        using var create = connection.CreateCommand();
        create.Transaction = tx;
        create.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)";
        create.ExecuteNonQuery();
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Applies every step above the current version up to <paramref name="target"/> (default: the latest), all in one
    /// write transaction that also reads the version: two processes creating one new database take turns (the second
    /// waits on the lock, then finds the schema made), and a failed step leaves the database as it was.
    /// </summary>
    public static int Migrate(SqliteConnection connection, DateTimeOffset now, int? target = null)
    {
        int goal = target ?? Latest;
        // the C# derivations a step's SQL fills stored columns with (schema 23), the writer's own code for the same columns
        connection.CreateFunction("dragoman_source_chain", (string? sources) => ExportFields.SourceChain(sources ?? "[]"), isDeterministic: true);
        connection.CreateFunction("dragoman_fatalities", (long occurred, string? counts) => ExportFields.Fatalities(occurred != 0, counts ?? "[]"), isDeterministic: true);
        using var tx = connection.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the write lock before reading
        int current = CurrentVersion(connection, tx);
        if (current > Latest)
            throw new InvalidOperationException($"the database is at schema version {current}, newer than this dragoman (version {Latest}); use a newer dragoman");
        foreach (var m in All.Where(m => m.Version > current && m.Version <= goal))
        {
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
            current = m.Version;
        }
        tx.Commit();
        return current;
    }
}
