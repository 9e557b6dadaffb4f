using System.Globalization;
using Dragoman.Storage;
using Dragoman.Storage.Postgres;
using Npgsql;

namespace Dragoman.Tests.Storage;

/// <summary>
/// The server the PostgreSQL tests use: DRAGOMAN_TEST_POSTGRES, a connection string (.ci/run starts a private cluster and
/// sets it). Each store lives in its own schema, dropped afterwards. Without the variable the tests skip, saying why.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "DRAGOMAN_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    public static void SkipUnlessConfigured() =>
        Skip.If(ConnectionString is null, $"{Variable} is not set: no PostgreSQL server to test against (.ci/run starts one; see README)");

    private static readonly Lazy<bool> Extensions = new(() =>
    {
        using var db = new NpgsqlConnection(ConnectionString);
        db.Open();
        using var cmd = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public; CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public", db);
        cmd.ExecuteNonQuery();
        return true;
    });

    /// <summary>A new, empty schema; the connection string that works in it (PostGIS from public).</summary>
    public static string NewSchema(List<string> created)
    {
        SkipUnlessConfigured();
        _ = Extensions.Value;
        var schema = "t_" + Guid.NewGuid().ToString("N")[..16];
        Admin($"CREATE SCHEMA {schema}");
        created.Add(schema);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema + ",public" }.ConnectionString;
    }

    public static void DropSchemas(List<string> created)
    {
        foreach (var s in created)
            try { Admin($"DROP SCHEMA {s} CASCADE"); } catch (NpgsqlException) { }
    }

    public static void Admin(string sql, string? connectionString = null)
    {
        using var db = new NpgsqlConnection(connectionString ?? ConnectionString);
        db.Open();
        using var cmd = new NpgsqlCommand(sql, db);
        cmd.ExecuteNonQuery();
    }
}

/// <summary>The store contract, run against the PostgreSQL provider, one schema per store.</summary>
public sealed class PostgresEventStoreTests : EventStoreContract
{
    private readonly List<string> _schemas = [];

    protected override string NewLocation() => TestPostgres.NewSchema(_schemas);

    protected override IEventStore OpenStore(string location) => PostgresEventStore.Open(location);

    protected override IEventStore OpenStoreAt(string location, int version) => PostgresEventStore.Open(location, null, targetVersion: version);

    protected override void Execute(string location, string sql) => TestPostgres.Admin(sql, location);

    protected override List<string> Rows(string location, string sql)
    {
        using var db = new NpgsqlConnection(location);
        db.Open();
        using var cmd = new NpgsqlCommand(sql, db);
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add(r.GetString(0));
        return rows;
    }

    protected override void CreateLegacyStore(string location)
    {
        using (var old = PostgresEventStore.Open(location, null, targetVersion: 1))
            Assert.Equal(1, old.SchemaVersion);
        using var db = new NpgsqlConnection(location);
        db.Open();
        using var cmd = new NpgsqlCommand("""
            INSERT INTO articles(id, hash, uri, title, published, text, document, ingested_at)
            VALUES (1, @p1, 'test:legacy', @p2, @p3, @p4, @p5, '2020-01-01T00:00:00Z');
            INSERT INTO events(article_id, event_id, ordinal, action, lat, lon, modality) VALUES (1, @p6, 1, @p7, @p8, @p9, 'asserted');
            SELECT setval(pg_get_serial_sequence('articles', 'id'), 1);
            """, db);
        object[] values = [Legacy.Hash, Legacy.Title, Legacy.Published, Legacy.Text,
            DocumentPacking.Pack(Legacy.Document.ToJsonString()), Legacy.EventId, Legacy.Action, Legacy.Lat, Legacy.Lon];
        for (int i = 0; i < values.Length; i++) cmd.Parameters.AddWithValue($"p{i + 1}", values[i]);
        cmd.ExecuteNonQuery();
    }

    public override void Dispose()
    {
        base.Dispose();
        TestPostgres.DropSchemas(_schemas);
    }

    [SkippableFact]
    public void Every_schema_version_is_recorded_and_a_newer_database_is_refused()
    {
        var location = NewLocation();
        using (var store = PostgresEventStore.Open(location)) Assert.Equal(PostgresMigrations.Latest, store.SchemaVersion);
        using (var db = new NpgsqlConnection(location))
        {
            db.Open();
            using var cmd = new NpgsqlCommand("SELECT string_agg(version::text, ',' ORDER BY version) FROM schema_version", db);
            var expected = string.Join(',', PostgresMigrations.All.Select(m => m.Version.ToString(CultureInfo.InvariantCulture)));
            Assert.Equal(expected, cmd.ExecuteScalar() as string);
        }
        TestPostgres.Admin("INSERT INTO schema_version VALUES (999, 'from the future', '2030-01-01T00:00:00Z')", location);
        var ex = Assert.Throws<InvalidOperationException>(() => PostgresEventStore.Open(location));
        Assert.Contains("newer", ex.Message);
    }

