using Dragoman.Storage;
using Dragoman.Storage.Postgres;

namespace Dragoman.Tests.Storage;

/// <summary>
/// The listing filters that match late in the listing's order are index conditions of the order index (schema 10): the
/// server checks them on the index tuple and visits the heap only for matches, instead of reading every walked row
/// (21,540 rows for one --min-confidence page at 1M events). A test store has a few rows, so sequential and bitmap scans
/// are turned off to see which conditions the index can take (docs/benchmarks.md has the plans at 100k).
/// </summary>
public sealed class PostgresQueryPlanTests : IDisposable
{
    private readonly List<string> _schemas = [];

    public void Dispose() => TestPostgres.DropSchemas(_schemas);

    public static TheoryData<string, EventQuery, string, string[]> Filters() => new()
    {
        { "--min-confidence on the main events: the main order index checks the confidence (schema 16)",
            new EventQuery { MinConfidence = 0.5 }, "events_main_order_keys", ["confidence >="] },
        { "--min-confidence with --all: the full order index checks the confidence",
            new EventQuery { MinConfidence = 0.5, All = true }, "events_order_keys", ["confidence >="] },
        { "--bbox on the main events: the main order index checks the point's coordinates",
            new EventQuery { Box = new BoundingBox(32, 35, 34, 37) }, "events_main_order_keys", ["lat >=", "lon <="] },
        { "--bbox with --min-confidence: the main order index checks both",
            new EventQuery { Box = new BoundingBox(32, 35, 34, 37), MinConfidence = 0.5 }, "events_main_order_keys", ["confidence >=", "lat <=", "lon >="] },
    };

    [SkippableTheory]
    [InlineData(false, false, "main events of the world: the kept cells alone")]
    [InlineData(true, true, "every event in a box: the cells' key, a range of rows")]
    [InlineData(false, true, "main events in a box")]
    public void The_map_feed_s_cells_are_read_from_their_kept_counts_never_from_the_events(bool all, bool boxed, string reason)
    {
        using var store = PostgresEventStore.Open(TestPostgres.NewSchema(_schemas));
        store.Add(StoreFixtures.FeedCorpus());
        var plan = store.ExplainCells(all, boxed ? new BoundingBox(32, 35, 37.5, 42.5) : null);
        var shown = reason + ":\n  " + string.Join("\n  ", plan);
        Assert.DoesNotContain(plan, step => step.Contains(" on events", StringComparison.Ordinal));
        Assert.True(plan.Any(step => step.Contains("event_cells", StringComparison.Ordinal)), shown);
        if (boxed)
            Assert.True(plan.Any(step => step.TrimStart().StartsWith("Index Cond:", StringComparison.Ordinal) && step.Contains("cell_row >=", StringComparison.Ordinal)), shown);
    }

    public static TheoryData<long, long, bool, string> SearchBounds() => new()
    {
        { 1000, 4096, false, "a small store: the first window covers every article, so every match is ranked (as before schema 25)" },
        { 1, 1, true, "one match wanted: the newest id, then the four newest, ...: the newest copy's match, not the older copies'" },
        { 2, 1, false, "two wanted: windows widen until two matches are ranked, which reaches the oldest copy's" },
        { 3, 2, false, "three wanted from a window of two" },
        { 1000, 1, false, "more wanted than match: the windows widen to the whole store" },
    };

