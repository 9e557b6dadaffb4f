namespace Dragoman.Storage.Postgres;

/// <summary>
/// The located events of each cell of the map grid (schema 25; Dragoman.Storage.EventCells: row = floor((lat + 90) * 64),
/// column = floor((lon + 180) * 64)), main or not, with their coordinate sums: a viewport's clusters are the cells in
/// it, read by the key's range, whatever the number of events. The map feed at 1M events listed 5,000 rows at any zoom
/// (90-229 ms, mostly their transfer and decoding; docs/benchmarks.md, "feed21"). Kept by statement triggers in the
/// writing statement's transaction, each cell's count split over a few rows by server process and added to in key order,
/// as <see cref="PostgresNameCountsSchema"/> does. Empty cells keep a row (n 0).
/// </summary>
internal static class PostgresCellsSchema
{
    private const string Cell = "floor((least(greatest({0}.lat, -90), 90) + 90) * 64)::int, floor((least(greatest({0}.lon, -180), 180) + 180) * 64)::int";

    private static string Delta(string table, int sign) =>
        $"SELECT {string.Format(System.Globalization.CultureInfo.InvariantCulture, Cell, table)}, {table}.main, {sign}, {(sign < 0 ? "-" : "")}{table}.lat, {(sign < 0 ? "-" : "")}{table}.lon FROM {table} WHERE {table}.lat IS NOT NULL AND {table}.lon IS NOT NULL";

    private static string Apply(string changes) => $"""
            INSERT INTO event_cells AS c
            SELECT cell_row, cell_column, main, pg_backend_pid() % 8, SUM(n), SUM(lat), SUM(lon) FROM ({changes}) changed(cell_row, cell_column, main, n, lat, lon)
            GROUP BY cell_row, cell_column, main HAVING SUM(n) <> 0
            ORDER BY cell_row, cell_column, main
            ON CONFLICT (cell_row, cell_column, main, slot) DO UPDATE SET n = c.n + excluded.n, lat_sum = c.lat_sum + excluded.lat_sum, lon_sum = c.lon_sum + excluded.lon_sum;
        """;

    public static readonly string Sql = $"""
        CREATE TABLE event_cells (
            cell_row int NOT NULL,
            cell_column int NOT NULL,
            main boolean NOT NULL,
            slot int NOT NULL,
            n bigint NOT NULL,
            lat_sum double precision NOT NULL,
            lon_sum double precision NOT NULL,
            PRIMARY KEY (cell_row, cell_column, main, slot)
        );
        INSERT INTO event_cells
            SELECT {string.Format(System.Globalization.CultureInfo.InvariantCulture, Cell, "events")}, main, 0, COUNT(*), SUM(lat), SUM(lon)
            FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY 1, 2, 3;

        CREATE FUNCTION event_cells_inserted() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            {Apply(Delta("inserted", 1))}
            RETURN NULL;
        END $body$;
        CREATE FUNCTION event_cells_deleted() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            {Apply(Delta("deleted", -1))}
            RETURN NULL;
        END $body$;
        -- an update (none in the store's own code) moves its rows from their old cells and main to the new
        CREATE FUNCTION event_cells_updated() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            {Apply(Delta("inserted", 1) + " UNION ALL " + Delta("deleted", -1))}
            RETURN NULL;
        END $body$;
        CREATE FUNCTION event_cells_truncated() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
            DELETE FROM event_cells;
            RETURN NULL;
        END $body$;

        CREATE TRIGGER events_cells_in AFTER INSERT ON events REFERENCING NEW TABLE AS inserted
            FOR EACH STATEMENT EXECUTE FUNCTION event_cells_inserted();
        CREATE TRIGGER events_cells_out AFTER DELETE ON events REFERENCING OLD TABLE AS deleted
            FOR EACH STATEMENT EXECUTE FUNCTION event_cells_deleted();
        CREATE TRIGGER events_cells_changed AFTER UPDATE ON events REFERENCING OLD TABLE AS deleted NEW TABLE AS inserted
            FOR EACH STATEMENT EXECUTE FUNCTION event_cells_updated();
        CREATE TRIGGER events_cells_truncated AFTER TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION event_cells_truncated();
        """;
}
