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
        { "--min-confidence lists every event: the full order index checks the confidence",
            new EventQuery { MinConfidence = 0.5 }, "events_order_keys", ["confidence >="] },
        { "--bbox on the main events: the main order index checks the point's coordinates",
            new EventQuery { Box = new BoundingBox(32, 35, 34, 37) }, "events_main_order_keys", ["lat >=", "lon <="] },
        { "--bbox with --min-confidence: the full order index checks both",
            new EventQuery { Box = new BoundingBox(32, 35, 34, 37), MinConfidence = 0.5 }, "events_order_keys", ["confidence >=", "lat <=", "lon >="] },
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
}
