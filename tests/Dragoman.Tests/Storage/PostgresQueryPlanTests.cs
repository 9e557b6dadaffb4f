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
    [SkippableFact]
    public void Search_reads_its_matches_from_the_full_text_index_and_each_article_by_key()
    {
        using var store = PostgresEventStore.Open(TestPostgres.NewSchema(_schemas));
        store.Add(StoreFixtures.Corpus());
        var plan = store.ExplainSearch("ministry");
        var shown = string.Join("\n  ", plan);
        // The matching ids come from the function (its own plan: the GIN index); articles are joined to them by id, never
        // filtered by `tsv @@` (on these few rows the join may read the table whole; at 100k it reads each by key).
        Assert.Contains("Function Scan on articles_matching", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(plan, step => step.Contains("tsv @@", StringComparison.Ordinal));
        Assert.NotEmpty(store.Search("ministry").Value!);
    }
}