    [SkippableTheory]
    [MemberData(nameof(SearchBounds))]
    public void The_search_page_ranks_the_matches_of_the_newest_articles_only(long ranked, long window, bool fewer, string reason)
    {
        // three copies of the corpus: the word's matches spread over the ids; the page's hits must be the best ranked of
        // exactly the matches the windows reach (a model of articles_ranked_newest over the full ranking's ids)
        using var store = PostgresEventStore.Open(TestPostgres.NewSchema(_schemas));
        store.Add([.. StoreFixtures.Corpus(), .. StoreFixtures.Corpus().Select(d => StoreFixtures.Copy(d, "second")), .. StoreFixtures.Corpus().Select(d => StoreFixtures.Copy(d, "third"))]);
        long top = store.QueryEvents(new EventQuery { All = true, Limit = 10_000 }).Value!.Max(e => e.ArticleId);
        while (store.GetArticle(top + 1) is not null) top++; // an article without events may be the newest
        var full = store.Search("ministry", 100, 0, 1_000_000, 1_000_000).Value!;
        Assert.True(full.Count >= 3, "the word matches an article of each copy");
        // a page of one: at least max(ranked, the page's end) matches are ranked
        var reached = new HashSet<long>();
        for (long span = window, hi = top, got = 0; ; hi = top - span, span *= 4)
        {
            var slice = full.Where(h => h.Article.Id > top - span && h.Article.Id <= hi).Select(h => h.Article.Id).ToList();
            reached.UnionWith(slice);
            got += slice.Count;
            if (got >= Math.Max(ranked, 1) || top - span < 1) break;
        }
        var bounded = store.Search("ministry", 1, 0, ranked, window).Value!;
        Assert.Equal(full.Where(h => reached.Contains(h.Article.Id)).Take(1).Select(h => (h.Article.Id, h.Rank)), bounded.Select(h => (h.Article.Id, h.Rank)));
        Assert.True(fewer == (bounded[0].Article.Id != full[0].Article.Id), $"{reason}: the page holds {bounded[0].Article.Id}, the full ranking's first is {full[0].Article.Id}");
        Assert.Equal(store.Search("ministry").Value!.Select(h => h.Article.Id), full.Take(20).Select(h => h.Article.Id));
    }

    [SkippableTheory]
    [MemberData(nameof(Filters))]
    public void A_late_matching_filter_is_an_index_condition_of_the_order_index(string reason, EventQuery query, string index, string[] conditions)
    {
        using var store = PostgresEventStore.Open(TestPostgres.NewSchema(_schemas));
        store.Add(StoreFixtures.Corpus());
        var plan = store.ExplainEvents(query with { Limit = 101 }, indexesOnly: true);
        var shown = reason + ":\n  " + string.Join("\n  ", plan);
        Assert.True(plan.Any(step => step.Contains("Index Scan using " + index + " on events", StringComparison.Ordinal)), shown);
        var indexConditions = string.Join(" ", plan.Where(step => step.TrimStart().StartsWith("Index Cond:", StringComparison.Ordinal)));
        foreach (var condition in conditions) Assert.True(indexConditions.Contains(condition, StringComparison.Ordinal), $"{condition} not an index condition; {shown}");
        Assert.False(plan.Any(step => step.TrimStart().StartsWith("Sort", StringComparison.Ordinal)), "the index gives the order; " + shown);
        Assert.True(store.QueryEvents(query).IsOk, reason);
    }
    [SkippableTheory]
    [InlineData("ministry", 0, "a page from the start")]
    [InlineData("ministry", 1, "a page after an offset (keys first)")]
    [InlineData("ministry OR convoy", 0, "two words")]
    public void A_word_in_few_articles_reads_them_from_the_index_and_lists_what_the_walk_lists(string text, int offset, string reason)
    {
        // Without statistics the listing walks the date order testing each article's vector; once the planner estimates
        // few matching articles (ANALYZE), their ids come from articles_matching and their events are read by key: the
        // planner chose a scan of every article's vector for a rare word at 1M (2.2 s; docs/benchmarks.md, "pg1m17").
        var cs = TestPostgres.NewSchema(_schemas);
        using var store = PostgresEventStore.Open(cs);
        store.Add(StoreFixtures.Corpus());
        var query = new EventQuery { All = true, Text = text, Offset = offset, Limit = 101 };
        static string Label(EventRecord e) => $"{e.ArticleId}/{e.EventId}";
        bool TestsVectors() => store.ExplainEvents(query).Any(step => step.Contains("tsv @@", StringComparison.Ordinal));
        Assert.True(TestsVectors(), reason + ": never analysed, the walk tests the vectors");
        var walked = store.QueryEvents(query).Value!;
        TestPostgres.Admin("ANALYZE articles", cs);
        Assert.False(TestsVectors(), reason + ": analysed, the few matches are read from the index");
        Assert.True(walked.Count > 0 || offset > 0, reason + ": the corpus has no match");
        Assert.Equal(walked.Select(Label), store.QueryEvents(query).Value!.Select(Label));
    }

