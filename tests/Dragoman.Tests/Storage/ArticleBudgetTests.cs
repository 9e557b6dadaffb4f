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

/// <summary>The time budget reaches inside a stage: a stage that checks the article's token in its loop stops within the budget.</summary>
public sealed class BudgetInsideStageTests
{
    /// <summary>A stand-in for a stage whose loop would not end on its own (a pathological article), checking the token as the long loops do.</summary>
    private sealed class EndlessLoop : IDocumentComponent
    {
        public string Name => "endless";
        public Layer Requires => Layer.None;
        public Layer Provides => Layer.None;

        public void Process(Documents.Document document)
        {
            while (true) document.Cancellation.ThrowIfCancellationRequested();
        }
    }

    [Theory]
    [InlineData(200, "stopped in stage 'endless'", "the budget runs out while the stage loops: the stage stops itself and is named")]
    [InlineData(0, "stopped before stage 'endless'", "no time at all: the stage never starts")]
    public void A_stage_that_checks_the_budget_in_its_loop_stops_the_article(int milliseconds, string failure, string reason)
    {
        var pipeline = new PipelineBuilder().Add(new EndlessLoop()).Build();
        var item = InputItem.Read(new Documents.RawDocument("loop.txt", "Gunmen killed 7 people in Homs.\n"u8.ToArray(), "text/plain"));
        var outcome = BatchProcessor.ProcessOne(item, pipeline, null, new ArticleBudget(TimeSpan.FromMilliseconds(milliseconds), 16 << 20), CancellationToken.None);
        Assert.True(outcome.Document is null && outcome.Error?.Contains(failure, StringComparison.Ordinal) == true, $"{reason}: {outcome.Error ?? "stored"}");
    }

    [Fact]
    public void A_cancelled_batch_stops_a_looping_stage_and_says_the_batch_was_cancelled()
    {
        var pipeline = new PipelineBuilder().Add(new EndlessLoop()).Build();
        var item = InputItem.Read(new Documents.RawDocument("loop.txt", "Gunmen killed 7 people in Homs.\n"u8.ToArray(), "text/plain"));
        using var batch = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var thrown = Record.Exception(() => BatchProcessor.ProcessOne(item, pipeline, null, ArticleBudget.Unlimited, batch.Token));
        Assert.True(thrown is OperationCanceledException { CancellationToken: var t } && t == batch.Token, $"Ctrl+C during a stage ends the batch, not one article: {thrown}");
    }
}