    [SkippableFact]
    public void Writers_opening_and_storing_at_once_migrate_once_and_store_each_article_once()
    {
        var location = NewLocation();
        var outcomes = new List<AddOutcome>[4];
        Parallel.For(0, 4, i =>
        {
            using var store = PostgresEventStore.Open(location);
            outcomes[i] = [.. store.Add([StoreFixtures.Release(), StoreFixtures.Clash(), StoreFixtures.Soap()])];
        });
        using var check = PostgresEventStore.Open(location);
        Assert.Equal(new StoreCounts(3, 4, 5), check.Counts());
        Assert.Equal(3, outcomes.SelectMany(o => o).Count(o => o.Status == AddStatus.Stored));
        Assert.All(outcomes.SelectMany(o => o), o => Assert.NotNull(o.ArticleId));
    }

    /// <summary>A fresh store holding three fixtures, <paramref name="change"/> run on it as the admin, the first fixture added again; and a connection to it.</summary>
    private PostgresEventStore StoredThenChanged(string change, out NpgsqlConnection db)
    {
        var location = NewLocation();
        var store = PostgresEventStore.Open(location);
        store.Add([StoreFixtures.Release(), StoreFixtures.Clash(), StoreFixtures.Soap()]);
        if (change.Length > 0) TestPostgres.Admin(change, location);
        store.Add([StoreFixtures.Release()]);  // a duplicate after a delete is stored again; otherwise refused
        db = new NpgsqlConnection(location);
        db.Open();
        return store;
    }

