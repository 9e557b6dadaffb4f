using System.Text.Json.Nodes;
using Dragoman.Storage;
using static Dragoman.Tests.Storage.StoreFixtures;

namespace Dragoman.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IEventStore"/> provider must have. A provider's test class derives from this and
/// says how to open a fresh store and how to build one at its oldest schema version; xunit runs every test below for it.
/// </summary>
public abstract class EventStoreContract : IDisposable
{
    private readonly List<IEventStore> _opened = [];

    /// <summary>A location (file, database name) no test has used.</summary>
    protected abstract string NewLocation();

    /// <summary>Opens (creating when needed) the store at <paramref name="location"/>, migrated to the latest schema.</summary>
    protected abstract IEventStore OpenStore(string location);

    /// <summary>
    /// Creates a store at <paramref name="location"/> at the provider's OLDEST schema version holding
    /// <see cref="Legacy"/> (one article, one event with coordinates) written with that version's own statements.
    /// The test then opens it with <see cref="OpenStore"/>, which must migrate it forward.
    /// </summary>
    protected abstract void CreateLegacyStore(string location);

    /// <summary>Opens the store at <paramref name="location"/> migrated up to <paramref name="version"/> only.</summary>
    protected abstract IEventStore OpenStoreAt(string location, int version);

    /// <summary>Runs <paramref name="sql"/> (the same text in both dialects) on the store at <paramref name="location"/>, outside it.</summary>
    protected abstract void Execute(string location, string sql);

    /// <summary>The first column of <paramref name="sql"/>'s rows, as text.</summary>
    protected abstract List<string> Rows(string location, string sql);

    /// <summary>What <see cref="CreateLegacyStore"/> writes.</summary>
    public static class Legacy
    {
        public const string Hash = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        public const string Title = "Legacy article";
        public const string Text = "Legacy article\n\nA convoy was ambushed near Palmyra in the desert.";
        public const string Published = "2015-05-20";
        public const string EventId = "ev1";
        public const string Action = "attack";
        public const double Lat = 34.5604, Lon = 38.2672;
        public static readonly JsonObject Document = new()
        {
            ["schema"] = "1",
            ["article"] = new JsonObject { ["uri"] = "test:legacy", ["hash"] = Hash, ["title"] = Title, ["published"] = Published, ["text"] = Text },
            ["entities"] = new JsonArray(),
            ["events"] = new JsonArray(new JsonObject { ["id"] = EventId, ["action"] = Action }),
        };
    }

    protected IEventStore Open(string? location = null)
    {
        var store = OpenStore(location ?? NewLocation());
        _opened.Add(store);
        return store;
    }

    protected IEventStore OpenWithCorpus()
    {
        var store = Open();
        var outcomes = store.Add(Corpus());
        Assert.All(outcomes, o => Assert.Equal(AddStatus.Stored, o.Status));
        return store;
    }

