namespace Dragoman.Storage.Postgres;

/// <summary>
/// The store's row counts on PostgreSQL (schema version 19): <c>COUNT(*)</c> of articles, events and entities read every
/// row of the three tables (552-707 ms at 1M events, growing with the store; docs/benchmarks.md, "pg1m17"), where SQLite
/// counts its b-trees' pages. Statement triggers add the rows each statement inserts or deletes (a cascade from articles
/// included) to the counts, in the statement's own transaction, so a reader sees the counts of the rows it can see.
/// Each table's count is split over a few rows chosen by the server process, so that writers storing at once seldom
/// wait on each other's row until commit; a read sums them.
/// </summary>
internal static class PostgresCountsSchema
{
    public const string Sql = """
        CREATE TABLE table_counts (
            name text COLLATE "C" NOT NULL,
            slot int NOT NULL,
            n bigint NOT NULL,
            PRIMARY KEY (name, slot)
        );
        INSERT INTO table_counts
            SELECT 'articles', 0, COUNT(*) FROM articles UNION ALL
            SELECT 'events', 0, COUNT(*) FROM events UNION ALL
            SELECT 'entities', 0, COUNT(*) FROM entities;

        CREATE FUNCTION table_counts_inserted() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            INSERT INTO table_counts AS c SELECT TG_TABLE_NAME, pg_backend_pid() % 8, COUNT(*) FROM inserted HAVING COUNT(*) > 0
                ON CONFLICT (name, slot) DO UPDATE SET n = c.n + excluded.n;
            RETURN NULL;
        END $body$;
        CREATE FUNCTION table_counts_deleted() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            INSERT INTO table_counts AS c SELECT TG_TABLE_NAME, pg_backend_pid() % 8, -COUNT(*) FROM deleted HAVING COUNT(*) > 0
                ON CONFLICT (name, slot) DO UPDATE SET n = c.n + excluded.n;
            RETURN NULL;
        END $body$;
        CREATE FUNCTION table_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            DELETE FROM table_counts WHERE name = TG_TABLE_NAME;
            RETURN NULL;
        END $body$;

        CREATE TRIGGER articles_counted_in AFTER INSERT ON articles REFERENCING NEW TABLE AS inserted
            FOR EACH STATEMENT EXECUTE FUNCTION table_counts_inserted();
        CREATE TRIGGER articles_counted_out AFTER DELETE ON articles REFERENCING OLD TABLE AS deleted
            FOR EACH STATEMENT EXECUTE FUNCTION table_counts_deleted();
        CREATE TRIGGER articles_counted_truncated AFTER TRUNCATE ON articles FOR EACH STATEMENT EXECUTE FUNCTION table_counts_truncated();
        CREATE TRIGGER events_counted_in AFTER INSERT ON events REFERENCING NEW TABLE AS inserted
            FOR EACH STATEMENT EXECUTE FUNCTION table_counts_inserted();
        CREATE TRIGGER events_counted_out AFTER DELETE ON events REFERENCING OLD TABLE AS deleted
            FOR EACH STATEMENT EXECUTE FUNCTION table_counts_deleted();
        CREATE TRIGGER events_counted_truncated AFTER TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION table_counts_truncated();
        CREATE TRIGGER entities_counted_in AFTER INSERT ON entities REFERENCING NEW TABLE AS inserted
            FOR EACH STATEMENT EXECUTE FUNCTION table_counts_inserted();
        CREATE TRIGGER entities_counted_out AFTER DELETE ON entities REFERENCING OLD TABLE AS deleted
            FOR EACH STATEMENT EXECUTE FUNCTION table_counts_deleted();
        CREATE TRIGGER entities_counted_truncated AFTER TRUNCATE ON entities FOR EACH STATEMENT EXECUTE FUNCTION table_counts_truncated();
        """;

    /// <summary>The three counts: articles, events, entities.</summary>
    public const string ReadSql = """
        SELECT COALESCE(SUM(n) FILTER (WHERE name = 'articles'), 0)::bigint, COALESCE(SUM(n) FILTER (WHERE name = 'events'), 0)::bigint,
               COALESCE(SUM(n) FILTER (WHERE name = 'entities'), 0)::bigint FROM table_counts
        """;
}
