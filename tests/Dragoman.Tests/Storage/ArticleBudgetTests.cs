using Dragoman.Ingest;
using Dragoman.Pipeline;
using Dragoman.Storage;
using Dragoman.Storage.Sqlite;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Storage;

/// <summary>An article over its size or time budget fails with the reason; the rest of the batch is stored.</summary>
public sealed class ArticleBudgetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-budget-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [InlineData(60_000, 16 << 20, "", "a 2,000-line article within the default budget is stored")]
    [InlineData(60_000, 4096, "over the size budget of 4 KiB", "an input larger than the size budget is not read")]
    [InlineData(0, 16 << 20, "time budget of 0 s", "an article still in the pipeline when its time is up is stopped between stages")]
    public void An_article_over_budget_fails_with_the_reason_and_the_batch_goes_on(int milliseconds, long maxBytes, string failure, string reason)
    {
        var big = Path.Combine(_dir, "big.txt");
        File.WriteAllText(big, string.Concat(Enumerable.Repeat("Gunmen killed 7 people in Homs.\n", 2000)));
        var small = Path.Combine(_dir, "small.txt");
        File.WriteAllText(small, "Market fire contained\n\nFirefighters contained a fire in the covered market on Friday, officials said.");
        using var store = SqliteEventStore.Open(Path.Combine(_dir, "b.db"));
        var summary = new StoreIngest(store, TestPipeline.Instance, null) { Budget = new ArticleBudget(TimeSpan.FromMilliseconds(milliseconds), maxBytes) }
            .Run(StoreIngest.Prepare(InputSources.Expand([big, small])));
        Assert.True(summary.Read == 2, $"{reason}: read {summary.Read}");
        var bigFailure = summary.Failures.FirstOrDefault(f => f.Input.EndsWith("big.txt", StringComparison.Ordinal));
        if (failure == "") Assert.True(bigFailure is null, $"{reason}: {bigFailure?.Reason}");
        else Assert.True(bigFailure?.Reason.Contains(failure, StringComparison.Ordinal) == true, $"{reason}: {bigFailure?.Reason ?? "stored"}");
        // with time left, the small article is stored whatever happened to the big one
        if (milliseconds > 0) Assert.True(summary.Failures.All(f => !f.Input.EndsWith("small.txt", StringComparison.Ordinal)), $"{reason}: the small article failed");
    }
}
