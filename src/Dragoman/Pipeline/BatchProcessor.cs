using Dragoman.Documents;
using Dragoman.Ingest;
using Dragoman.Ingest.Json;
using Dragoman.Ingest.Language;

namespace Dragoman.Pipeline;

/// <summary>The outcome for one input: a processed document, or the reason it failed; a warning when the result is likely poor (unhandled language).</summary>
public sealed record BatchOutcome(string Input, Document? Document, string? Error, string? Warning = null, string? UnhandledLanguage = null);

/// <summary>
/// Runs read + pipeline over inputs in parallel on all cores, yielding outcomes in input order.
/// One failing input never stops the batch.
/// </summary>
public static class BatchProcessor
{
    public static IEnumerable<BatchOutcome> Process(IEnumerable<InputItem> inputs, DocumentPipeline pipeline, DateOnly? reference, CancellationToken cancel = default, FieldMap? map = null, ArticleBudget? budget = null)
    {
        var items = inputs.SelectMany(i => ArticleInputs.Split(i, map ?? FieldMap.None)).GetEnumerator();
        var first = new List<InputItem>(2);
        while (first.Count < 2 && items.MoveNext()) first.Add(items.Current);
        if (first.Count < 2)
        {
            // one article (`extract FILE`) is processed on this thread: starting the parallel query cost more than it
            // saves there (its workers, and ~50 generic methods jitted at every start; docs/benchmarks.md, session 16)
            items.Dispose();
            return first.Select(item => ProcessOne(item, pipeline, reference, budget ?? ArticleBudget.Default, cancel));
        }
        return Resume(first, items)
            .AsParallel()
            .AsOrdered()
            .WithCancellation(cancel)
            .WithDegreeOfParallelism(Environment.ProcessorCount)
            .Select(item => ProcessOne(item, pipeline, reference, budget ?? ArticleBudget.Default, cancel));
    }

    /// <summary>The items already taken, then the rest of <paramref name="items"/> (disposed at the end).</summary>
    private static IEnumerable<InputItem> Resume(List<InputItem> taken, IEnumerator<InputItem> items)
    {
        using (items)
        {
            foreach (var item in taken) yield return item;
            while (items.MoveNext()) yield return items.Current;
        }
    }

    public static BatchOutcome ProcessOne(InputItem item, DocumentPipeline pipeline, DateOnly? reference) =>
        ProcessOne(item, pipeline, reference, ArticleBudget.Default, CancellationToken.None);

    /// <summary>
    /// Reads and processes one input within <paramref name="budget"/>: an input over the size budget is not read, an
    /// article over the time budget is stopped (between stages or in a stage's loop); both are failures with the reason,
    /// except an article stopped in the refining stages at the end, kept as a partial result with a warning. Cancelling
    /// <paramref name="batch"/> stops the article in hand the same way and throws, so the batch ends.
    /// </summary>
    public static BatchOutcome ProcessOne(InputItem item, DocumentPipeline pipeline, DateOnly? reference, ArticleBudget budget, CancellationToken batch)
    {
        if (item.Raw is null) return new BatchOutcome(item.Input, null, item.Error ?? "unreadable");
        if (budget.OverSize(item.Raw.Bytes.Length) is { } tooBig) return new BatchOutcome(item.Input, null, tooBig);
        batch.ThrowIfCancellationRequested();
        var article = ArticleReader.Read(item.Raw);
        if (!article.IsOk) return new BatchOutcome(item.Input, null, article.Error);
        var read = article.Value!;
        string? warning = read.Warnings.Count > 0 ? string.Join("; ", read.Warnings) : null, unhandled = null;
        StartTrace.Mark("article read");
        if (ArticleLanguages.Detect(read.Text) is { } language)
        {
            if (language != read.Language) read = read with { Language = language };
            if (!ArticleLanguages.Handled.Contains(language))
            {
                unhandled = language;
                var note = $"language {language} ({ArticleLanguages.Name(language)}) is not handled by the pipeline yet (it reads English): entities and events will be missing or wrong";
                warning = warning is null ? note : warning + "; " + note;
            }
        }
        StartTrace.Mark("language detected");
        using var clock = CancellationTokenSource.CreateLinkedTokenSource(batch);
        // CancelAfter fires on a pool thread, which a saturated pool may give late: a budget already spent is cancelled here
        // (Timeout.InfiniteTimeSpan is negative and means no limit)
        if (budget.Time < TimeSpan.Zero ? budget.Time != Timeout.InfiniteTimeSpan : budget.Time == TimeSpan.Zero) clock.Cancel();
        else if (budget.Time != Timeout.InfiniteTimeSpan) clock.CancelAfter(budget.Time);
        try
        {
            var doc = DocumentFactory.Create(read, reference);
            return new BatchOutcome(item.Input, pipeline.Process(doc, clock.Token), null, warning, unhandled);
        }
        catch (PipelineException ex)
        {
            return new BatchOutcome(item.Input, null, ex.Message);
        }
        catch (StageCancelledException ex) when (!batch.IsCancellationRequested && ex.Partial is { } partial)
        {
            // only refining stages were left: what the stages before them found is kept, and says it is partial
            var note = budget.Partial(ex.Stage, ex.During);
            partial.Warnings.Add(note);
            return new BatchOutcome(item.Input, partial, null, warning is null ? note : warning + "; " + note, unhandled);
        }
        catch (StageCancelledException ex) when (!batch.IsCancellationRequested)
        {
            return new BatchOutcome(item.Input, null, budget.OverTime(ex.Stage, ex.During));
        }
        catch (StageCancelledException)
        {
            // the batch was cancelled: end it with the batch's own token, as parallel queries expect
            throw new OperationCanceledException(batch);
        }
    }
}