    [SkippableTheory]
    [InlineData("ministry", 0, "main events, a page from the start")]
    [InlineData("ministry", 1, "main events, a page after an offset")]
    [InlineData("ministry OR convoy", 0, "main events of two words")]
    public void A_word_in_few_articles_sorts_its_main_events_keys_from_the_index_and_reads_the_pages_rows(string text, int offset, string reason)
    {
        // The sparse listing read every matching article's main events (heap rows) to sort them for one page: 4,721 rows
        // for `chlorine` at 1M events. events_main_article carries the order keys (schema 21): the sort reads the index
        // alone and only the page's rows are joined (docs/benchmarks.md, "pgcounts18"). Same rows, same order as the walk.
        var cs = TestPostgres.NewSchema(_schemas);
        using var store = PostgresEventStore.Open(cs);
        store.Add(StoreFixtures.Corpus());
        var query = new EventQuery { Text = text, Offset = offset, Limit = 3 };
        static string Label(EventRecord e) => $"{e.ArticleId}/{e.EventId}";
        var walked = store.QueryEvents(query).Value!;
        TestPostgres.Admin("ANALYZE articles", cs);
        TestPostgres.Admin("VACUUM events", cs);  // all-visible pages: an index-only scan reads no heap row
        var plan = store.ExplainEvents(query, indexesOnly: true);
        var shown = reason + ":\n  " + string.Join("\n  ", plan);
        Assert.Contains("articles_matching", shown, StringComparison.Ordinal);
        Assert.Contains("Index Only Scan using events_main_article on events", shown, StringComparison.Ordinal);
        Assert.True(walked.Count > 0 || offset > 0, reason + ": the corpus has no match");
        Assert.Equal(walked.Select(Label), store.QueryEvents(query).Value!.Select(Label));
    }

    [SkippableFact]
    public void An_action_within_dates_reads_the_actions_events_by_their_stored_end()
    {
        // An event's related reports (`Api.Related`): one action within a fortnight. --from compared
        // COALESCE(time_end, time_start, published) across the join with articles, which no index holds; the stored
        // date_hi (schema 11) is a key of the action's index, so the window is an index condition. On a few rows the walk
        // of the order index always looks cheapest, so the order indexes are dropped for the plan (rolled back); at 100k
        // events the server chose the action's index itself (docs/benchmarks.md: 151 -> 5.9 ms).
        using var store = PostgresEventStore.Open(TestPostgres.NewSchema(_schemas));
        store.Add(StoreFixtures.Corpus());
        var query = new EventQuery { Action = "release", From = new DateOnly(2019, 1, 30), To = new DateOnly(2019, 2, 20), Limit = 200 };
        var plan = store.ExplainEvents(query, indexesOnly: true, without: ["events_main_order_keys", "events_order_keys"]);
        var shown = string.Join("\n  ", plan);
        Assert.True(plan.Any(step => step.Contains("Index Scan using events_action_dates on events", StringComparison.Ordinal)), shown);
        var indexConditions = string.Join(" ", plan.Where(step => step.TrimStart().StartsWith("Index Cond:", StringComparison.Ordinal)));
        foreach (var condition in new[] { "lower(action) =", "date_hi >=", "date_lo <=" })
            Assert.True(indexConditions.Contains(condition, StringComparison.Ordinal), $"{condition} not an index condition; {shown}");
        Assert.DoesNotContain("COALESCE", shown, StringComparison.OrdinalIgnoreCase);
        Assert.True(store.QueryEvents(query).IsOk, shown);
    }
    public static TheoryData<string, EventQuery, bool> ActionWindows() => new()
    {
        { "an event's related reports: one action within a fortnight, main events", new EventQuery { Action = "release", From = new DateOnly(2019, 1, 30), To = new DateOnly(2019, 2, 20), Limit = 200 }, true },
        { "every event (--all) of the action within the window", new EventQuery { Action = "Release", From = new DateOnly(2019, 1, 30), To = new DateOnly(2019, 2, 20), Limit = 200, All = true }, true },
        { "a page of one after an offset of one", new EventQuery { Action = "release", From = new DateOnly(2019, 1, 30), To = new DateOnly(2019, 2, 20), Limit = 1, Offset = 1, All = true }, true },
        { "a window and a place", new EventQuery { Action = "release", From = new DateOnly(2019, 1, 30), To = new DateOnly(2019, 2, 20), Place = "a", Limit = 200, All = true }, true },
        { "only --from: no window, so the walk", new EventQuery { Action = "release", From = new DateOnly(2019, 1, 30), Limit = 200 }, false },
        { "a CAMEO prefix within the window: not the action's index", new EventQuery { Action = "1", From = new DateOnly(2019, 1, 30), To = new DateOnly(2019, 2, 20), Limit = 200 }, false },
    };