    public virtual void Dispose()
    {
        foreach (var s in _opened) s.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string Label(EventRecord e) => $"{e.ArticleTitle}/{e.EventId}";

    private static string Short(string title) => title == ReleaseTitle ? "release" : title == ClashTitle ? "clash" : "soap";

    // ------------------------------------------------------------------ storing

    [SkippableFact]
    public void A_stored_article_comes_back_with_its_whole_document()
    {
        using var store = Open();
        var doc = Release();
        var outcome = Assert.Single(store.Add([doc]));
        Assert.Equal(AddStatus.Stored, outcome.Status);
        var back = store.GetArticle(outcome.ArticleId!.Value);
        Assert.NotNull(back);
        Assert.Equal(ReleaseTitle, back.Article.Title);
        Assert.Equal("2019-02-10", back.Article.Published);
        Assert.Equal(doc.Json["article"]!["text"]!.GetValue<string>(), back.Text);
        // The whole public document is kept, so `show` can re-display every field's evidence.
        Assert.True(JsonNode.DeepEquals(doc.Json, back.Document), "stored document differs from the one given");
        Assert.Equal(["ev1", "ev2"], back.Events.Select(e => e.EventId));
        Assert.Equal(new StoreCounts(1, 2, 4), store.Counts());
    }

    [SkippableFact]
    public void An_implied_actor_comes_back_marked_as_no_name_of_the_text()
    {
        using var store = Open();
        // the release's actor replaced by the coder's category on its trigger (what UnnamedActorsComponent writes)
        var doc = Copy(Release(), "implied", j =>
            j["events"]![0]!["actor"] = new JsonObject { ["entity"] = null, ["text"] = "police", ["code"] = null, ["start"] = 0, ["end"] = 1, ["implied"] = true });
        var outcome = Assert.Single(store.Add([doc]));
        var events = store.QueryEvents(new EventQuery { All = true, ArticleId = outcome.ArticleId }).Value!;
        Assert.True(events.Single(e => e.EventId == "ev1").ActorImplied, "the implied actor's mark is stored and read back");
        Assert.False(events.Single(e => e.EventId == "ev2").ActorImplied, "a named actor is not marked");
    }

    [SkippableTheory]
    [InlineData(false, "a second batch with the same article")]
    [InlineData(true, "the same article twice in one batch")]
    public void The_same_article_is_stored_once(bool sameBatch, string reason)
    {
        using var store = Open();
        var outcomes = sameBatch ? store.Add([Release(), Release()]) : [.. store.Add([Release()]), .. store.Add([Release()])];
        Assert.True(outcomes.Select(o => o.Status).SequenceEqual([AddStatus.Stored, AddStatus.Duplicate]), reason);
        Assert.Equal(outcomes[0].ArticleId, outcomes[1].ArticleId);
        Assert.Equal(new StoreCounts(1, 2, 4), store.Counts());
    }

    [SkippableFact]
    public void A_document_that_cannot_be_stored_fails_alone_and_the_batch_goes_on()
    {
        using var store = Open();
        var broken = new StorableDocument("ffff", new JsonObject { ["article"] = new JsonObject { ["title"] = "no text" } });
        var outcomes = store.Add([Release(), broken, Clash()]);
        Assert.Equal([AddStatus.Stored, AddStatus.Failed, AddStatus.Stored], outcomes.Select(o => o.Status));
        Assert.Contains("text", outcomes[1].Error);
        Assert.Equal(2, store.Counts().Articles);
    }

    [SkippableFact]
    public void A_cancelled_batch_commits_the_documents_it_reports_and_a_later_batch_stores_the_rest()
    {
        using var store = Open();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        // an interrupted ingest: the provider stops between documents (or, by default, stores the whole batch); its
        // outcomes are a prefix of the batch, and exactly those documents are committed
        var outcomes = store.Add([Release(), Clash()], cancelled.Token);
        Assert.True(outcomes.Count <= 2 && outcomes.All(o => o.Status == AddStatus.Stored), $"{outcomes.Count} outcomes: {string.Join(", ", outcomes.Select(o => o.Status))}");
        Assert.Equal(outcomes.Count, store.Counts().Articles);
        var rest = store.Add([Release(), Clash()]);
        Assert.Equal(outcomes.Count, rest.Count(o => o.Status == AddStatus.Duplicate));
        Assert.Equal(2, store.Counts().Articles);
    }

    [SkippableFact]
    public void Data_survives_closing_and_reopening_and_is_not_stored_again()
    {
        var location = NewLocation();
        using (var first = OpenStore(location)) first.Add(Corpus());
        using var again = Open(location);
        Assert.Equal(new StoreCounts(3, 4, 5), again.Counts());
        Assert.All(again.Add(Corpus()), o => Assert.Equal(AddStatus.Duplicate, o.Status));
        Assert.Equal(new StoreCounts(3, 4, 5), again.Counts());
    }

    // ------------------------------------------------------------------ querying

    [SkippableTheory]
    [InlineData("", "", "release/ev1 release/ev2 clash/ev1 clash/ev2", "no filter lists every event")]
    [InlineData("actor", "air force", "release/ev1", "the actor's text, any case")]
    [InlineData("actor", "AFI", "release/ev1", "an alias of the actor's entity")]
    [InlineData("actor", "waleed", "release/ev2", "an alias of the entity behind 'The group'")]
    [InlineData("actor", "SYRMIL", "clash/ev1", "the actor code given on the argument")]
    [InlineData("actor", "nobody", "", "no actor matches")]
    [InlineData("place", "jabab", "release/ev1", "the place argument's text")]
    [InlineData("place", "idlib", "clash/ev1", "place text, also the admin1 of the resolved place")]
    [InlineData("action", "release", "release/ev1", "an action name")]
    [InlineData("action", "KILL", "clash/ev2", "action names ignore case")]
    [InlineData("action", "19", "release/ev2 clash/ev1", "digits are a CAMEO code prefix")]
    [InlineData("action", "0841", "release/ev1", "a full CAMEO code")]
    [InlineData("modality", "expected", "release/ev2", "an expectation is kept and findable")]
    [InlineData("modality", "denied", "clash/ev2", "a denial")]
    [InlineData("from", "2019-01-01", "release/ev1 release/ev2", "events from 2019 on")]
    [InlineData("to", "2018-12-31", "clash/ev1 clash/ev2", "an event without its own time falls back to the publication date")]
    [InlineData("range", "2019-02-05..2019-02-06", "release/ev1", "a range overlapping the week of the release")]
    [InlineData("range", "2019-02-08..2019-02-09", "", "a range between the two events' times")]
    [InlineData("text", "ministry", "clash/ev1 clash/ev2", "full-text condition on the article")]
    [InlineData("box", "32,35.5,33.5,37", "release/ev1 release/ev2", "bounding box over the south (Daraa, Jabab)")]
    [InlineData("box", "35,36,37,37.5", "clash/ev1", "bounding box over Idlib")]
    [InlineData("minconf", "0.75", "release/ev1 clash/ev1", "minimum confidence")]
    public void Events_are_filtered(string filter, string value, string expected, string reason)
    {
        var store = OpenWithCorpus();
        var q = filter switch
        {
            "" => new EventQuery(),
            "actor" => new EventQuery { Actor = value },
            "place" => new EventQuery { Place = value },
            "action" => new EventQuery { Action = value },
            "modality" => new EventQuery { Modality = value },
            "from" => new EventQuery { From = DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            "to" => new EventQuery { To = DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            "range" => new EventQuery
            {
                From = DateOnly.Parse(value.Split("..")[0], System.Globalization.CultureInfo.InvariantCulture),
                To = DateOnly.Parse(value.Split("..")[1], System.Globalization.CultureInfo.InvariantCulture),
            },
            "text" => new EventQuery { Text = value },
            "box" => Box(value),
            "minconf" => new EventQuery { MinConfidence = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            _ => throw new ArgumentException(filter),
        };
        var result = store.QueryEvents(q);
        Assert.True(result.IsOk, result.Error);
        var got = result.Value!.Select(e => $"{Short(e.ArticleTitle!)}/{e.EventId}").Order(StringComparer.Ordinal);
        var want = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        Assert.True(want.SequenceEqual(got), $"{reason}: expected [{string.Join(' ', want)}], got [{string.Join(' ', got)}]");
    }

    /// <summary>An article whose events name only an actor and a place, as written (no entity behind them).</summary>
    private static StorableDocument Named(char hashDigit, string title, params (string Id, string Actor, string Place)[] events)
    {
        var json = new JsonObject
        {
            ["schema"] = "1",
            ["article"] = new JsonObject { ["uri"] = "test:" + title, ["title"] = title, ["published"] = "2020-01-01", ["text"] = title + "\n\nBody." },
            ["entities"] = new JsonArray(),
            ["events"] = new JsonArray([.. events.Select(e => (JsonNode)new JsonObject
            {
                ["id"] = e.Id, ["action"] = "attack",
                ["actor"] = new JsonObject { ["text"] = e.Actor }, ["place"] = new JsonObject { ["text"] = e.Place },
            })]),
        };
        return new StorableDocument(new string(hashDigit, 64), json);
    }

    private static IReadOnlyList<StorableDocument> NamedCorpus() =>
    [
        Named('1', "kremlin", ("ev1", "Vladimir Putin", "Moscow"), ("ev2", "output utility tinsmiths", "East Aleppo")),
        Named('2', "brigade", ("ev1", "Ḥamāh Brigade", "Ḥamāh"), ("ev2", "O\"Neil Group", "Aaaa Springs")),
    ];

    [SkippableTheory]
    [InlineData("actor", "dimir", "kremlin/ev1", "a part inside a name")]
    [InlineData("actor", "PUTIN", "kremlin/ev1", "any case")]
    [InlineData("actor", "put", "kremlin/ev1 kremlin/ev2", "one trigram: both names hold it")]
    [InlineData("actor", "putin", "kremlin/ev1", "every trigram of the part is in 'output utility tinsmiths' too, but apart")]
    [InlineData("actor", "in", "kremlin/ev1 kremlin/ev2", "a part shorter than a trigram")]
    [InlineData("actor", "ḤAMĀH", "brigade/ev1", "letters beyond ASCII, any case")]
    [InlineData("actor", "o\"ne", "brigade/ev2", "a quote in the part is a letter, not FTS syntax")]
    [InlineData("actor", "  utility tin ", "kremlin/ev2", "spaces around the part are trimmed, inner ones kept")]
    [InlineData("place", "aleppo", "kremlin/ev2", "a place part")]
    [InlineData("place", "aaaa", "brigade/ev2", "a part whose trigrams repeat")]
    [InlineData("place", "aaaaa", "", "one letter more than the name has")]
    public void Actor_and_place_parts_match_anywhere_in_the_names(string field, string part, string expected, string reason)
    {
        var store = Open();
        Assert.All(store.Add(NamedCorpus()), o => Assert.Equal(AddStatus.Stored, o.Status));
        var q = field == "actor" ? new EventQuery { Actor = part } : new EventQuery { Place = part };
        var result = store.QueryEvents(q);
        Assert.True(result.IsOk, result.Error);
        var got = result.Value!.Select(Label).Order(StringComparer.Ordinal);
        var want = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        Assert.True(want.SequenceEqual(got), $"{reason}: expected [{string.Join(' ', want)}], got [{string.Join(' ', got)}]");
    }

    [SkippableTheory]
    [InlineData("", 1000, "no filter, a bound above the total: the exact count")]
    [InlineData("", 2, "no filter, a bound below the total: the bound")]
    [InlineData("all", 1000, "every event")]
    [InlineData("actor", 1000, "an actor filter")]
    [InlineData("actor", 1, "an actor filter, a bound below its matches: the bound")]
    [InlineData("actor all", 1000, "an actor filter over every event, main or not")]
    [InlineData("place", 1000, "a place filter")]
    [InlineData("place all", 1000, "a place filter over every event")]
    [InlineData("actor part", 1000, "a part of several actors' texts: every text it matches counts")]
    [InlineData("actor part", 2, "a part of several actors' texts, a bound below its matches: the bound")]
    [InlineData("actor and place", 1000, "an actor and a place together")]
    [InlineData("actor and date", 1000, "an actor within dates")]
    [InlineData("text", 1000, "a full-text filter")]
    [InlineData("box", 1000, "a bounding box (read from the spatial index, no order)")]
    [InlineData("cameo", 1000, "a CAMEO prefix (read from the code index, no order)")]
    [InlineData("from", 1000, "events ending on or after a day")]
    [InlineData("cursor", 1000, "after a cursor: the events left to list")]
    [InlineData("offset", 1000, "an offset does not change the count")]
    public void A_count_is_the_listing_length_up_to_its_bound(string filter, int atMost, string reason)
    {
        var store = Open();
        Assert.All(store.Add([.. SalienceCorpus(), .. Corpus()]), o => Assert.Equal(AddStatus.Stored, o.Status));
        var first = store.QueryEvents(new EventQuery { Limit = 1 }).Value!.Single();
        var q = filter switch
        {
            "" => new EventQuery(),
            "all" => new EventQuery { All = true },
            "actor" => new EventQuery { Actor = "air force" },
            "actor all" => new EventQuery { Actor = "air force", All = true },
            "place" => new EventQuery { Place = "idlib" },
            "place all" => new EventQuery { Place = "idlib", All = true },
            "actor part" => new EventQuery { Actor = "i" },
            "actor and place" => new EventQuery { Actor = "i", Place = "a" },
            "actor and date" => new EventQuery { Actor = "i", From = new DateOnly(2019, 1, 1) },
            "text" => new EventQuery { Text = "ministry" },
            "box" => new EventQuery { Box = new BoundingBox(32, 35, 37, 37.5) },
            "cameo" => new EventQuery { Action = "0" },
            "from" => new EventQuery { From = new DateOnly(2019, 1, 1) },
            "cursor" => new EventQuery { After = EventCursor.Of(first) },
            "offset" => new EventQuery { Offset = 2 },
            _ => throw new ArgumentException(filter),
        };
        int listed = store.QueryEvents(q with { Limit = 1000, Offset = 0 }).Value!.Count;
        var count = store.CountEvents(q, atMost);
        Assert.True(count.IsOk, count.Error);
        Assert.True(listed > 0 && count.Value == Math.Min(listed, atMost), $"{reason}: listed {listed}, counted {count.Value} (bound {atMost})");
    }

    [SkippableFact]
    public void A_count_of_a_bad_search_query_is_a_clear_error()
    {
        var store = OpenWithCorpus();
        var count = store.CountEvents(new EventQuery { Text = "\"unclosed OR" }, 10);
        var listing = store.QueryEvents(new EventQuery { Text = "\"unclosed OR" });
        Assert.True(count.IsOk == listing.IsOk && count.Error == listing.Error, $"count: {count.Error}; listing: {listing.Error}");
    }

    private static EventQuery Box(string v)
    {
        var p = v.Split(',').Select(x => double.Parse(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new EventQuery { Box = new BoundingBox(p[0], p[1], p[2], p[3]) };
    }

    public static TheoryData<string, EventQuery> PagedListings() => new()
    {
        { "main events after an offset", new EventQuery { Offset = 1 } },
        { "every event after an offset", new EventQuery { All = true, Offset = 2 } },
        { "an offset past the end lists nothing", new EventQuery { All = true, Offset = 1000 } },
        { "a filter on the row (actor) after an offset", new EventQuery { All = true, Actor = "a", Offset = 1 } },
        { "full text after an offset: its walk keeps the article", new EventQuery { All = true, Text = "ministry", Offset = 1 } },
        { "a date range after an offset", new EventQuery { All = true, From = new DateOnly(2017, 1, 1), Offset = 1 } },
        { "no offset", new EventQuery { All = true } },
    };

    [SkippableTheory]
    [MemberData(nameof(PagedListings))]
    public void A_page_after_an_offset_is_the_slice_of_the_whole_listing_and_the_map_feed_shows_the_same(string reason, EventQuery query)
    {
        // the page's keys are listed first and joined with their rows after (PostgreSQL and SQLite alike): same rows, same order
        var store = OpenWithCorpus();
        var whole = store.QueryEvents(query with { Offset = 0, Limit = 1000 }).Value!;
        var page = store.QueryEvents(query with { Limit = 2 }).Value!;
        Assert.True(whole.Count > 0, reason + ": the corpus lists no event");
        Assert.Equal(whole.Skip(query.Offset).Take(2).Select(Label), page.Select(Label));
        // the feed's narrow read (a feature's columns) gives the GeoJSON of the full rows
        static string Json(IReadOnlyList<EventRecord> events) =>
            System.Text.Json.JsonSerializer.Serialize(Dragoman.Export.EventJson.FeatureCollection(events), Dragoman.Export.EventFeature.Json);
        Assert.Equal(Json(store.QueryEvents(query with { Limit = 3 }).Value!), Json(store.QueryFeatureEvents(query with { Limit = 3 }).Value!));
    }

    public static TheoryData<string, EventQuery> FeedListings() => new()
    {
        { "every event of the three articles: each article's title read once, given to each of its events", new EventQuery { All = true } },
        { "main events only", new EventQuery() },
        { "a filter on the row (actor)", new EventQuery { All = true, Actor = "a" } },
        { "full text keeps the article joined for its test (PostgreSQL's walk)", new EventQuery { All = true, Text = "ministry" } },
        { "after an offset: the page's rows, then their titles", new EventQuery { All = true, Offset = 1 } },
        { "nothing listed: no title to read", new EventQuery { All = true, Offset = 1000 } },
    };

    private static string FeedJson(IReadOnlyList<EventRecord> events) =>
        System.Text.Json.JsonSerializer.Serialize(Dragoman.Export.EventJson.FeatureCollection(events), Dragoman.Export.EventFeature.Json);

    [SkippableTheory]
    [MemberData(nameof(FeedListings))]
    public void The_map_feed_gives_each_event_its_own_article_s_title_and_date(string reason, EventQuery query)
    {
        // the feed reads its rows without the article and then each listed article's title and date once (pgfeed19), and
        // each row's source chain and fatalities as stored, not its sources and counts JSON (schema 23, mapfeed20)
        var store = Open();
        Assert.All(store.Add(FeedCorpus()), o => Assert.Equal(AddStatus.Stored, o.Status));
        var full = store.QueryEvents(query).Value!;
        var feed = store.QueryFeatureEvents(query).Value!;
        Assert.Equal(full.Select(e => (e.ArticleId, e.EventId, e.ArticleTitle, e.Published)), feed.Select(e => (e.ArticleId, e.EventId, e.ArticleTitle, e.Published)));
        Assert.Equal(FeedJson(full), FeedJson(feed));
        Assert.All(feed, e => Assert.True(e.SourceChain is not null && e.Fatalities is not null && e.SourcesJson == "[]" && e.CountsJson == "[]",
            $"{reason}: {e.Key} was read from its JSON, not its stored values"));
        Assert.All(full, e => Assert.True(e.SourceChain is null && e.Fatalities is null, $"{reason}: the full listing derives from the JSON it reads"));
        if (query.Offset < 1000) Assert.True(full.Count > 0, reason + ": the corpus lists no event");
        if (query.All && query.Actor is null && query.Text is null && query.Offset == 0)
        {
            Assert.True(feed.Select(e => e.ArticleTitle).Distinct().Count() > 1, reason + ": the feed shows one article's title only");
            var features = Dragoman.Export.EventJson.FeatureCollection(feed).Features.Select(f => f.Properties).ToList();
            Assert.True(features.Select(p => p.Fatalities).Distinct().Count() > 2 && features.Any(p => p.Sources.Contains(" < ", StringComparison.Ordinal)),
                reason + ": the features show no fatalities or no chain of sources to compare");
        }
    }

    public static TheoryData<string, string> UnstoredFeatureValues() => new()
    {
        { "source_chain = NULL, fatalities = NULL", "neither stored: both derived from the row's JSON" },
        { "source_chain = NULL", "the chain alone missing: the sources JSON read for it" },
        { "fatalities = NULL", "the fatalities alone missing: the counts JSON read for them" },
    };

    [SkippableTheory]
    [MemberData(nameof(UnstoredFeatureValues))]
    public void The_map_feed_derives_what_a_row_was_stored_without_from_its_JSON(string unset, string reason)
    {
        // a row written without the schema 23 columns (a hand-made insert; the writer and the migration fill them)
        var location = NewLocation();
        var store = Open(location);
        store.Add(FeedCorpus());
        var query = new EventQuery { All = true, Limit = 1000 };
        var stored = FeedJson(store.QueryFeatureEvents(query).Value!);
        Execute(location, "UPDATE events SET " + unset);
        var feed = store.QueryFeatureEvents(query).Value!;
        Assert.Equal(stored, FeedJson(feed));
        Assert.Equal(FeedJson(store.QueryEvents(query).Value!), FeedJson(feed));
        Assert.True(feed.Count > 4 && feed.All(e => unset.Contains("source_chain", StringComparison.Ordinal) == (e.SourceChain is null)), reason);
    }

    [SkippableFact]
    public void Migration_23_fills_the_source_chain_and_fatalities_of_the_events_stored_before()
    {
        // schema 22's rows have neither column; this build's writer fills them, so the test adds them for the writing and
        // removes them before the migration, which must store what the writer stores
        const string Stored = "SELECT a.hash || ' ' || e.event_id || ' ' || COALESCE(e.source_chain, 'NULL') || ' ' || COALESCE(CAST(e.fatalities AS TEXT), 'NULL') " +
            "FROM events e JOIN articles a ON a.id = e.article_id ORDER BY 1";
        var before = NewLocation();
        using (var old = OpenStoreAt(before, 22))
        {
            Execute(before, "ALTER TABLE events ADD COLUMN source_chain TEXT; ALTER TABLE events ADD COLUMN fatalities INTEGER");
            old.Add(FeedCorpus());
            Execute(before, "ALTER TABLE events DROP COLUMN source_chain; ALTER TABLE events DROP COLUMN fatalities");
        }
        var fresh = NewLocation();
        var written = Open(fresh);
        written.Add(FeedCorpus());
        var migrated = Open(before);
        Assert.Equal(Rows(fresh, Stored), Rows(before, Stored));
        Assert.Contains(Rows(before, Stored), r => r.EndsWith("a field medic in Saraqib < \u015eam Haber < ? in Idlib 4", StringComparison.Ordinal));
        Assert.Contains(Rows(before, Stored), r => r.EndsWith(" 12", StringComparison.Ordinal));
        var query = new EventQuery { All = true, Limit = 1000 };
        Assert.Equal(FeedJson(written.QueryFeatureEvents(query).Value!), FeedJson(migrated.QueryFeatureEvents(query).Value!));
        Assert.Equal(FeedJson(migrated.QueryEvents(query).Value!), FeedJson(migrated.QueryFeatureEvents(query).Value!));
    }

    // What the kept cells must equal: the located events' own cells, counted from their rows.
    private static List<string> CellsOf(IEnumerable<CellCount> cells) =>
        [.. cells.Where(c => c.Count > 0).OrderBy(c => c.Row).ThenBy(c => c.Column)
            .Select(c => $"{c.Row},{c.Column}: {c.Count} {c.LatSum:F4} {c.LonSum:F4}")];

    private static List<string> CountedCells(IEventStore store, bool all, BoundingBox? box)
    {
        var rows = store.QueryEvents(new EventQuery { All = all, Limit = 10_000 }).Value!
            .Where(e => e.Lat is double lat && e.Lon is double lon && (box is not { } b
                || (EventCells.Row(lat) >= EventCells.Row(b.South) && EventCells.Row(lat) <= EventCells.Row(b.North)
                    && EventCells.Column(lon) >= EventCells.Column(b.West) && EventCells.Column(lon) <= EventCells.Column(b.East))));
        return CellsOf(EventCells.Count(rows.Select(e => (e.Lat!.Value, e.Lon!.Value))));
    }

    public static TheoryData<string, string?> CellChanges() => new()
    {
        { "as stored: one row per cell and main (the writer's inserts)", null },
        { "an article deleted: its events leave their cells (the cascade's deletes)", "DELETE FROM articles WHERE id = (SELECT MIN(article_id) FROM events WHERE lat IS NOT NULL)" },
        { "events moved a degree north: out of their old cells, into new ones", "UPDATE events SET lat = lat + 1 WHERE lat IS NOT NULL" },
        { "events no longer main: from the main cells to the others", "UPDATE events SET main = (1 = 0) WHERE lat IS NOT NULL AND ordinal = 1" },
        { "every event deleted: no cell left with events", "DELETE FROM events" },
    };

    [SkippableTheory]
    [MemberData(nameof(CellChanges))]
    public void The_kept_map_cells_count_the_located_events_through_every_change(string reason, string? change)
    {
        // schema 25: triggers keep event_cells; the map feed's clusters for a box are read from it (EventCells)
        var location = NewLocation();
        var store = Open(location);
        Assert.All(store.Add(FeedCorpus()), o => Assert.Equal(AddStatus.Stored, o.Status));
        if (change is not null) Execute(location, change);
        var syria = new BoundingBox(32, 35, 37.5, 42.5);
        foreach (var (all, box) in new (bool, BoundingBox?)[] { (true, null), (false, null), (true, syria), (false, syria), (true, new BoundingBox(0, 0, 1, 1)) })
            Assert.True(CountedCells(store, all, box).SequenceEqual(CellsOf(store.LocatedCells(all, box)!)),
                $"{reason} (all {all}, box {box}): kept {string.Join("; ", CellsOf(store.LocatedCells(all, box)!))} vs counted {string.Join("; ", CountedCells(store, all, box))}");
        if (change is null) Assert.NotEmpty(CountedCells(store, true, syria));
    }

    [SkippableFact]
    public void Migration_25_fills_the_map_cells_of_the_events_stored_before()
    {
        var before = NewLocation();
        using (var old = OpenStoreAt(before, 24))
            Assert.All(old.Add(FeedCorpus()), o => Assert.Equal(AddStatus.Stored, o.Status));
        var migrated = Open(before);
        Assert.NotEmpty(CountedCells(migrated, true, null));
        Assert.Equal(CountedCells(migrated, true, null), CellsOf(migrated.LocatedCells(true, null)!));
        Assert.Equal(CountedCells(migrated, false, null), CellsOf(migrated.LocatedCells(false, null)!));
    }

    public static TheoryData<string, EventQuery, bool> ClusterQueries() => new()
    {
        { "more located main events than the limit, no filter: the kept cells", new EventQuery { Limit = 1 }, true },
        { "every event, a box: the kept cells in it", new EventQuery { All = true, Limit = 1, Box = new BoundingBox(32, 35, 37.5, 42.5) }, true },
        { "a filter on the row: the points of the page the features would list", new EventQuery { All = true, Limit = 1, Actor = "a" }, true },
        { "a word: the matching articles' events' points", new EventQuery { All = true, Limit = 1, Text = "ministry" }, true },
        { "within the limit: no clusters, the features", new EventQuery { All = true, Limit = 1000 }, false },
        { "a filter within the limit", new EventQuery { All = true, Limit = 1000, Actor = "a" }, false },
    };

    [SkippableTheory]
    [MemberData(nameof(ClusterQueries))]
    public void The_map_feed_s_clusters_count_the_located_events_the_features_would_list(string reason, EventQuery query, bool clustered)
    {
        var store = Open();
        Assert.All(store.Add(FeedCorpus()), o => Assert.Equal(AddStatus.Stored, o.Status));
        var clusters = EventCells.Clusters(store, query);
        Assert.True(clusters.IsOk, clusters.Error);
        Assert.True(clustered == clusters.Value is not null, reason);
        if (clusters.Value is null) return;
        // the kept counts hold every located event; a filtered feed's clusters the events its features would list
        var listed = EventCells.KeptCountsAnswer(query) ? query with { Limit = 10_000 } : query;
        var located = store.QueryEvents(listed).Value!.Where(e => e.Lat is not null && e.Lon is not null).ToList();
        Assert.True(located.Count == clusters.Value.Sum(c => c.Count), $"{reason}: {clusters.Value.Sum(c => c.Count)} in clusters, {located.Count} located");
        Assert.All(clusters.Value, c => Assert.True(c.South <= c.Lat && c.Lat <= c.North && c.West <= c.Lon && c.Lon <= c.East, reason));
    }

    [SkippableFact]
    public void Events_come_newest_first_and_page()
    {
        var store = OpenWithCorpus();
        var all = store.QueryEvents(new EventQuery()).Value!;
        Assert.Equal(["2019-02-10", "2019-02-01", "2017-04-05", "2017-04-04"], all.Select(e => e.TimeStart ?? e.Published));
        var page = store.QueryEvents(new EventQuery { Limit = 2, Offset = 1 }).Value!;
        Assert.Equal(all.Skip(1).Take(2).Select(Label), page.Select(Label));
    }

    /// <summary>An event of <see cref="Dated"/>: its id, its own start date (null: the article's date), main or not, its confidence.</summary>
    private sealed record DatedEvent(string Id, string? Start, bool Main, double Confidence, bool Historical = false);

    /// <summary>An article of one date whose events carry the salience flags and confidences given.</summary>
    private static StorableDocument Dated(char hashDigit, string title, string published, params DatedEvent[] events)
    {
        var json = new JsonObject
        {
            ["schema"] = "1",
            ["article"] = new JsonObject { ["uri"] = "test:" + title, ["title"] = title, ["published"] = published, ["text"] = title + "\n\nBody." },
            ["entities"] = new JsonArray(),
            ["events"] = new JsonArray([.. events.Select(e => (JsonNode)new JsonObject
            {
                ["id"] = e.Id, ["action"] = "attack", ["main"] = e.Main, ["historical"] = e.Historical, ["confidence"] = e.Confidence,
                ["time"] = e.Start is null ? null : new JsonObject { ["text"] = "then", ["start"] = e.Start, ["end"] = e.Start },
            })]),
        };
        return new StorableDocument(new string(hashDigit, 64), json);
    }

    /// <summary>Main, background (historical) and minor events; two articles of one date whose events have no date of their own (ties).</summary>
    private static IReadOnlyList<StorableDocument> SalienceCorpus() =>
    [
        Dated('a', "strike", "2019-03-02",
            new("ev1", "2019-03-01", Main: true, 0.9), new("ev2", "2011-03-15", Main: false, 0.8, Historical: true), new("ev3", null, Main: false, 0.4)),
        Dated('b', "tie-one", "2019-01-05", new("ev1", null, Main: true, 0.7), new("ev2", null, Main: true, 0.6), new("ev3", null, Main: false, 0.3)),
        Dated('c', "tie-two", "2019-01-05", new("ev1", null, Main: true, 0.7), new("ev2", "2018-12-31", Main: true, 0.2)),
    ];

    [SkippableTheory]
    [InlineData("", "strike/ev1 tie-one/ev1 tie-one/ev2 tie-two/ev1 tie-two/ev2", "by default only the reports' own (main) events")]
    [InlineData("all", "strike/ev1 strike/ev2 strike/ev3 tie-one/ev1 tie-one/ev2 tie-one/ev3 tie-two/ev1 tie-two/ev2", "All lists background and minor events too")]
    [InlineData("minconf", "strike/ev1 tie-one/ev1 tie-one/ev2 tie-two/ev1", "a minimum confidence narrows the main events: a confident historical event stays out, a main one below it too")]
    [InlineData("all minconf", "strike/ev1 strike/ev2 tie-one/ev1 tie-one/ev2 tie-two/ev1", "All with a minimum confidence: every event at least that confident, historical ones too")]
    public void Only_main_events_are_listed_unless_all_or_a_minimum_confidence_is_asked(string filter, string expected, string reason)
    {
        var store = Open();
        Assert.All(store.Add(SalienceCorpus()), o => Assert.Equal(AddStatus.Stored, o.Status));
        var q = filter switch
        {
            "" => new EventQuery(),
            "all" => new EventQuery { All = true },
            "minconf" => new EventQuery { MinConfidence = 0.5 },
            "all minconf" => new EventQuery { MinConfidence = 0.5, All = true },
            _ => throw new ArgumentException(filter),
        };
        var got = store.QueryEvents(q).Value!.Select(Label).Order(StringComparer.Ordinal);
        Assert.True(expected.Split(' ').SequenceEqual(got), $"{reason}: expected [{expected}], got [{string.Join(' ', got)}]");
        var historical = Assert.Single(store.QueryEvents(new EventQuery { All = true }).Value!, e => e.Historical);
        Assert.Equal(("strike/ev2", false), (Label(historical), historical.Main));
    }

    [SkippableTheory]
    [InlineData(false, 1, "main events one at a time")]
    [InlineData(false, 2, "main events two at a time: a page ends inside a tie of dates")]
    [InlineData(true, 1, "every event one at a time")]
    [InlineData(true, 3, "every event three at a time")]
    public void Pages_after_a_cursor_concatenate_to_the_whole_listing(bool all, int size, string reason)
    {
        var store = Open();
        Assert.All(store.Add([.. SalienceCorpus(), .. Corpus()]), o => Assert.Equal(AddStatus.Stored, o.Status));
        var whole = store.QueryEvents(new EventQuery { All = all, Limit = 1000 }).Value!.Select(Label).ToList();
        var keys = store.QueryEvents(new EventQuery { All = all, Limit = 1000 }).Value!.Select(e => e.TimeStart ?? e.Published ?? "").ToList();
        Assert.True(keys.SequenceEqual(keys.OrderByDescending(k => k, StringComparer.Ordinal)), $"{reason}: listing not newest first: {string.Join(' ', keys)}");
        var paged = new List<string>();
        EventCursor? after = null;
        for (int pages = 0; pages <= whole.Count; pages++)
        {
            var page = store.QueryEvents(new EventQuery { All = all, Limit = size, After = after });
            Assert.True(page.IsOk, page.Error);
            if (page.Value!.Count == 0) break;
            paged.AddRange(page.Value.Select(Label));
            after = EventCursor.Of(page.Value[^1]);
        }
        Assert.True(whole.SequenceEqual(paged), $"{reason}: whole [{string.Join(' ', whole)}], pages [{string.Join(' ', paged)}]");
    }

    [SkippableTheory]
    [InlineData("all", null, "every event, no limit: the whole listing in its order")]
    [InlineData("main", null, "main events only: the listing's filter holds")]
    [InlineData("all", 3, "at most 3: the listing's first 3")]
    [InlineData("offset", null, "from offset 2 on: the listing after its first 2")]
    [InlineData("cursor", null, "after a cursor: the listing after that event")]
    [InlineData("actor", null, "an actor filter: the same events the listing gives")]
    public void Streamed_events_are_the_listing_in_its_order(string query, int? max, string reason)
    {
        var store = Open();
        Assert.All(store.Add([.. SalienceCorpus(), .. Corpus()]), o => Assert.Equal(AddStatus.Stored, o.Status));
        var listing = store.QueryEvents(new EventQuery { All = true, Limit = 1000 }).Value!;
        var q = query switch
        {
            "all" => new EventQuery { All = true },
            "main" => new EventQuery(),
            "offset" => new EventQuery { All = true, Offset = 2 },
            "cursor" => new EventQuery { All = true, After = EventCursor.Of(listing[1]) },
            "actor" => new EventQuery { All = true, Actor = "air force" },
            _ => throw new ArgumentException(query),
        };
        var expected = store.QueryEvents(q with { Limit = max ?? 1000 }).Value!.Select(Label).ToList();
        var streamed = store.StreamEvents(q, max).Select(Label).ToList();
        Assert.True(expected.Count > 0 && expected.SequenceEqual(streamed), $"{reason}: listing [{string.Join(' ', expected)}], streamed [{string.Join(' ', streamed)}]");
    }

    [SkippableFact]
    public void A_stream_that_cannot_run_says_why_as_the_listing_does()
    {
        var store = OpenWithCorpus();
        var q = new EventQuery { After = new EventCursor(999, "ev1") };
        var ex = Assert.Throws<InvalidOperationException>(() => store.StreamEvents(q).ToList());
        Assert.True(ex.Message == store.QueryEvents(q).Error && ex.Message.Contains("a999:ev1", StringComparison.Ordinal), ex.Message);
    }

    [SkippableFact]
    public void A_cursor_naming_no_stored_event_is_a_clear_error()
    {
        var store = OpenWithCorpus();
        var result = store.QueryEvents(new EventQuery { After = new EventCursor(999, "ev1") });
        Assert.False(result.IsOk);
        Assert.Contains("a999:ev1", result.Error);
    }

    [SkippableFact]
    public void Stored_event_fields_keep_what_the_document_said()
    {
        var store = OpenWithCorpus();
        var e = Assert.Single(store.QueryEvents(new EventQuery { Action = "release" }).Value!);
        Assert.Equal(("Air Force Intelligence", "e1", "SYRGOVSPY"), (e.Actor, e.ActorEntity, e.ActorCode));
        Assert.Equal(("Jabab", "SY", "Daraa", "exact"), (e.Place, e.Country, e.Admin1, e.PlacePrecision));
        Assert.Equal(33.1167, e.Lat!.Value, 4);
        Assert.Equal(("last week", "2019-02-01", "2019-02-07", "week", false), (e.TimeText, e.TimeStart, e.TimeEnd, e.TimePrecision, e.TimeInherited));
        Assert.Equal(("reported", true, 0.8), (e.Modality, e.Occurred, e.Confidence));
        Assert.Equal(("0841", "RELEASE", "Strategic developments", 1, 7.0), (e.Cameo, e.PloverEvent, e.AcledType, e.QuadClass, e.Goldstein));
        Assert.Contains("\"min\":31", e.CountsJson);
        Assert.Contains("\"location\":\"Daraa\"", e.SourcesJson);
        var expected = Assert.Single(store.QueryEvents(new EventQuery { Modality = "expected" }).Value!);
        Assert.False(expected.Occurred);
        Assert.True(expected.TimeInherited);
    }

    /// <summary>
    /// A document whose events set every <see cref="EventFields"/> column to a value no other column of the event has
    /// (each event turns on a different one of the three flags), so a column written or read in the wrong place shows.
    /// </summary>
    private static StorableDocument EveryFieldDocument()
    {
        static JsonObject Ev(int n, bool occurred, bool placeInherited, bool timeInherited) => new()
        {
            ["id"] = $"ev-id-{n}", ["action"] = $"action-{n}", ["trigger"] = new JsonObject { ["text"] = $"trigger-{n}", ["start"] = n, ["end"] = n + 1 },
            ["actor"] = new JsonObject { ["text"] = $"actor-{n}", ["entity"] = $"actor-entity-{n}", ["code"] = $"ACTOR{n}" },
            ["target"] = new JsonObject { ["text"] = $"target-{n}", ["entity"] = $"target-entity-{n}", ["code"] = $"TARGET{n}" },
            ["place"] = new JsonObject
            {
                ["text"] = $"place-{n}", ["entity"] = $"place-entity-{n}", ["inherited"] = placeInherited,
                ["place"] = new JsonObject
                {
                    ["name"] = $"place-name-{n}", ["geonameid"] = $"gid-{n}", ["lat"] = 30 + n / 10.0, ["lon"] = 40 + n / 10.0,
                    ["country"] = $"C{n}", ["admin1"] = $"admin1-{n}", ["precision"] = $"precision-{n}",
                },
            },
            ["time"] = new JsonObject
            {
                ["text"] = $"time-{n}", ["start"] = $"2019-02-0{n}", ["end"] = $"2019-03-0{n}", ["precision"] = $"time-precision-{n}",
                ["inherited"] = timeInherited, ["start_char"] = 10 * n, ["end_char"] = 10 * n + 5,
            },
            ["counts"] = new JsonArray(new JsonObject { ["value"] = n }),
            ["modality"] = $"modality-{n}",
            ["occurred"] = occurred,
            ["sources"] = new JsonArray(new JsonObject { ["kind"] = "named", ["name"] = $"source-{n}" }),
            ["evidence"] = new JsonArray(new JsonObject { ["start"] = n, ["end"] = n + 2 }),
            ["confidence"] = 0.5 + n / 100.0,
            ["codes"] = new JsonObject
            {
                ["cameo"] = $"cameo-{n}", ["quad_class"] = n, ["goldstein"] = -n - 0.5,
                ["plover"] = new JsonObject { ["event"] = $"plover-{n}", ["mode"] = $"mode-{n}" },
                ["acled"] = new JsonObject { ["event_type"] = $"acled-{n}", ["sub_event_type"] = $"acled-sub-{n}" },
            },
        };
        var json = new JsonObject
        {
            ["schema"] = "1",
            ["article"] = new JsonObject { ["uri"] = "test:every-field", ["title"] = "Every field", ["published"] = "2019-02-10", ["text"] = "Every field\n\nBody." },
            ["entities"] = new JsonArray(),
            ["events"] = new JsonArray(Ev(1, true, false, false), Ev(2, false, true, false), Ev(3, false, false, true)),
        };
        return new StorableDocument("ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100", json);
    }

    [SkippableTheory]
    [InlineData(1, "occurred on, both inherited flags off")]
    [InlineData(2, "place inherited on, the other flags off")]
    [InlineData(3, "time inherited on, the other flags off")]
    public void Every_event_column_written_is_read_back_as_written(int ordinal, string reason)
    {
        using var store = Open();
        var doc = EveryFieldDocument();
        var outcome = Assert.Single(store.Add([doc]));
        Assert.True(outcome.Status == AddStatus.Stored, reason);
        var written = doc.Rows.Events[ordinal - 1];
        var read = store.GetEvent(outcome.ArticleId!.Value, null, ordinal)?.Event;
        Assert.NotNull(read);
        foreach (var field in typeof(EventFields).GetProperties())
        {
            var value = field.GetValue(written);
            Assert.True(value is not null, $"{reason}: the fixture leaves {field.Name} empty");
            Assert.True(Equals(value, field.GetValue(read)), $"{reason}: {field.Name} written {value}, read {field.GetValue(read)}");
        }
    }

    // ------------------------------------------------------------------ full text

    [SkippableTheory]
    [InlineData("clash", "clash", "a title word")]
    [InlineData("olive-oil", "soap", "hyphenated words in a quoted phrase")]
    [InlineData("\"Air Force Intelligence\"", "release", "a phrase")]
    [InlineData("soap AND aleppo", "soap", "AND")]
    [InlineData("workshop*", "soap", "a prefix")]
    [InlineData("title:idlib", "clash", "a column filter")]
    public void Full_text_search_finds_articles_with_snippets(string query, string expected, string reason)
    {
        var store = OpenWithCorpus();
        var q = query == "olive-oil" ? "\"olive-oil\"" : query;
        var result = store.Search(q);
        Assert.True(result.IsOk, $"{reason}: {result.Error}");
        var hit = Assert.Single(result.Value!);
        Assert.Equal(expected, Short(hit.Article.Title!));
        Assert.Contains(SearchHit.MatchStart, hit.Snippet);
    }

    [SkippableTheory]
    [InlineData("daraa OR idlib OR aleppo", 1, "pages of one: each page is the next hit of the whole ranking")]
    [InlineData("daraa OR idlib OR aleppo", 2, "pages of two: the last page holds what is left")]
    [InlineData("prisoners OR troops OR soap OR workshops", 1, "hits of different strength keep their order page by page")]
    public void Search_pages_are_slices_of_one_ranking(string query, int pageSize, string reason)
    {
        var store = OpenWithCorpus();
        var whole = store.Search(query, limit: 100).Value!;
        Assert.True(whole.Count >= 3, $"{reason}: the fixture has {whole.Count} hits for '{query}'");
        var paged = new List<SearchHit>();
        for (int offset = 0; offset < whole.Count + pageSize; offset += pageSize)
            paged.AddRange(store.Search(query, pageSize, offset).Value!);
        Assert.Equal(whole.Select(h => (h.Article.Id, h.Rank)), paged.Select(h => (h.Article.Id, h.Rank)));
        Assert.All(paged, h => Assert.Contains(SearchHit.MatchStart, h.Snippet));
    }

    [SkippableTheory]
    [InlineData("soap OR", "a trailing operator")]
    [InlineData("AND", "an operator alone")]
    [InlineData("soap AND (", "an unclosed bracket")]
    [InlineData("nosuchcolumn:soap", "an unknown column")]
    [InlineData("   ", "an empty query")]
    public void A_bad_search_query_is_a_clear_error_not_a_crash(string query, string reason)
    {
        var store = OpenWithCorpus();
        var result = store.Search(query);
        Assert.False(result.IsOk, reason);
        Assert.False(string.IsNullOrWhiteSpace(result.Error), reason);
        var viaEvents = store.QueryEvents(new EventQuery { Text = query });
        if (!string.IsNullOrWhiteSpace(query)) Assert.False(viaEvents.IsOk, reason + " (events --search)");
    }

    // ------------------------------------------------------------------ ids

    [SkippableTheory]
    [InlineData("a1", "article:release", "article number")]
    [InlineData("a1:ev2", "event:release/ev2", "event id within the article")]
    [InlineData("a2:1", "event:clash/ev1", "event position within the article")]
    [InlineData("HASH", "article:release", "content-hash prefix")]
    [InlineData("HASH:ev1", "event:release/ev1", "hash prefix with an event id")]
    [InlineData("a9", "error:no article a9", "an article that does not exist")]
    [InlineData("a3:ev1", "error:has no event ev1", "an article without that event")]
    [InlineData("a1:7", "error:has no event 7", "a position past the last event")]
    [InlineData("ffffffffff", "error:no article's hash", "a hash prefix matching nothing")]
    public void Ids_name_articles_and_events(string id, string expected, string reason)
    {
        var store = Open();
        store.Add([Release()]);
        store.Add([Clash()]);
        store.Add([Soap()]);
        var hash = Release().Hash;
        var parsed = StoreId.Parse(id.Replace("HASH", hash[..8], StringComparison.Ordinal));
        Assert.True(parsed.IsOk, parsed.Error);
        var found = StoreLookup.Resolve(store, parsed.Value!);
        var got = !found.IsOk ? "error:" + found.Error
            : found.Value!.Event is { } ev ? $"event:{Short(ev.Article.Title!)}/{ev.Event.EventId}"
            : $"article:{Short(found.Value.Article!.Article.Title!)}";
        if (expected.StartsWith("error:", StringComparison.Ordinal)) Assert.True(got.StartsWith("error:", StringComparison.Ordinal) && got.Contains(expected[6..]), $"{reason}: {got}");
        else Assert.True(expected == got, $"{reason}: expected {expected}, got {got}");
    }

    [SkippableFact]
    public void An_event_shown_by_id_carries_its_evidence_in_the_document()
    {
        var store = OpenWithCorpus();
        var d = store.GetEvent(1, "ev1");
        Assert.NotNull(d);
        var evidence = d.EventJson!["evidence"]!.AsArray().Single()!.AsObject();
        int start = DocumentRows.Int(evidence, "start")!.Value, end = DocumentRows.Int(evidence, "end")!.Value;
        Assert.Contains("released more than 30 fighters", d.Text[start..end]);
        var trigger = d.EventJson!["trigger"]!.AsObject();
        Assert.Equal("released", d.Text[DocumentRows.Int(trigger, "start")!.Value..DocumentRows.Int(trigger, "end")!.Value]);
    }

    // ------------------------------------------------------------------ actors and places (web API)

    [SkippableTheory]
    [InlineData(null, "Air Force Intelligence|Islamic State", "every person, organisation and group, most active first, then by name")]
    [InlineData("waleed", "Islamic State", "an alias matches")]
    [InlineData("syrgov", "Air Force Intelligence", "an actor code matches, any case")]
    [InlineData("idlib", "", "places are not actors")]
    public void Actors_are_listed_across_articles(string? query, string expected, string reason)
    {
        using var store = OpenWithCorpus();
        var names = store.ListActors(query).Select(a => a.Name);
        Assert.True(expected == string.Join('|', names), $"{reason}: got {string.Join('|', names)}");
    }

    [SkippableFact]
    public void An_actor_counts_its_articles_and_events_and_pages()
    {
        using var store = OpenWithCorpus();
        var afi = store.ListActors("air force").Single();
        Assert.Equal(new ActorSummary("Air Force Intelligence", "ORG", "SYRGOVSPY", 1, 1), afi);
        Assert.Single(store.ListActors(null, limit: 1));
        Assert.Equal("Islamic State", store.ListActors(null, limit: 1, offset: 1).Single().Name);
    }

    [SkippableTheory]
    [InlineData(null, "Daraa|Idlib|Jabab", "every resolved place (one event each), by name")]
    [InlineData("jab", "Jabab", "part of the name")]
    [InlineData("sy", "Daraa|Idlib|Jabab", "a country code matches exactly")]
    [InlineData("idlib", "Idlib", "name or admin1")]
    public void Places_are_listed_with_coordinates(string? query, string expected, string reason)
    {
        using var store = OpenWithCorpus();
        var places = store.ListPlaces(query);
        Assert.True(expected == string.Join('|', places.Select(p => p.Name)), reason);
        Assert.All(places, p => Assert.NotNull(p.Lat));
        var jabab = store.ListPlaces("jabab").Single();
        Assert.Equal(("170001", 1L, 1L, "exact"), (jabab.GeonameId, jabab.Articles, jabab.Events, jabab.Precision));
    }

    /// <summary>
    /// The batches of <see cref="Panel_counts_add_up_across_batches_and_leave_duplicates_out"/>: ';' separates Add calls,
    /// ',' documents of one call. release: the fixture; copy: the same content as another article; lower: a copy naming
    /// its first actor in lower case; unresolved: a copy whose Jabab has coordinates but no gazetteer id; implied: a copy
    /// whose event names no actor and carries the coder's category police instead (schema actor.implied, no entity).
    /// </summary>
    private static StorableDocument PanelDocument(string name) => name switch
    {
        "release" => Release(),
        "copy" => Copy(Release(), "copy"),
        "lower" => Copy(Release(), "lower", j => j["entities"]![0]!["name"] = "air force intelligence"),
        "unresolved" => Copy(Release(), "unresolved", j =>
        {
            j["entities"]![3]!["place"]!.AsObject().Remove("geonameid");
            j["events"]![0]!["place"]!["place"]!.AsObject().Remove("geonameid");
        }),
        "implied" => Copy(Release(), "implied", j =>
        {
            var trigger = j["events"]![0]!["trigger"]!;
            j["events"]![0]!["actor"] = new System.Text.Json.Nodes.JsonObject
            {
                ["text"] = "police", ["start"] = trigger["start"]!.DeepClone(), ["end"] = trigger["end"]!.DeepClone(), ["implied"] = true,
            };
        }),
        _ => throw new ArgumentException(name),
    };

    [SkippableTheory]
    [InlineData("release", "Air Force Intelligence 1/1|Islamic State 1/1", "Daraa@170654 1/1|Jabab@170001 1/1", "one article: its actors and places, each with its article and event")]
    [InlineData("release;release", "Air Force Intelligence 1/1|Islamic State 1/1", "Daraa@170654 1/1|Jabab@170001 1/1", "the same article stored again adds nothing")]
    [InlineData("release,release", "Air Force Intelligence 1/1|Islamic State 1/1", "Daraa@170654 1/1|Jabab@170001 1/1", "nor twice in one batch")]
    [InlineData("release;copy", "Air Force Intelligence 2/2|Islamic State 2/2", "Daraa@170654 2/2|Jabab@170001 2/2", "a second article adds to the counts of the first batch")]
    [InlineData("release,copy", "Air Force Intelligence 2/2|Islamic State 2/2", "Daraa@170654 2/2|Jabab@170001 2/2", "two articles in one batch")]
    [InlineData("release;lower", "Air Force Intelligence 2/2|Islamic State 2/2", "Daraa@170654 2/2|Jabab@170001 2/2", "names differing only in case are one actor, under the spelling stored first")]
    [InlineData("release;implied", "Air Force Intelligence 2/1|Islamic State 2/2", "Daraa@170654 2/2|Jabab@170001 2/2", "an implied actor is no named party: police is not listed, and the event it stands in adds to no actor's events (the article still names the branch)")]
    [InlineData("release;unresolved", "Air Force Intelligence 2/2|Islamic State 2/2", "Daraa@170654 2/2|Jabab@- 1/1|Jabab@170001 1/1", "a place without a gazetteer id counts under its name, apart from the resolved one")]
    public void Panel_counts_add_up_across_batches_and_leave_duplicates_out(string batches, string actors, string places, string reason)
    {
        using var store = Open();
        foreach (var batch in batches.Split(';'))
            store.Add([.. batch.Split(',').Select(PanelDocument)]);
        var gotActors = string.Join('|', store.ListActors().Select(a => $"{a.Name} {a.Articles}/{a.Events}").Order(StringComparer.Ordinal));
        var gotPlaces = string.Join('|', store.ListPlaces().Select(p => $"{p.Name}@{p.GeonameId ?? "-"} {p.Articles}/{p.Events}").Order(StringComparer.Ordinal));
        Assert.True((actors, places) == (gotActors, gotPlaces), $"{reason}: got actors [{gotActors}], places [{gotPlaces}]");
    }

    [SkippableFact]
    public void Events_carry_their_article_uri_and_place_id()
    {
        using var store = OpenWithCorpus();
        var release = store.QueryEvents(new EventQuery { Action = "release" }).Value!.Single();
        Assert.Equal("170001", release.GeonameId);
        Assert.Equal("test:" + ReleaseTitle, release.ArticleUri);
    }

    // ------------------------------------------------------------------ migrations

    [SkippableFact]
    public void A_store_at_the_oldest_schema_is_migrated_and_keeps_its_data()
    {
        var location = NewLocation();
        CreateLegacyStore(location);
        var store = Open(location);
        var article = Assert.Single(store.FindByHashPrefix(Legacy.Hash[..10]));
        Assert.Equal(Legacy.Title, article.Title);
        Assert.Equal(1, article.EventCount);
        // indexes added by later versions cover the old rows
        var hit = Assert.Single(store.Search("palmyra").Value!);
        Assert.Equal(article.Id, hit.Article.Id);
        var ev = Assert.Single(store.QueryEvents(new EventQuery { Box = new BoundingBox(34, 38, 35, 39) }).Value!);
        Assert.Equal((Legacy.EventId, Legacy.Action), (ev.EventId, ev.Action));
        // and the migrated store takes new data beside the old, without duplicating it
        Assert.Equal(AddStatus.Stored, store.Add([Release()]).Single().Status);
        Assert.Equal(2, store.Counts().Articles);
    }
}
