using Dragoman.Export;
using Dragoman.Storage;
using Dragoman.Storage.Sqlite;

namespace Dragoman.Tests.Storage;

/// <summary>
/// Every read of the listing, the panels and search goes through an index: SQLite's EXPLAIN QUERY PLAN never shows a
/// full scan of the events (or entities, places) table, and the unfiltered and equality-filtered listings need no sort.
/// Reads stay fast at a million events only while this holds (docs/benchmarks.md, `bench scale`).
/// </summary>
public sealed class QueryPlanTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-plan-").FullName;
    private readonly SqliteEventStore _store;
    private SqliteEventStore? _feedStore;

    /// <summary>A store of <see cref="StoreFixtures.FeedCorpus"/>: located events with fatalities and chains of sources.</summary>
    private SqliteEventStore FeedStore()
    {
        if (_feedStore is null)
        {
            _feedStore = SqliteEventStore.Open(Path.Combine(_dir, "feed.db"));
            _feedStore.Add(StoreFixtures.FeedCorpus());
        }
        return _feedStore;
    }

    public QueryPlanTests()
    {
        _store = SqliteEventStore.Open(Path.Combine(_dir, "plan.db"));
        _store.Add(StoreFixtures.Corpus());
    }

    public void Dispose()
    {
        _store.Dispose();
        _feedStore?.Dispose();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    public static TheoryData<string, EventQuery, bool> Listings() => new()
    {
        { "no filter: the main events' date index is walked in order", new EventQuery(), false },
        { "every event: the date index is walked in order", new EventQuery { All = true }, false },
        { "a deep offset walks the same index for ids (then sorts the page's rows)", new EventQuery { Offset = 50_000 }, true },
        { "a cursor starts inside the date index", new EventQuery { After = new EventCursor(1, "ev1") }, false },
        { "a rare actor's events are read from its trigram index (then sorted)", new EventQuery { Actor = "intelligence" }, true },
        { "a rare place's events are read from its trigram index (then sorted)", new EventQuery { Place = "daraa" }, true },
        { "an actor part too short for a trigram is checked on rows in date order", new EventQuery { Actor = "ai" }, false },
        { "--from is checked on rows in date order", new EventQuery { From = new DateOnly(2019, 1, 1) }, false },
        { "--to starts the date index at that date", new EventQuery { To = new DateOnly(2019, 1, 1) }, false },
        { "an action has its own index in date order", new EventQuery { Action = "release" }, false },
        { "a modality has its own index in date order", new EventQuery { Modality = "reported" }, false },
        { "a minimum confidence is checked on rows in date order", new EventQuery { MinConfidence = 0.5 }, false },
        { "a CAMEO prefix is a range of codes (then sorted)", new EventQuery { Action = "08" }, true },
        { "a bounding box reads the R*Tree", new EventQuery { Box = new BoundingBox(32, 35, 34, 37) }, true },
        { "full text reads the FTS index", new EventQuery { Text = "prisoners" }, true },
        { "one article's events come from its key", new EventQuery { ArticleId = 1 }, true },
    };

    public static TheoryData<string, EventQuery> DenseFilters() => new()
    {
        { "a CAMEO prefix with many events is checked on rows in date order", new EventQuery { Action = "08" } },
        { "a box with many events is tested on the entries of the date index (lat, lon)", new EventQuery { Box = new BoundingBox(32, 35, 34, 37) } },
        { "an actor with many events is checked on rows in date order", new EventQuery { Actor = "intelligence" } },
        { "a place with many events is checked on rows in date order", new EventQuery { Place = "daraa" } },
        { "full text matching many events: its articles are a list checked on rows in date order", new EventQuery { Text = "prisoners" } },
    };

    [Theory]
    [InlineData(false, false, "main events of the world: the kept cells alone, in key order")]
    [InlineData(true, false, "every event of the world: the kept cells alone")]
    [InlineData(false, true, "a box: a range of the cells' key, no event read")]
    [InlineData(true, true, "every event in a box")]
    public void The_map_feed_s_cells_are_read_from_their_kept_counts_never_from_the_events(bool all, bool boxed, string reason)
    {
        var plan = FeedStore().ExplainCells(all, boxed ? new BoundingBox(32, 35, 37.5, 42.5) : null);
        var shown = reason + ":\n  " + string.Join("\n  ", plan);
        Assert.DoesNotContain(plan, step => step.Contains(" events", StringComparison.Ordinal) || step.Contains("events_", StringComparison.Ordinal));
        Assert.True(plan.Any(step => step.Contains("event_cells", StringComparison.Ordinal)), shown);
        if (boxed) Assert.True(plan.Any(step => step.StartsWith("SEARCH event_cells USING PRIMARY KEY (cell_row>? AND cell_row<?)", StringComparison.Ordinal)), shown);
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("actor", "intelligence", "events_actor_names", "a rare actor")]
    [InlineData("place", "daraa", "events_place_names", "a rare place")]
    public void A_rare_name_reads_its_candidates_from_the_trigram_index_then_each_event_by_key(string field, string part, string index, string reason)
    {
        var q = field == "actor" ? new EventQuery { Actor = part } : new EventQuery { Place = part };
        var plan = _store.ExplainEvents(q with { Limit = 101 });
        var shown = reason + ":\n  " + string.Join("\n  ", plan);
        Assert.True(plan.Any(step => step.StartsWith("SCAN " + index + " VIRTUAL TABLE", StringComparison.Ordinal)), shown);
        Assert.True(plan.Any(step => step.StartsWith("SEARCH e USING INTEGER PRIMARY KEY", StringComparison.Ordinal)), shown);
        Assert.DoesNotContain(plan, IsDateWalk);
    }

    public static TheoryData<string, EventQuery> Counts() => new()
    {
        { "no filter", new EventQuery() },
        { "an action: its own index", new EventQuery { Action = "release" } },
        { "a rare actor: its trigram candidates", new EventQuery { Actor = "intelligence" } },
        { "full text: the matching articles' events", new EventQuery { Text = "prisoners" } },
        { "after a cursor", new EventQuery { After = new EventCursor(1, "ev1") } },
    };

    [Theory]
    [MemberData(nameof(Counts))]
    public void A_bounded_count_neither_sorts_nor_reads_articles(string reason, EventQuery query)
    {
        var plan = _store.ExplainEvents(query with { Limit = 10_000 }, counting: true);
        var shown = reason + ":\n  " + string.Join("\n  ", plan);
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
        Assert.False(plan.Any(step => step.StartsWith("SEARCH a ", StringComparison.Ordinal) || IsFullScan(step, "a")), shown);
        Assert.True(_store.CountEvents(query, 10_000).IsOk, shown);
    }

    [Fact]
    public void A_count_of_main_events_reads_their_index_alone()
    {
        var plan = _store.ExplainEvents(new EventQuery { Limit = 10_000 }, counting: true);
        Assert.True(plan.Any(step => step.Contains("USING COVERING INDEX events_main_order", StringComparison.Ordinal)), string.Join("\n  ", plan));
        Assert.Equal(_store.QueryEvents(new EventQuery { Limit = 10_000 }).Value!.Count, _store.CountEvents(new EventQuery(), 10_000).Value);
    }

    [Theory]
    [MemberData(nameof(DenseFilters))]
    public void A_count_reads_a_filter_with_many_matches_from_its_own_index_not_the_date_walk(string reason, EventQuery query)
    {
        // A count needs no order: walking the date index to the end (a count of fewer matches than its bound) read every
        // event; the filter's own index reads its candidates, and the bound stops it. (Every event here: a count of main
        // events tests a common actor or place on the main events' index entries, below.)
        _store.DenseMatches = 1;
        query = query with { All = true };
        var plan = _store.ExplainEvents(query with { Limit = 10_000 }, counting: true);
        var shown = reason + ":\n  " + string.Join("\n  ", plan);
        Assert.False(plan.Any(step => IsDateWalk(step) || IsFullScan(step, "e")), shown);
        Assert.False(plan.Any(step => step.Contains("EXISTS", StringComparison.Ordinal)), "no per-row lookup; " + shown);
        int listed = _store.QueryEvents(query with { Limit = 10_000 }).Value!.Count;
        Assert.True(listed > 0, reason);
        Assert.Equal(listed, _store.CountEvents(query, 10_000).Value);
        Assert.Equal(Math.Min(listed, 1), _store.CountEvents(query, 1).Value);
    }

    [Theory]
    [InlineData("actor", "intelligence", "a common actor")]
    [InlineData("place", "daraa", "a common place")]
    public void A_count_of_main_events_with_a_common_name_reads_the_main_events_index_alone(string field, string part, string reason)
    {
        // The trigram candidates' rows were read one by one to test main and the text (10,000 rows, 325 ms at 1M events);
        // the main events' date index carries the search text (schema 18), so the count is a covering walk stopped by its bound.
        _store.DenseMatches = 1;
        var query = field == "actor" ? new EventQuery { Actor = part } : new EventQuery { Place = part };
        var plan = _store.ExplainEvents(query with { Limit = 10_000 }, counting: true);
        var shown = reason + ":\n  " + string.Join("\n  ", plan);
        Assert.Contains(plan, step => step.Contains("USING COVERING INDEX events_main_order", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("VIRTUAL TABLE", StringComparison.Ordinal) || step.Contains("INTEGER PRIMARY KEY", StringComparison.Ordinal));
        Assert.Contains(field + "_search", _store.IndexColumns("events_main_order"));
        int listed = _store.QueryEvents(query with { Limit = 10_000 }).Value!.Count;
        Assert.True(listed > 0, shown);
        Assert.Equal(listed, _store.CountEvents(query, 10_000).Value);
    }

    [Fact]
    public void A_count_of_main_events_of_matching_articles_reads_an_index_alone()
    {
        // Each event of the matching articles was read to test main (10,000 rows, 183 ms for --search hospital at 1M).
        var query = new EventQuery { Text = "prisoners" };
        var plan = _store.ExplainEvents(query with { Limit = 10_000 }, counting: true);
        var shown = string.Join("\n  ", plan);
        Assert.True(plan.Any(step => step.Contains("USING COVERING INDEX events_main_article", StringComparison.Ordinal)), shown);
        Assert.Equal(_store.QueryEvents(query with { Limit = 10_000 }).Value!.Count, _store.CountEvents(query, 10_000).Value);
    }

    [Fact]
    public void A_page_after_an_offset_lists_ids_from_the_index_and_reads_articles_for_the_page_only()
    {
        // Joined inside the walk, every skipped event's article was read (50,000 lookups: 299 ms for offset 50,000 at 1M).
        var whole = _store.QueryEvents(new EventQuery { All = true, Limit = 1000 }).Value!.Select(e => e.Key).ToList();
        Assert.True(whole.Count > 2, "the corpus has a few events");
        var plan = _store.ExplainEvents(new EventQuery { All = true, Offset = 2, Limit = 101 });
        var shown = string.Join("\n  ", plan);
        int ids = plan.ToList().FindIndex(step => step.StartsWith("LIST SUBQUERY", StringComparison.Ordinal));
        Assert.True(ids >= 0 && plan[ids + 1].Contains("USING COVERING INDEX events_order", StringComparison.Ordinal), shown);
        Assert.DoesNotContain(plan.Skip(ids + 1).Take(1), step => step.Contains("SEARCH a ", StringComparison.Ordinal));
        for (int offset = 0; offset < whole.Count; offset++)
            Assert.Equal(whole.Skip(offset).Take(2), _store.QueryEvents(new EventQuery { All = true, Offset = offset, Limit = 2 }).Value!.Select(e => e.Key));
    }

    [Theory]
    [MemberData(nameof(DenseFilters))]
    public void A_filter_with_many_matches_walks_the_date_index_without_sorting(string reason, EventQuery query)
    {
        _store.DenseMatches = 1;
        var plan = _store.ExplainEvents(query with { Limit = 101 });
        Assert.Contains(plan, IsDateWalk);
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
        Assert.True(_store.QueryEvents(query).IsOk, reason);
    }

    [Theory]
    [InlineData(false, "confidence", "main events: a minimum confidence tested along events_main_order")]
    [InlineData(true, "confidence", "every event: a minimum confidence tested along events_order")]
    [InlineData(false, "article_id", "main events: full text's matching articles tested along events_main_order")]
    [InlineData(true, "article_id", "every event: full text's matching articles tested along events_order")]
    [InlineData(false, "lat", "main events: a box with many events tested on lat, lon along events_main_order (no R*Tree lookup per event)")]
    [InlineData(true, "lon", "every event: a box with many events tested on lat, lon along events_order")]
    [InlineData(false, "place_search", "main events: a common place's text tested along events_main_order")]
    [InlineData(false, "actor_search", "main events: a common actor's text tested along events_main_order")]
    public void A_filter_checked_along_the_date_walk_is_tested_on_the_index_entry(bool all, string column, string reason)
    {
        // SQLite tests a WHERE term on the index entry (deferring the row's read) when the index holds its columns; the
        // row, most of it JSON, is then read only for the events that pass (schema 15: 28 -> 0.3 ms for a page at 100k).
        _store.DenseMatches = 1;
        var query = column switch
        {
            "confidence" => new EventQuery { MinConfidence = 0.5, All = all },
            "lat" or "lon" => new EventQuery { Box = new BoundingBox(32, 35, 34, 37), All = all },
            "place_search" => new EventQuery { Place = "daraa", All = all },
            "actor_search" => new EventQuery { Actor = "intelligence", All = all },
            _ => new EventQuery { Text = "prisoners", All = all },
        };
        var plan = _store.ExplainEvents(query with { Limit = 101 });
        var shown = reason + ":\n  " + string.Join("\n  ", plan);
        Assert.DoesNotContain(plan, step => step.Contains("VIRTUAL TABLE", StringComparison.Ordinal) && !step.Contains("articles_fts", StringComparison.Ordinal));
        var index = all ? "events_order" : "events_main_order";
        Assert.True(plan.Any(step => step.Contains("INDEX " + index + " ", StringComparison.Ordinal) || step.EndsWith("INDEX " + index, StringComparison.Ordinal)), shown);
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.Contains(column, _store.IndexColumns(index));
        Assert.Equal(["date_lo", "id"], _store.IndexColumns(index).SkipWhile(c => c == "main").Take(2));
    }

    [Theory]
    [MemberData(nameof(DenseFilters))]
    public void Both_plans_of_a_filter_list_the_same_events(string reason, EventQuery query)
    {
        var sparse = _store.QueryEvents(query with { All = true }).Value!.Select(e => e.Key).ToList();
        _store.DenseMatches = 1;
        var dense = _store.QueryEvents(query with { All = true }).Value!.Select(e => e.Key).ToList();
        Assert.True(sparse.Count > 0 && sparse.SequenceEqual(dense), $"{reason}: read from the filter's index [{string.Join(' ', sparse)}], walked [{string.Join(' ', dense)}]");
    }

    [Theory]
    [MemberData(nameof(Listings))]
    public void An_event_listing_never_scans_the_events_table(string reason, EventQuery query, bool maySort)
    {
        var plan = _store.ExplainEvents(query with { Limit = 101 });
        var shown = reason + ":\n  " + string.Join("\n  ", plan);
        Assert.DoesNotContain(plan, step => IsFullScan(step, "e"));
        if (!maySort) Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
        Assert.True(plan.Count > 0, shown);
    }

    [Theory]
    [MemberData(nameof(Listings))]
    public void The_map_feed_walks_the_listing_s_indexes_with_a_feature_s_columns(string reason, EventQuery query, bool maySort)
    {
        // the feed's narrow select (no evidence, trigger, entity ids) changes what is read of each row, not how rows are found;
        // its rows' articles are not looked up row by row (their titles are read once per article after the rows)
        var listing = _store.ExplainEvents(query with { Limit = 5000 });
        var feed = _store.ExplainEvents(query with { Limit = 5000 }, features: true);
        var shown = reason + ":\n  " + string.Join("\n  ", feed);
        // (SQLite may order the steps otherwise without the join, e.g. the full-text list first: the same steps are compared)
        Assert.Contains(listing, step => step.StartsWith("SEARCH a ", StringComparison.Ordinal));
        Assert.DoesNotContain(feed, step => step.StartsWith("SEARCH a ", StringComparison.Ordinal));
        Assert.All(feed, step => Assert.Contains(step, listing));
        Assert.All(listing.Where(step => step.StartsWith("SEARCH e ", StringComparison.Ordinal) || step.StartsWith("SCAN e ", StringComparison.Ordinal)),
            step => Assert.Contains(step, feed));
        Assert.DoesNotContain(feed, step => IsFullScan(step, "e") || IsFullScan(step, "a"));
        if (!maySort) Assert.DoesNotContain(feed, step => step.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
        Assert.True(feed.Count > 0, shown);
    }

    public static TheoryData<string, EventQuery> FeedQueries() => new()
    {
        { "the default feed: main events", new EventQuery { Limit = 5000 } },
        { "every event, with and without coordinates", new EventQuery { All = true, Limit = 5000 } },
        { "a box", new EventQuery { All = true, Box = new BoundingBox(-90, -180, 90, 180), Limit = 5000 } },
        { "full text", new EventQuery { All = true, Text = "prisoners", Limit = 5000 } },
        { "after an offset (ids first, then the page's rows)", new EventQuery { All = true, Offset = 1, Limit = 5000 } },
        { "a small limit", new EventQuery { All = true, Limit = 2 } },
    };

    [Theory]
    [MemberData(nameof(FeedQueries))]
    public void The_map_feed_writes_the_GeoJSON_of_the_full_listing(string reason, EventQuery query)
    {
        string Json(IReadOnlyList<EventRecord> events) => System.Text.Json.JsonSerializer.Serialize(EventJson.FeatureCollection(events), EventFeature.Json);
        foreach (var store in new[] { _store, FeedStore() })
        {
            var full = store.QueryEvents(query).Value!;
            var feed = store.QueryFeatureEvents(query).Value!;
            Assert.True(full.Count > 0, reason + ": the corpus lists no event");
            Assert.Equal(Json(full), Json(feed));
        }
    }

    [Fact]
    public void The_corpus_exercises_every_feature_field_the_narrow_read_fills()
    {
        // the GeoJSON comparison above proves little unless the rows carry what the feature derives from stored JSON
        var all = FeedStore().QueryEvents(new EventQuery { All = true, Limit = 5000 }).Value!;
        Assert.Contains(all, e => e.Lat is not null);
        Assert.Contains(all, e => e.Lat is null);
        Assert.Contains(all, e => ExportFields.SourceChain(e).Length > 0);
        Assert.Contains(all, e => e.ArticleTitle is not null && e.TimeStart is not null);
        // schema 23: the feed shows the stored chain and fatalities; located events with several sources, with
        // fatalities, and with a killed count that gives none (the event did not occur)
        Assert.Contains(all, e => e.Lat is not null && ExportFields.SourceChain(e).Contains(" < ", StringComparison.Ordinal));
        Assert.Contains(all, e => e.Lat is not null && ExportFields.Fatalities(e) > 0);
        Assert.Contains(all, e => e.Lat is not null && !e.Occurred && e.CountsJson.Contains("killed", StringComparison.Ordinal));
        var feed = FeedStore().QueryFeatureEvents(new EventQuery { All = true, Limit = 5000 }).Value!;
        Assert.All(feed, e => Assert.True(e.SourceChain is not null && e.Fatalities is not null && e.SourcesJson == "[]" && e.CountsJson == "[]", e.Key));
    }

    [Theory]
    [InlineData("actors", null, "the actor panel reads its table in rank order")]
    [InlineData("actors", "army", "a name filter scans the small panel table, not entities or events")]
    [InlineData("places", null, "the place panel reads its table in rank order")]
    [InlineData("places", "idlib", "a name filter scans the small panel table, not places or events")]
    [InlineData("search", "prisoners", "search reads the FTS index")]
    public void Panels_and_search_read_no_event_entity_or_place_table(string which, string? query, string reason)
    {
        var plan = _store.ExplainPanel(which, query);
        foreach (var table in new[] { "events", "entities", "places", "e", "n", "p", "m" })
            Assert.DoesNotContain(plan, step => IsFullScan(step, table));
        if (query is null) Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
        Assert.True(plan.Count > 0, reason);
    }

    [Fact]
    public void Search_ranks_ids_first_and_reads_articles_and_snippets_for_the_page_only()
    {
        var plan = _store.ExplainPanel("search", "prisoners");
        var shown = string.Join("\n  ", plan);
        // The ranking (with its sort) is a materialised subquery over the FTS index alone; the page's rows are then
        // read by key from articles and found again in the FTS index by rowid (":=M" = rowid equality plus MATCH).
        int ranked = plan.ToList().IndexOf("MATERIALIZE top");
        Assert.True(ranked >= 0 && plan.Skip(ranked + 1).Take(2).Any(
            step => step.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal)), shown);
        Assert.Contains("SCAN top", plan);
        Assert.Contains(plan, step => step.StartsWith("SEARCH a USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SCAN articles_fts VIRTUAL TABLE INDEX 0:=M", StringComparison.Ordinal));
    }

    /// <summary>A walk of events in date order: every event's index (events_order) or the main events' (events_main_order, schema 13).</summary>
    private static bool IsDateWalk(string step) =>
        step.Contains("USING INDEX events_order", StringComparison.Ordinal) || step.Contains("USING INDEX events_main_order", StringComparison.Ordinal)
        || step.Contains("USING COVERING INDEX events_main_order", StringComparison.Ordinal);

    /// <summary>"SCAN e" (a table read row by row) as opposed to "SCAN e USING INDEX ..." (an index walked in order).</summary>
    private static bool IsFullScan(string step, string table) =>
        step.StartsWith("SCAN " + table, StringComparison.Ordinal)
        && (step.Length == 5 + table.Length || step[5 + table.Length] == ' ')
        && !step.Contains("USING INDEX", StringComparison.Ordinal) && !step.Contains("USING COVERING INDEX", StringComparison.Ordinal)
        && !step.Contains("VIRTUAL TABLE", StringComparison.Ordinal);

    /// <summary>
    /// The merge stage's candidate search reads the stored reports of each block part through an index (the window's
    /// (family, country, day_lo), the place's (family, geonameid), the days of the year's incident_report_days, the
    /// name words' incident_report_names and the undated reports' (name word, day of the year) incident_report_name_days, then the report by its key), never the whole table: a scan of it costs every article the size of the store.
    /// </summary>
    [Fact]
    public void The_merge_candidate_search_reads_reports_through_indexes()
    {
        var plan = _store.ExplainCandidates();
        Assert.Contains(plan, step => step.StartsWith("SEARCH d USING PRIMARY KEY (family=? AND country=? AND day=?", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH r USING INTEGER PRIMARY KEY", StringComparison.Ordinal));
        // The window: the block's week before (family, country, day_lo), and the long reports' month before through their partial index.
        Assert.Contains(plan, step => step.StartsWith("SEARCH r USING INDEX incident_reports_block (family=? AND country=? AND day_lo>? AND day_lo<?)", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH r USING INDEX incident_reports_long (family=? AND country=? AND day_lo>? AND day_lo<?)", StringComparison.Ordinal));
        // The same place: an undated report reads every report of it, a dated one the undated ones from their partial index.
        Assert.Contains(plan, step => step.StartsWith("SEARCH r USING INDEX incident_reports_place (family=? AND geonameid=?)", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH r USING INDEX incident_reports_place_undated (family=? AND geonameid=?)", StringComparison.Ordinal));
        // The names key: one index range per name word (family, name, days of the window), for the rows and for the count
        // that skips a common word.
        Assert.Contains(plan, step => step.StartsWith("SEARCH n USING PRIMARY KEY (family=? AND name=? AND day>? AND day<?)", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH c USING PRIMARY KEY (family=? AND name=? AND day>? AND day<?)", StringComparison.Ordinal));
        // The names key of an undated report: every carrier of a word (family, name); a dated report's undated carriers (one day).
        Assert.Contains(plan, step => step.StartsWith("SEARCH n USING PRIMARY KEY (family=? AND name=?)", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH n USING PRIMARY KEY (family=? AND name=? AND day=?)", StringComparison.Ordinal));
        // A dated report's undated partners by a day of the year: one seek per (name word, day) of the new report (schema 24).
        Assert.Contains(plan, step => step.StartsWith("SEARCH nd USING PRIMARY KEY (family=? AND country=? AND name=? AND day=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN r", StringComparison.Ordinal) || step.StartsWith("SCAN d", StringComparison.Ordinal)
            || step.StartsWith("SCAN n", StringComparison.Ordinal) || step.StartsWith("SCAN c", StringComparison.Ordinal));
    }
}