    [SkippableTheory]
    [MemberData(nameof(ActionWindows))]
    public void An_action_in_a_window_few_events_match_sorts_their_keys_from_the_action_s_index(string reason, EventQuery query, bool keys)
    {
        // At 1M events the planner walked the main order index from --to down for `shelling` within three weeks (4,394
        // matches expected, 82 found) and read 56,951 rows below the window (308 ms; docs/benchmarks.md, "feed21"). Few
        // matches in the window (the action's index counted): their keys are selected by the filters alone and sorted.
        // The rows and their order must be the listing's: here the same listing without the action, filtered in C#.
        using var store = PostgresEventStore.Open(TestPostgres.NewSchema(_schemas));
        store.Add([.. StoreFixtures.Corpus(), .. StoreFixtures.Corpus().Select((d, i) => StoreFixtures.Copy(d, "copy" + i))]);
        var plan = store.ExplainEvents(query, indexesOnly: true);
        var shown = reason + ":\n  " + string.Join("\n  ", plan);
        Assert.Equal(keys, plan.Any(step => step.TrimStart().StartsWith("CTE m", StringComparison.Ordinal)));
        if (keys)
        {
            Assert.Contains("using events_action_dates on events", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("order_keys", shown, StringComparison.Ordinal);
        }
        static string Label(EventRecord e) => $"{e.ArticleId}/{e.EventId}/{e.Ordinal}";
        bool digits = query.Action!.All(char.IsAsciiDigit);
        var expected = store.QueryEvents(query with { Action = null, Limit = 100_000, Offset = 0 }).Value!
            .Where(e => digits ? (e.Cameo ?? "").StartsWith(query.Action!, StringComparison.Ordinal) : string.Equals(e.Action, query.Action, StringComparison.OrdinalIgnoreCase))
            .Skip(query.Offset).Take(query.Limit).Select(Label).ToList();
        Assert.True(expected.Count > 0 || !keys, reason + ": the corpus has no match");
        Assert.Equal(expected, store.QueryEvents(query).Value!.Select(Label));
    }

    [SkippableTheory]
    [InlineData("", "no filter")]
    [InlineData("ministry", "full text: the matching articles from the GIN index (articles_matching), their events by key")]
    public void A_bounded_count_neither_sorts_nor_joins_articles(string text, string reason)
    {
        using var store = PostgresEventStore.Open(TestPostgres.NewSchema(_schemas));
        store.Add(StoreFixtures.Corpus());
        var query = new EventQuery { Text = text.Length == 0 ? null : text, Limit = 10_000 };
        var plan = store.ExplainEvents(query, counting: true);
        var shown = reason + ":\n  " + string.Join("\n  ", plan);
        Assert.False(plan.Any(step => step.TrimStart().StartsWith("Sort", StringComparison.Ordinal)), shown);
        Assert.DoesNotContain("on articles", shown, StringComparison.Ordinal);
        if (text.Length > 0) Assert.Contains("articles_matching", shown, StringComparison.Ordinal);
        Assert.Equal(store.QueryEvents(query).Value!.Count, store.CountEvents(query, 10_000).Value);
    }
    [SkippableTheory]
    [InlineData("ministry", false, "a word's main events: their article ids from the partial index alone (schema 20)")]
    [InlineData("ministry", true, "every event of a word (--all): no main test, so the primary key's article ids")]
    public void A_bounded_count_of_a_word_reads_the_events_article_ids_from_an_index(string text, bool all, string reason)
    {
        // The count read each matching article's events by the primary key and their heap rows to test main (8,290 pages
        // from disk for 10,000 events at 1M; docs/benchmarks.md, "pgsearch18"). A few rows look cheapest read whole, so
        // sequential and bitmap scans are off for the plan; the counts are compared with the listing either way.
        using var store = PostgresEventStore.Open(TestPostgres.NewSchema(_schemas));
        store.Add(StoreFixtures.Corpus());
        var query = new EventQuery { Text = text, All = all };
        var plan = store.ExplainEvents(query with { Limit = 10_000 }, indexesOnly: true, counting: true);
        var shown = reason + ":\n  " + string.Join("\n  ", plan);
        Assert.Equal(!all, plan.Any(step => step.Contains("Index Only Scan using events_main_article on events", StringComparison.Ordinal)));
        // the matching ids are joined as the function yields them, so the bound stops the read: not collected and
        // deduplicated first (every match of `hospital` at 1M; docs/benchmarks.md, "feed21")
        Assert.True(plan.Any(step => step.Contains("Nested Loop", StringComparison.Ordinal)), shown);
        Assert.DoesNotContain(plan, step => step.Contains("Aggregate", StringComparison.Ordinal) && !step.TrimStart().StartsWith("Aggregate", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("Semi Join", StringComparison.Ordinal) || step.Contains("Unique", StringComparison.Ordinal) || step.Contains("Hash", StringComparison.Ordinal));
        Assert.True(all || !plan.Any(step => step.Contains("Filter: main", StringComparison.Ordinal)), shown);
        int listed = store.QueryEvents(query with { Limit = 1000 }).Value!.Count;
        Assert.True(listed > 1, reason + ": the corpus has too few matches");
        foreach (int bound in new[] { 1, listed - 1, listed, 10_000 })
            Assert.Equal(Math.Min(listed, bound), store.CountEvents(query, bound).Value);
    }

    public static TheoryData<string, string> Searches() => new()
    {
        { "daraa", "one word, twice in one article" },
        { "ministry OR daraa", "either of two words (ts_rank's sum over words)" },
        { "daraa AND fighters", "both words (ts_rank's distance between positions)" },
        { "\"air force\"", "a phrase" },
        { "rel*", "a prefix" },
        { "title:idlib", "a word of the title (weight A)" },
    };

    [SkippableTheory]
    [MemberData(nameof(Searches))]
    public void Search_ranks_and_orders_the_same_whether_the_vectors_are_in_the_row_or_out_of_line(string query, string reason)
    {
        // Schema 20 keeps each article's vector in its row (storage main) so that ranking every match reads no TOAST
        // chunks (docs/benchmarks.md, "pgsearch18"). The vectors are the same values, so the hits, their ranks and their
        // order must be too: here every vector is then moved out of line as before (a row target of 128 bytes) and the
        // search run again.
        var cs = TestPostgres.NewSchema(_schemas);
        using var store = PostgresEventStore.Open(cs);
        store.Add([.. StoreFixtures.Corpus(), .. StoreFixtures.Corpus().Select((d, i) => StoreFixtures.Copy(d, "copy" + i))]);
        long Scalar(string sql)
        {
            using var db = new Npgsql.NpgsqlConnection(cs);
            db.Open();
            using var cmd = new Npgsql.NpgsqlCommand(sql, db);
            return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        const string toastSize = "SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE oid = 'articles'::regclass";
        Assert.Equal(1, Scalar("SELECT count(*) FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attname = 'tsv' AND attstorage = 'm'"));
        static string Hits(IReadOnlyList<SearchHit> hits) => string.Join(" ", hits.Select(h => $"{h.Article.Id}:{h.Rank:R}:{h.Snippet}"));
        var inRow = store.Search(query, limit: 100);
        Assert.True(inRow.IsOk && inRow.Value!.Count > 0, $"{reason}: {inRow.Error ?? "no hit"}");
        // the ranking as it was before schema 20: each match's row read again by key and ranked there
        var before = new List<string>();
        using (var db = new Npgsql.NpgsqlConnection(cs))
        {
            db.Open();
            using var cmd = new Npgsql.NpgsqlCommand("""
                SELECT a.id, ts_rank(a.tsv, q)::float8 AS rank FROM to_tsquery('simple', $1) q, articles_matching(q) m(id)
                JOIN articles a ON a.id = m.id ORDER BY rank DESC, a.id LIMIT 100
                """, db);
            cmd.Parameters.AddWithValue(PostgresSearchQuery.Translate(query).Value!);
            using var r = cmd.ExecuteReader();
            while (r.Read()) before.Add($"{r.GetInt64(0)}:{r.GetDouble(1):R}");
        }
        Assert.Equal(before, inRow.Value!.Select(h => $"{h.Article.Id}:{h.Rank:R}"));
        long toastBefore = Scalar(toastSize);
        TestPostgres.Admin("ALTER TABLE articles SET (toast_tuple_target = 128); ALTER TABLE articles ALTER COLUMN tsv SET STORAGE EXTERNAL; UPDATE articles SET text = text", cs);
        Assert.True(Scalar(toastSize) > toastBefore, reason + ": the vectors did not move out of line");
        Assert.Equal(Hits(inRow.Value!), Hits(store.Search(query, limit: 100).Value!));
        Assert.Equal(Hits(store.Search(query, limit: 2, offset: 1).Value!), Hits([.. inRow.Value!.Skip(1).Take(2)]));
    }

    [SkippableFact]
    public void Search_reads_its_matches_from_the_full_text_index_and_each_article_by_key()
    {
        using var store = PostgresEventStore.Open(TestPostgres.NewSchema(_schemas));
        store.Add(StoreFixtures.Corpus());
        var plan = store.ExplainSearch("ministry");
        var shown = string.Join("\n  ", plan);
        // The matching ids and their ranks come from the function (its own plan: the GIN index, each row read once);
        // only the page's articles are joined to them by id, never filtered by `tsv @@` nor ranked again (schema 20).
        Assert.Contains("Function Scan on articles_ranked", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(plan, step => step.Contains("tsv @@", StringComparison.Ordinal) || step.Contains("ts_rank", StringComparison.Ordinal));
        // the page's ids are cut (Limit) within the CTE, which the join of the articles reads (the CTE is shown first)
        var steps = plan.ToList();
        int cte = steps.FindIndex(step => step.TrimStart().StartsWith("CTE top", StringComparison.Ordinal));
        int limit = steps.FindIndex(step => step.Contains("Limit", StringComparison.Ordinal));
        int join = steps.FindIndex(step => step.Contains("Join", StringComparison.Ordinal) || step.Contains("Nested Loop", StringComparison.Ordinal));
        Assert.True(cte >= 0 && cte < limit && limit < join, "the page is cut before the articles are joined: " + shown);
        Assert.NotEmpty(store.Search("ministry").Value!);
    }
}