    // The counts of schema 19 are kept by statement triggers; each case changes the rows another way and the counts must
    // still be what COUNT(*) gives.
    [SkippableTheory]
    [InlineData("", "stored by the writer: the writer's statements are counted")]
    [InlineData("DELETE FROM articles WHERE id = (SELECT MIN(id) FROM articles)", "an article deleted: its events and entities go by cascade, which the triggers count too")]
    [InlineData("DELETE FROM events WHERE ordinal = 1", "events deleted alone, several in one statement")]
    [InlineData("TRUNCATE articles CASCADE", "truncated: no row trigger fires, the truncate trigger clears the counts")]
    public void The_kept_counts_are_what_counting_every_row_gives(string change, string why)
    {
        using var store = StoredThenChanged(change, out var db);
        using var _ = db;
        using var cmd = new NpgsqlCommand("SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM entities)", db);
        using var r = cmd.ExecuteReader();
        r.Read();
        Assert.True(new StoreCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2)) == store.Counts(), why);
    }

    // The name counts of schema 22 are kept by statement triggers; each case changes the events another way and every
    // text's count must still be what grouping the events gives, and a name's count what the listing's LIKE counts.
    [SkippableTheory]
    [InlineData("", "stored by the writer: the writer's statements are counted")]
    [InlineData("DELETE FROM articles WHERE id = (SELECT MIN(id) FROM articles)", "an article deleted: its events go by cascade")]
    [InlineData("DELETE FROM events WHERE ordinal = 1", "events deleted alone, several in one statement")]
    [InlineData("UPDATE events SET main = NOT main WHERE ordinal = 1", "main changed: the rows move between main and not")]
    [InlineData("UPDATE events SET actor_search = 'someone else', place_search = '' WHERE ordinal = 1", "texts changed: the counts move to the new text, an emptied one leaves")]
    [InlineData("TRUNCATE articles CASCADE", "truncated: the truncate trigger clears the counts")]
    public void The_kept_name_counts_are_what_grouping_the_events_gives(string change, string why)
    {
        using var store = StoredThenChanged(change, out var db);
        using var _ = db;
        List<string> Rows(string sql)
        {
            using var cmd = new NpgsqlCommand(sql, db);
            using var r = cmd.ExecuteReader();
            var rows = new List<string>();
            while (r.Read()) rows.Add($"{r.GetString(0)}|{r.GetString(1)}|{r.GetBoolean(2)}|{r.GetInt64(3)}");
            return rows;
        }
        var kept = Rows("SELECT field, value, main, SUM(n)::bigint FROM event_name_counts GROUP BY 1, 2, 3 HAVING SUM(n) <> 0 ORDER BY 1, 2, 3");
        var counted = Rows("""
            SELECT * FROM (SELECT 'actor' AS f, actor_search AS v, main, COUNT(*) FROM events WHERE actor_search <> '' GROUP BY 2, 3
            UNION ALL SELECT 'place', place_search, main, COUNT(*) FROM events WHERE place_search <> '' GROUP BY 2, 3) c ORDER BY 1, 2, 3
            """);
        Assert.True(kept.SequenceEqual(counted), $"{why}: kept [{string.Join("; ", kept)}], counted [{string.Join("; ", counted)}]");
        Assert.True(change.StartsWith("TRUNCATE", StringComparison.Ordinal) || kept.Count > 2, why + ": too few texts to compare");
        foreach (var q in new[] { new EventQuery { Actor = "i" }, new EventQuery { Actor = "i", All = true }, new EventQuery { Place = "a", All = true } })
            Assert.Equal(store.QueryEvents(q with { Limit = 1000 }).Value!.Count, store.CountEvents(q, 1000).Value);
    }

    [SkippableFact]
    public void A_document_the_server_refuses_fails_alone_and_the_batch_goes_on()
    {
        using var store = PostgresEventStore.Open(NewLocation());
        var bad = StoreFixtures.Soap();
        bad.Json["article"]!["text"] = "A NUL \0 character PostgreSQL text cannot hold";
        var outcomes = store.Add([StoreFixtures.Release(), bad, StoreFixtures.Clash()]);
        Assert.Equal([AddStatus.Stored, AddStatus.Failed, AddStatus.Stored], outcomes.Select(o => o.Status));
        Assert.Contains("0x00", outcomes[1].Error);
        Assert.Equal(2, store.Counts().Articles);
    }

    [SkippableFact]
    public void Writers_storing_at_once_add_up_the_panel_counts_without_deadlock()
    {
        // 4 writers, 6 batches each of 3 new articles naming the same actors and places: every writer's statement locks
        // the shared rows, so this finds a lock order that deadlocks (the server would abort one writer's batch).
        var location = NewLocation();
        Parallel.For(0, 4, w =>
        {
            using var store = PostgresEventStore.Open(location);
            for (int b = 0; b < 6; b++)
            {
                var outcomes = store.Add([.. Enumerable.Range(0, 3).Select(i => StoreFixtures.Copy(
                    i % 2 == 0 ? StoreFixtures.Release() : StoreFixtures.Clash(), $"w{w}b{b}i{i}"))]);
                Assert.All(outcomes, o => Assert.Equal(AddStatus.Stored, o.Status));
            }
        });
        using var check = PostgresEventStore.Open(location);
        // 72 articles: 48 copies of the release (2 actors, Daraa and Jabab), 24 of the clash (Idlib)
        Assert.Equal(["Air Force Intelligence 48/48", "Islamic State 48/48"], check.ListActors().Select(a => $"{a.Name} {a.Articles}/{a.Events}"));
        Assert.Equal(["Daraa 48/48", "Jabab 48/48", "Idlib 24/24"], check.ListPlaces().Select(p => $"{p.Name} {p.Articles}/{p.Events}"));
    }

    [SkippableFact]
    public void A_store_written_before_the_panel_tables_gets_its_counts_from_the_migration()
    {
        var before = NewLocation();
        using (var old = PostgresEventStore.Open(before, null, targetVersion: 7))
        {
            // version 7's writer kept no counts: a do-nothing stand-in for the function lets this build's writer store at 7
            // (and a stand-in for schema 11's date_hi column, which it fills)
            TestPostgres.Admin("CREATE FUNCTION panel_counts_add(ids bigint[]) RETURNS void LANGUAGE sql AS 'SELECT'", before);
            TestPostgres.Admin("ALTER TABLE events ADD COLUMN date_hi text", before);
            TestPostgres.Admin("ALTER TABLE events ADD COLUMN actor_implied boolean NOT NULL DEFAULT false", before);
            TestPostgres.Admin("ALTER TABLE events ADD COLUMN target_convention boolean NOT NULL DEFAULT false", before);
            TestPostgres.Admin("ALTER TABLE events ADD COLUMN source_chain text; ALTER TABLE events ADD COLUMN fatalities integer", before); // schema 23
            old.Add([StoreFixtures.Release(), StoreFixtures.Clash(), StoreFixtures.Copy(StoreFixtures.Release(), "again")]);
            TestPostgres.Admin("DROP FUNCTION panel_counts_add(bigint[])", before);
            TestPostgres.Admin("ALTER TABLE events DROP COLUMN date_hi", before);
            TestPostgres.Admin("ALTER TABLE events DROP COLUMN actor_implied", before);
            TestPostgres.Admin("ALTER TABLE events DROP COLUMN target_convention", before);
            TestPostgres.Admin("ALTER TABLE events DROP COLUMN source_chain; ALTER TABLE events DROP COLUMN fatalities", before);
        }
        using var migrated = PostgresEventStore.Open(before);
        using var fresh = PostgresEventStore.Open(NewLocation());
        fresh.Add([StoreFixtures.Release(), StoreFixtures.Clash(), StoreFixtures.Copy(StoreFixtures.Release(), "again")]);
        Assert.Equal(fresh.ListActors(), migrated.ListActors());
        Assert.Equal(fresh.ListPlaces(), migrated.ListPlaces());
        Assert.Equal(2, migrated.ListActors("air force").Single().Articles);
    }

    [SkippableFact]
    public void A_store_written_before_the_stored_end_date_gets_it_from_the_migration()
    {
        // schema 11 fills date_hi from the event's end, else its start, else the article's date: --from lists the same
        // events on a migrated store as on a fresh one (the clash has no time of its own: its article's date)
        var before = NewLocation();
        var corpus = new[] { StoreFixtures.Release(), StoreFixtures.Clash() };
        using (var old = PostgresEventStore.Open(before, null, targetVersion: 10))
        {
            // version 10 has no date_hi (schema 11) nor actor_implied (schema 14) nor target_convention (schema 15) column: this build's writer fills them, so the
            // test stores the rows, then removes them
            TestPostgres.Admin("ALTER TABLE events ADD COLUMN date_hi text", before);
            TestPostgres.Admin("ALTER TABLE events ADD COLUMN actor_implied boolean NOT NULL DEFAULT false", before);
            TestPostgres.Admin("ALTER TABLE events ADD COLUMN target_convention boolean NOT NULL DEFAULT false", before);
            TestPostgres.Admin("ALTER TABLE events ADD COLUMN source_chain text; ALTER TABLE events ADD COLUMN fatalities integer", before); // schema 23
            old.Add(corpus);
            TestPostgres.Admin("ALTER TABLE events DROP COLUMN date_hi", before);
            TestPostgres.Admin("ALTER TABLE events DROP COLUMN actor_implied", before);
            TestPostgres.Admin("ALTER TABLE events DROP COLUMN target_convention", before);
            TestPostgres.Admin("ALTER TABLE events DROP COLUMN source_chain; ALTER TABLE events DROP COLUMN fatalities", before);
        }
        using var migrated = PostgresEventStore.Open(before);
        using var fresh = PostgresEventStore.Open(NewLocation());
        fresh.Add(corpus);
        foreach (var from in new[] { new DateOnly(2018, 1, 1), new DateOnly(2019, 1, 1), new DateOnly(2019, 2, 7), new DateOnly(2030, 1, 1) })
        {
            string Listed(PostgresEventStore s) => string.Join(" ", s.QueryEvents(new EventQuery { From = from, All = true }).Value!.Select(e => $"{e.ArticleTitle}/{e.EventId}").Order(StringComparer.Ordinal));
            Assert.Equal(Listed(fresh), Listed(migrated));
        }
        Assert.NotEmpty(migrated.QueryEvents(new EventQuery { From = new DateOnly(2018, 1, 1), All = true }).Value!);
    }

    /// <summary>The rows of incident_report_name_days, one text each, in order.</summary>
    private static List<string> NameDayRows(string location)
    {
        using var db = new NpgsqlConnection(location);
        db.Open();
        using var cmd = new NpgsqlCommand("SELECT concat_ws(' ', family, country, name, day, article_id, event_id) FROM incident_report_name_days ORDER BY 1", db);
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add(r.GetString(0));
        return rows;
    }

    [SkippableFact]
    public void Migration_24_fills_the_name_days_of_the_undated_reports_stored_before_as_the_writer_does()
    {
        // An undated page naming the strike's day and mall, stored by this build; then the table and version 24 removed, as
        // a store of schema 23 has them: the migration's rows are the writer's, and the strike stored after it joins the page.
        var undated = Merge.MergeFixtures.UndatedStrike("Wire Four", Merge.MergeFixtures.KremenchukOutskirts, Merge.MergeFixtures.StrikeDay, "Amstor");
        var before = NewLocation();
        using (var old = PostgresEventStore.Open(before)) old.Add([undated]);
        var written = NameDayRows(before);
        Assert.NotEmpty(written);
        // (schema 25's objects removed too, so that its migration runs again after 24's)
        TestPostgres.Admin("DROP TABLE incident_report_name_days; DROP TABLE event_cells; DROP FUNCTION articles_ranked_newest; " +
            "DROP FUNCTION event_cells_inserted, event_cells_deleted, event_cells_updated, event_cells_truncated CASCADE; DELETE FROM schema_version WHERE version >= 24", before);
        using var migrated = PostgresEventStore.Open(before);
        Assert.Equal(written, NameDayRows(before));
        migrated.Add(Merge.MergeFixtures.TwoStrikes());
        string partition = Merge.IncidentStoreContract<Merge.PostgresStores>.Partition(migrated);
        Assert.True(partition.Split(" | ").Single(g => g.Contains("undated", StringComparison.Ordinal)).Contains(',', StringComparison.Ordinal), partition);
    }

    [Fact]
    public void Migration_steps_are_numbered_one_up_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, PostgresMigrations.All.Length), PostgresMigrations.All.Select(m => m.Version));
    }
}
