namespace Dragoman.Storage.Postgres;

/// <summary>
/// The events of each actor and place search text on PostgreSQL (schema version 22). A bounded count of a name's events
/// (<c>--reports total</c> with <c>--actor</c> or <c>--place</c> alone) read the trigram index's candidates and each one's
/// heap row to recheck the pattern and test main: at 1M events 16,471 heap pages for 10,000 main events of "regime",
/// growing with the store (docs/benchmarks.md, "pgreads17", "pgcounts18"). Events repeat their search texts (one value
/// per actor or place spelling), so the count is the sum, over the distinct texts the same LIKE matches, of their events:
/// the same predicate on the same texts, so the same number, from a table of texts instead of the events.
/// Statement triggers keep it in the writing statement's transaction (as <see cref="PostgresCountsSchema"/>), each text's
/// count split over a few rows by server process so that writers storing at once seldom wait on a hot text's row; rows
/// are added to in key order, so two writers never lock two rows in opposite orders.
/// </summary>
internal static class PostgresNameCountsSchema
{
    public const string Sql = """
        -- field: 'actor' (events.actor_search) or 'place' (events.place_search); an empty text is never counted (no
        -- --actor or --place pattern matches it)
        CREATE TABLE event_name_counts (
            field text COLLATE "C" NOT NULL,
            value text NOT NULL,
            main boolean NOT NULL,
            slot int NOT NULL,
            n bigint NOT NULL
        );
        -- keyed by the text's hash: a b-tree entry holds at most about 2.7 kB, a search text (names and aliases) may not
        CREATE UNIQUE INDEX event_name_counts_key ON event_name_counts(field, md5(value), main, slot);
        INSERT INTO event_name_counts
            SELECT 'actor', actor_search, main, 0, COUNT(*) FROM events WHERE actor_search <> '' GROUP BY actor_search, main UNION ALL
            SELECT 'place', place_search, main, 0, COUNT(*) FROM events WHERE place_search <> '' GROUP BY place_search, main;
        -- a pattern over many distinct texts reads the texts' candidates (the table is read whole when it is small)
        CREATE INDEX event_name_counts_value ON event_name_counts USING gin(value gin_trgm_ops);

        -- a statement's inserted events added to their texts' counts (the writer's COPY: one firing per batch)
        CREATE FUNCTION event_name_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            INSERT INTO event_name_counts AS c
            SELECT field, value, main, pg_backend_pid() % 8, SUM(n) FROM (
                SELECT 'actor' AS field, actor_search AS value, main, 1 AS n FROM inserted WHERE actor_search <> ''
                UNION ALL SELECT 'place', place_search, main, 1 FROM inserted WHERE place_search <> '') changed
            GROUP BY field, value, main HAVING SUM(n) <> 0
            ORDER BY field, md5(value), main
            ON CONFLICT (field, md5(value), main, slot) DO UPDATE SET n = c.n + excluded.n;
            RETURN NULL;
        END $body$;
        -- a statement's deleted events (an article's cascade included) taken off
        CREATE FUNCTION event_name_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            INSERT INTO event_name_counts AS c
            SELECT field, value, main, pg_backend_pid() % 8, SUM(n) FROM (
                SELECT 'actor' AS field, actor_search AS value, main, -1 AS n FROM deleted WHERE actor_search <> ''
                UNION ALL SELECT 'place', place_search, main, -1 FROM deleted WHERE place_search <> '') changed
            GROUP BY field, value, main HAVING SUM(n) <> 0
            ORDER BY field, md5(value), main
            ON CONFLICT (field, md5(value), main, slot) DO UPDATE SET n = c.n + excluded.n;
            RETURN NULL;
        END $body$;
        -- an update (none in the store's own code) moves its rows from their old texts and main to the new
        CREATE FUNCTION event_name_counts_updated() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            INSERT INTO event_name_counts AS c
            SELECT field, value, main, pg_backend_pid() % 8, SUM(n) FROM (
                SELECT 'actor' AS field, actor_search AS value, main, 1 AS n FROM inserted WHERE actor_search <> ''
                UNION ALL SELECT 'place', place_search, main, 1 FROM inserted WHERE place_search <> ''
                UNION ALL SELECT 'actor', actor_search, main, -1 FROM deleted WHERE actor_search <> ''
                UNION ALL SELECT 'place', place_search, main, -1 FROM deleted WHERE place_search <> '') changed
            GROUP BY field, value, main HAVING SUM(n) <> 0
            ORDER BY field, md5(value), main
            ON CONFLICT (field, md5(value), main, slot) DO UPDATE SET n = c.n + excluded.n;
            RETURN NULL;
        END $body$;
        CREATE FUNCTION event_name_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            DELETE FROM event_name_counts;
            RETURN NULL;
        END $body$;

        CREATE TRIGGER events_names_in AFTER INSERT ON events REFERENCING NEW TABLE AS inserted
            FOR EACH STATEMENT EXECUTE FUNCTION event_name_counts_inserted();
        CREATE TRIGGER events_names_out AFTER DELETE ON events REFERENCING OLD TABLE AS deleted
            FOR EACH STATEMENT EXECUTE FUNCTION event_name_counts_deleted();
        CREATE TRIGGER events_names_changed AFTER UPDATE ON events REFERENCING OLD TABLE AS deleted NEW TABLE AS inserted
            FOR EACH STATEMENT EXECUTE FUNCTION event_name_counts_updated();
        CREATE TRIGGER events_names_truncated AFTER TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION event_name_counts_truncated();
        """;
}
