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

    protected override IEventStore OpenStoreAt(string location, int version) => SqliteEventStore.Open(location, null, targetVersion: version);

    protected override void Execute(string location, string sql) => Sql(location, sql);

    protected override List<string> Rows(string location, string sql) => RowsOf(location, sql);

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

    /// <summary>Edits of the fixtures' events and articles that reach every branch of the date keys' COALESCE.</summary>
    public static TheoryData<string, string> DateKeyCases() => new()
    {
        { "times", "both times: start and end" },
        { "start-only", "an event with a start and no end: both keys are its start" },
        { "end-only", "an event with an end and no start: both keys are its end" },
        { "no-time", "an event without a time: its article's date" },
        { "undated", "neither a time nor an article date: empty keys" },
    };

    [Theory]
    [MemberData(nameof(DateKeyCases))]
    public void The_date_keys_the_writer_binds_equal_those_the_trigger_computed(string edit, string reason)
    {
        // Schema 20: the writer binds date_lo/date_hi with the row and the trigger fires only for a row without them.
        // At schema 19 the trigger overwrote every row, so equal keys mean the writer computes what the trigger did.
        Action<System.Text.Json.Nodes.JsonObject> change = edit switch
        {
            "times" => _ => { },
            "start-only" => j => EachTime(j, t => t.Remove("end")),
            "end-only" => j => EachTime(j, t => t.Remove("start")),
            "no-time" => j => EachEvent(j, e => e.Remove("time")),
            _ => j => { EachEvent(j, e => e.Remove("time")); j["article"]!.AsObject().Remove("published"); },
        };
        var docs = StoreFixtures.Corpus().Select(d => StoreFixtures.Copy(d, edit, change)).ToList();
        var keys = new Dictionary<int, List<string>>();
        foreach (var version in new[] { 19, SqliteMigrations.Latest })
        {
            var path = NewLocation();
            using (var store = SqliteEventStore.Open(path, null, targetVersion: version))
            {
                // version 19 has no source_chain nor fatalities (schema 23), which this build's writer fills
                if (version < 23) Sql(path, "ALTER TABLE events ADD COLUMN source_chain TEXT; ALTER TABLE events ADD COLUMN fatalities INTEGER");
                store.Add(docs);
            }
            keys[version] = RowsOf(path, "SELECT a.hash || ' ' || e.event_id || ' ' || e.date_lo || ' ' || e.date_hi FROM events e JOIN articles a ON a.id = e.article_id ORDER BY 1");
        }
        Assert.True(keys[19].Count > 2, reason + ": the corpus has events");
        Assert.Equal(keys[19], keys[SqliteMigrations.Latest]);
        if (edit == "undated") Assert.All(keys[19], k => Assert.EndsWith("  ", k, StringComparison.Ordinal));
        else Assert.DoesNotContain(keys[19], k => k.EndsWith("  ", StringComparison.Ordinal));
    }

    [Fact]
    public void An_event_stored_without_date_keys_still_gets_them_from_the_trigger()
    {
        // A row written by another client (or an older writer) that leaves date_lo at its default: the trigger fills it.
        var path = NewLocation();
        CreateLegacyStore(path);
        using (SqliteEventStore.Open(path)) { }
        Sql(path, "INSERT INTO events(article_id, event_id, ordinal, action, time_start, modality) VALUES (1, 'raw1', 2, 'attack', '2020-05-06', 'asserted')");
        Sql(path, "INSERT INTO events(article_id, event_id, ordinal, action, modality) VALUES (1, 'raw2', 3, 'attack', 'asserted')");
        Assert.Equal(["raw1 2020-05-06 2020-05-06", $"raw2 {Legacy.Published} {Legacy.Published}"],
            RowsOf(path, "SELECT event_id || ' ' || date_lo || ' ' || date_hi FROM events WHERE event_id LIKE 'raw%' ORDER BY event_id"));
    }

    private static void EachEvent(System.Text.Json.Nodes.JsonObject doc, Action<System.Text.Json.Nodes.JsonObject> edit)
    {
        foreach (var e in doc["events"]?.AsArray() ?? []) if (e is System.Text.Json.Nodes.JsonObject o) edit(o);
    }

    private static void EachTime(System.Text.Json.Nodes.JsonObject doc, Action<System.Text.Json.Nodes.JsonObject> edit) =>
        EachEvent(doc, e => { if (e["time"] is System.Text.Json.Nodes.JsonObject t) edit(t); });

    private static List<string> RowsOf(string path, string sql)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read()) rows.Add(r.GetString(0));
        return rows;
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
        Sql(migrated, "ALTER TABLE events ADD COLUMN source_chain TEXT; ALTER TABLE events ADD COLUMN fatalities INTEGER"); // schema 23
        using (var old = SqliteEventStore.Open(migrated, null, targetVersion: 6)) old.Add(StoreFixtures.Corpus());
        Sql(migrated, "ALTER TABLE events DROP COLUMN actor_implied");
        Sql(migrated, "ALTER TABLE events DROP COLUMN target_convention");
        Sql(migrated, "ALTER TABLE events DROP COLUMN source_chain; ALTER TABLE events DROP COLUMN fatalities");
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

    [Theory]
    [InlineData("actor_text", "say \"no\" \\ then\nleave\t", "quotes, a backslash, a newline and a tab: read back as written")]
    [InlineData("place_name", "\u015eanl\u0131urfa \u2014 \U0001F54C", "non-ASCII letters, a dash and a surrogate pair")]
    [InlineData("geonameid", "0123", "digits as text keep their leading zero")]
    [InlineData("trigger_text", null, "NULL stays null")]
    [InlineData("time_text", "", "an empty text stays empty, not null")]
    [InlineData("title", "\u0001 control", "a control character (the article's column)")]
    public void The_event_read_gives_each_text_as_stored(string column, string? value, string reason)
    {
        var path = NewLocation();
        using (var store = SqliteEventStore.Open(path)) store.Add(StoreFixtures.Corpus());
        using (var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = column == "title" ? "UPDATE articles SET title = $v" : $"UPDATE events SET {column} = $v";
            cmd.Parameters.AddWithValue("$v", (object?)value ?? DBNull.Value);
            Assert.True(cmd.ExecuteNonQuery() > 0, reason);
        }
        using var reopened = SqliteEventStore.Open(path);
        var events = reopened.QueryEvents(new EventQuery { All = true }).Value!;
        Assert.NotEmpty(events);
        foreach (var e in events)
        {
            string? read = column switch
            {
                "actor_text" => e.Actor, "place_name" => e.PlaceName, "geonameid" => e.GeonameId,
                "trigger_text" => e.Trigger, "time_text" => e.TimeText, _ => e.ArticleTitle,
            };
            Assert.True(read == value, $"{reason}: read {read ?? "null"}");
        }
    }
}
