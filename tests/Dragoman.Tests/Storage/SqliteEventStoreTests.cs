using Dragoman.Tests.Support;
using System.Globalization;
using Dragoman.Storage;
using Dragoman.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dragoman.Tests.Storage;

/// <summary>The store contract, run against the SQLite provider on temporary files.</summary>
public sealed class SqliteEventStoreTests : EventStoreContract
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-store-").FullName;
    private int _n;

    protected override string NewLocation() => Path.Combine(_dir, $"store{++_n}.db");

    protected override IEventStore OpenStore(string location) => SqliteEventStore.Open(location);

    protected override void CreateLegacyStore(string location)
    {
        using (var old = SqliteEventStore.Open(location, null, targetVersion: 1))
            Assert.Equal(1, old.SchemaVersion);
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = location, Pooling = false }.ToString());
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = """
            INSERT INTO articles(id, hash, uri, title, published, text, document, ingested_at)
            VALUES (1, $hash, 'test:legacy', $title, $published, $text, $doc, '2020-01-01T00:00:00Z');
            INSERT INTO events(article_id, event_id, ordinal, action, lat, lon, modality) VALUES (1, $ev, 1, $action, $lat, $lon, 'asserted');
            """;
        cmd.Parameters.AddWithValue("$hash", Legacy.Hash);
        cmd.Parameters.AddWithValue("$title", Legacy.Title);
        cmd.Parameters.AddWithValue("$published", Legacy.Published);
        cmd.Parameters.AddWithValue("$text", Legacy.Text);
        cmd.Parameters.AddWithValue("$doc", Legacy.Document.ToJsonString());
        cmd.Parameters.AddWithValue("$ev", Legacy.EventId);
        cmd.Parameters.AddWithValue("$action", Legacy.Action);
        cmd.Parameters.AddWithValue("$lat", Legacy.Lat);
        cmd.Parameters.AddWithValue("$lon", Legacy.Lon);
        cmd.ExecuteNonQuery();
    }

    private static void Sql(string path, string sql)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public override void Dispose()
    {
        base.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void The_file_uses_WAL_and_records_every_schema_version()
    {
        var path = NewLocation();
        using (var store = SqliteEventStore.Open(path)) Assert.Equal(SqliteMigrations.Latest, store.SchemaVersion);
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar() as string);
        cmd.CommandText = "SELECT group_concat(version) FROM (SELECT version FROM schema_version ORDER BY version)";
        var expected = string.Join(',', SqliteMigrations.All.Select(m => m.Version.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(expected, cmd.ExecuteScalar() as string);
    }

    [Fact]
    public void A_database_from_a_newer_dragoman_is_refused_with_a_clear_message()
    {
        var path = NewLocation();
        using (SqliteEventStore.Open(path)) { }
        using (var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "INSERT INTO schema_version VALUES (999, 'from the future', '2030-01-01T00:00:00Z')";
            cmd.ExecuteNonQuery();
        }
        var ex = Assert.Throws<InvalidOperationException>(() => SqliteEventStore.Open(path));
        Assert.Contains("newer", ex.Message);
    }

    [SharedFact]
    public void Lists_show_main_events_unless_asked_for_all_even_with_a_confidence()
    {
        var doc = Dragoman.Tests.Support.TestPipeline.ProcessFile(Dragoman.Tests.Support.Paths.Seed, new DateOnly(2019, 2, 10));
        var main = doc.Events.Where(e => e.Main).Select(e => e.Id).Order().ToList();
        Assert.True(main.Count > 0 && main.Count < doc.Events.Count, "the seed has main events and others");
        using var store = SqliteEventStore.Open(NewLocation());
        store.Add([StorableDocument.From(doc)]);
        List<string> Ids(EventQuery q) => store.QueryEvents(q with { Limit = 1000 }).Value!.Select(e => e.EventId).Order().ToList();
        Assert.Equal(main, Ids(new EventQuery()));
        Assert.Equal(doc.Events.Count, Ids(new EventQuery { All = true }).Count);
        Assert.Equal(main, Ids(new EventQuery { MinConfidence = 0 }));
        Assert.Equal(doc.Events.Count, Ids(new EventQuery { MinConfidence = 0, All = true }).Count);
    }

    [SharedFact]
    public void A_place_inherited_from_the_articles_focus_is_stored_as_such()
    {
        var doc = Dragoman.Tests.Support.TestPipeline.ProcessFile(Dragoman.Tests.Support.Paths.Seed, new DateOnly(2019, 2, 10));
        var inherited = doc.Events.Where(e => e.Place?.Inherited == true).Select(e => e.Id).ToHashSet();
        var named = doc.Events.Where(e => e.Place is { Inherited: false }).Select(e => e.Id).ToHashSet();
        Assert.True(inherited.Count > 0, "the seed has events whose sentence names no place");
        using var store = SqliteEventStore.Open(NewLocation());
        store.Add([StorableDocument.From(doc)]);
        var events = store.QueryEvents(new EventQuery { Limit = 1000, All = true }).Value!;
        Assert.Equal(inherited.Order(), events.Where(e => e.PlaceInherited).Select(e => e.EventId).Order());
        Assert.All(events.Where(e => named.Contains(e.EventId)), e => Assert.False(e.PlaceInherited, $"{e.EventId} names its place"));
    }

    [Fact]
    public void Migration_steps_are_numbered_one_up_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, SqliteMigrations.All.Length), SqliteMigrations.All.Select(m => m.Version));
    }

    [Fact]
    public void Paging_by_cursor_lists_the_same_events_as_paging_by_offset()
    {
        using var store = SqliteEventStore.Open(NewLocation());
        store.Add(StoreFixtures.Corpus());
        var all = store.QueryEvents(new EventQuery { Limit = 1000 }).Value!.Select(e => e.Key).ToList();
        Assert.True(all.Count > 2, "the corpus has several events");
        var byOffset = Enumerable.Range(0, all.Count).Select(i => store.QueryEvents(new EventQuery { Limit = 1, Offset = i }).Value!.Single().Key).ToList();
        var byCursor = new List<string>();
        EventCursor? after = null;
        for (int i = 0; i < all.Count + 1; i++)
        {
            var page = store.QueryEvents(new EventQuery { Limit = 1, After = after }).Value!;
            if (page.Count == 0) break;
            byCursor.Add(page[0].Key);
            after = EventCursor.Of(page[0]);
        }
        Assert.Equal(all, byOffset);
        Assert.Equal(all, byCursor);
        Assert.False(store.QueryEvents(new EventQuery { After = new EventCursor(99, "ev1") }).IsOk, "a cursor naming no event is an error, not an empty page");
    }

    [Fact]
    public void The_panels_of_a_migrated_store_equal_those_kept_by_the_triggers()
    {
        // Version 7 backfills the panel tables from the rows stored before; from then on triggers keep them. Both must agree.
        var migrated = NewLocation();
        // version 6 has no actor_implied (schema 16) nor target_convention (17) column: this build's writer fills them, so the test adds them for the
        // writing and removes it before the migration
        using (SqliteEventStore.Open(migrated, null, targetVersion: 6)) { }
        Sql(migrated, "ALTER TABLE events ADD COLUMN actor_implied INTEGER NOT NULL DEFAULT 0");
        Sql(migrated, "ALTER TABLE events ADD COLUMN target_convention INTEGER NOT NULL DEFAULT 0");
        using (var old = SqliteEventStore.Open(migrated, null, targetVersion: 6)) old.Add(StoreFixtures.Corpus());
        Sql(migrated, "ALTER TABLE events DROP COLUMN actor_implied");
        Sql(migrated, "ALTER TABLE events DROP COLUMN target_convention");
        using var fresh = SqliteEventStore.Open(NewLocation());
        fresh.Add(StoreFixtures.Corpus());
        using var reopened = SqliteEventStore.Open(migrated);
        Assert.Equal(SqliteMigrations.Latest, reopened.SchemaVersion);
        Assert.NotEmpty(fresh.ListActors());
        Assert.NotEmpty(fresh.ListPlaces());
        Assert.Equal(fresh.ListActors(), reopened.ListActors());
        Assert.Equal(fresh.ListPlaces(), reopened.ListPlaces());
        Assert.Equal(fresh.QueryEvents(new EventQuery { To = new DateOnly(2019, 12, 31) }).Value!.Select(e => e.Key),
            reopened.QueryEvents(new EventQuery { To = new DateOnly(2019, 12, 31) }).Value!.Select(e => e.Key));
    }
}
