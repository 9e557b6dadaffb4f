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

    /// <summary>A stage that adds a mention: what an earlier stage found, which a partial result keeps.</summary>
    private sealed class Finds : IDocumentComponent
    {
        public string Name => "finds";
        public Layer Requires => Layer.None;
        public Layer Provides => Layer.None;

        public void Process(Documents.Document document) => document.Mentions.Add(new Documents.Mention
            { Span = new Documents.TextSpan(26, 30), Type = Documents.EntityType.GPE, Text = "Homs", Source = Name });
    }

    /// <summary>An endless loop in a stage that only refines (as event-context, coreference and salience do).</summary>
    private sealed class EndlessRefinement(string name = "refines") : IDocumentComponent
    {
        public string Name => name;
        public Layer Requires => Layer.None;
        public Layer Provides => Layer.None;
        public bool Refines => true;

        public void Process(Documents.Document document)
        {
            while (true) document.Cancellation.ThrowIfCancellationRequested();
        }
    }

    [Theory]
    [InlineData("finds,refines", 200, "stopped in stage 'refines'", "the budget runs out in a refining stage: the article is kept as the stages before it left it")]
    [InlineData("finds,refines,later-refines", 0, "stopped before stage 'finds'", "no time at all: nothing was found, the article fails")]
    [InlineData("finds,refines,endless", 200, "stopped in stage 'refines'", "a stage after the refining one is no refinement: the article fails")]
    public void An_article_stopped_in_the_refining_stages_is_kept_as_a_partial_result(string stages, int milliseconds, string reason, string why)
    {
        var builder = new PipelineBuilder();
        foreach (var name in stages.Split(','))
            builder.Add(name switch { "finds" => new Finds(), "endless" => new EndlessLoop(), _ => new EndlessRefinement(name) });
        var item = InputItem.Read(new Documents.RawDocument("loop.txt", "Gunmen killed 7 people in Homs.\n"u8.ToArray(), "text/plain"));
        var outcome = BatchProcessor.ProcessOne(item, builder.Build(), null, new ArticleBudget(TimeSpan.FromMilliseconds(milliseconds), 16 << 20), CancellationToken.None);
        bool partial = stages == "finds,refines";
        if (partial)
        {
            Assert.True(outcome.Document is { Mentions.Count: 1 } d && d.Warnings.Exists(w => w.Contains(reason, StringComparison.Ordinal) && w.Contains("partial result", StringComparison.Ordinal)),
                $"{why}: {outcome.Error ?? string.Join("; ", outcome.Document!.Warnings)}");
            Assert.True(outcome.Warning?.Contains("partial result", StringComparison.Ordinal) == true, $"{why}: the batch reports it too ({outcome.Warning})");
        }
        else Assert.True(outcome.Document is null && outcome.Error?.Contains(reason, StringComparison.Ordinal) == true, $"{why}: {outcome.Error ?? "kept"}");
    }

    [Fact]
    public void The_standard_pipeline_ends_with_its_refining_stages()
    {
        var names = TestPipeline.Instance.Components.SkipWhile(c => !c.Refines).Select(c => c.Name + (c.Refines ? "" : " (does not refine)"));
        Assert.Equal(["event-context", "coreference", "salience", "party-names", "unnamed-actors", "victim-class", "story-area"], names);
    }

    [Theory]
    [InlineData("event-context", "types from context")]
    [InlineData("salience", "confidence and main")]
    public void A_refining_stage_stopped_by_the_budget_leaves_the_events_as_they_were(string stage, string what)
    {
        var doc = TestPipeline.ProcessText("Police fire on protesters\n\nPolice opened fire on protesters in Homs on Friday, killing three. "
            + "Troops shelled the town of Rastan. Rebels seized the village of Talbiseh.", new DateOnly(2024, 3, 8));
        Assert.True(doc.Events.Count >= 2, $"{what}: the text should code several events ({doc.Events.Count})");
        string Snapshot() => string.Join("|", doc.Events.Select(e => $"{e.Codes.Cameo} {e.Codes.Plover?.Event} {e.Confidence} {e.Main} {e.Historical}"));
        var before = Snapshot();
        using var spent = new CancellationTokenSource();
        spent.Cancel();
        doc.Cancellation = spent.Token;
        var component = TestPipeline.Instance.Components.Single(c => c.Name == stage);
        Assert.ThrowsAny<OperationCanceledException>(() => component.Process(doc));
        Assert.True(Snapshot() == before, $"{stage} ({what}) changed events before it stopped: {before} -> {Snapshot()}");
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
