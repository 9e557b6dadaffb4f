using Dragoman.Ingest;
using Dragoman.Ingest.Json;
using Dragoman.Pipeline;

namespace Dragoman.Storage;

/// <summary>One input that could not be read, processed or stored, and why.</summary>
public sealed record IngestFailure(string Input, string Reason);

/// <summary>Totals of an ingest run. <see cref="Read"/> = <see cref="Stored"/> + <see cref="Duplicate"/> + failures + <see cref="Interrupted"/>.</summary>
public sealed record IngestSummary(int Read, int Stored, int Duplicate, IReadOnlyList<IngestFailure> Failures, long Tokens, long Characters)
{
    /// <summary>Time spent inside the store's writes (the single writer), to see whether storing is the bottleneck.</summary>
    public TimeSpan WriteTime { get; init; }

    public int Failed => Failures.Count;

    /// <summary>
    /// True when the run was cancelled: intake stopped at once; what the writer stored before (and within
    /// <see cref="StoreIngest.Grace"/> after) is committed, the rest was not read.
    /// </summary>
    public bool Cancelled { get; init; }

    /// <summary>
    /// Articles read and processed but not stored because the run was cancelled before the writer reached them (counted
    /// in <see cref="Read"/>, not in <see cref="Failed"/>): a re-run stores them, skipping what is stored as duplicates.
    /// </summary>
    public int Interrupted { get; init; }

    /// <summary>
    /// Why the store refused a write (disk full, a damaged file), when it did: the run stops there, once, instead of
    /// failing every later article with the same cause. What was committed before stays.
    /// </summary>
    public string? StoreError { get; init; }

    /// <summary>Articles stored or processed whose language the pipeline does not handle, with the warning.</summary>
    public IReadOnlyList<IngestFailure> Warnings { get; init; } = [];

    /// <summary>How many articles came in each language the pipeline does not handle (ISO 639-1).</summary>
    public IReadOnlyDictionary<string, int> UnhandledLanguages { get; init; } = new Dictionary<string, int>();
}

/// <summary>Progress after each input: how many are done out of how many, and the latest input.</summary>
public readonly record struct IngestProgress(int Done, int Total, string Input);

/// <summary>
/// Reads, processes (in parallel on all cores) and stores a batch of inputs. One writer: documents are handed to the
/// store in batches of <see cref="BatchSize"/>, each one transaction. An input that fails at any step is reported with
/// its reason and the others go on; documents already stored are found by hash and not stored again.
/// </summary>
public sealed class StoreIngest(IEventStore store, DocumentPipeline pipeline, DateOnly? reference)
{
    public int BatchSize { get; init; } = 128;
    public int DegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// After cancellation, how long the writer may go on storing documents already processed (the batch in hand, then
    /// those waiting) before it commits and stops: merging makes a batch take minutes on a loaded machine, and a stop
    /// must take seconds. Documents not reached are counted as <see cref="IngestSummary.Interrupted"/>.
    /// </summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>What one article may cost (size, time); an article over it fails with the reason.</summary>
    public ArticleBudget Budget { get; init; } = ArticleBudget.Default;

    /// <summary>Expands container inputs (JSON Lines, CSV) into one item per article.</summary>
    public static IReadOnlyList<InputItem> Prepare(IEnumerable<InputItem> inputs, FieldMap? map = null) =>
        inputs.SelectMany(i => ArticleInputs.Split(i, map ?? FieldMap.None)).ToList();

    /// <summary>
    /// Expands container inputs as <see cref="Prepare"/> does, lazily: items are read as the workers take them, so a
    /// streamed WARC file is never held whole (the total is then unknown: <see cref="IngestProgress.Total"/> is 0).
    /// </summary>
    public static IEnumerable<InputItem> Expand(IEnumerable<InputItem> inputs, FieldMap? map = null) =>
        inputs.SelectMany(i => ArticleInputs.Split(i, map ?? FieldMap.None));

    /// <summary>Processes and stores <paramref name="items"/>: a list (progress knows the total) or a lazy sequence (<see cref="Expand"/>).</summary>
    public IngestSummary Run(IEnumerable<InputItem> items, Action<IngestProgress>? progress = null, CancellationToken cancel = default)
    {
        int total = items is IReadOnlyCollection<InputItem> known ? known.Count : 0;
        int stored = 0, duplicate = 0, done = 0;
        long tokens = 0, chars = 0;
        var failures = new List<IngestFailure>();
        var warnings = new List<IngestFailure>();
        var languages = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var pending = new List<(string Input, StorableDocument Doc)>(BatchSize);
        var writeTime = new System.Diagnostics.Stopwatch();
        string? storeError = null;
        int interrupted = 0;
        // the writer's token: cancelled Grace after the run's, so the batch in hand stops between documents soon after a signal
        using var writeStop = new CancellationTokenSource();
        using var onCancel = cancel.Register(() => { try { writeStop.CancelAfter(Grace); } catch (ObjectDisposedException) { } });

        void Flush()
        {
            if (pending.Count == 0) return;
            IReadOnlyList<AddOutcome> outcomes;
            writeTime.Start();
            try
            {
                outcomes = store.Add([.. pending.Select(p => p.Doc)], writeStop.Token);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
            {
                storeError ??= ex.Message;
                outcomes = [.. pending.Select(p => new AddOutcome(p.Doc.Hash, AddStatus.Failed, null, "not stored: the store failed (" + ex.Message + ")"))];
            }
            writeTime.Stop();
            StartTrace.Mark("stored");
            interrupted += pending.Count - outcomes.Count; // cancelled part way: the documents past the outcomes were not stored
            for (int i = 0; i < outcomes.Count; i++)
            {
                var o = outcomes[i];
                switch (o.Status)
                {
                    case AddStatus.Stored: stored++; break;
                    case AddStatus.Duplicate: duplicate++; break;
                    default: failures.Add(new IngestFailure(pending[i].Input, o.Error ?? "not stored")); break;
                }
            }
            pending.Clear();
        }

        bool cancelled = false;
        try
        {
            foreach (var (input, doc, error, tok, len, warning, language) in ProcessInOrder(items, cancel))
            {
                done++;
                if (warning is not null) warnings.Add(new IngestFailure(input, warning));
                if (language is not null) languages[language] = languages.GetValueOrDefault(language) + 1;
                tokens += tok;
                chars += len;
                if (doc is null) failures.Add(new IngestFailure(input, error ?? "failed"));
                else
                {
                    pending.Add((input, doc));
                    if (pending.Count >= BatchSize) Flush();
                }
                progress?.Invoke(new IngestProgress(done, total, input));
                if (storeError is not null) break; // intake stops: every later write would fail the same way
            }
        }
        catch (OperationCanceledException)
        {
            cancelled = true;
        }
        Flush();
        return new IngestSummary(done, stored, duplicate, failures, tokens, chars) { WriteTime = writeTime.Elapsed, Cancelled = cancelled, Interrupted = interrupted, StoreError = storeError, Warnings = warnings, UnhandledLanguages = languages };
    }

    /// <summary>How many processed documents may wait for the writer at most (with the batch being written: memory bounded by these, not the corpus).</summary>
    public int InFlight { get; init; } = 256;

    /// <summary>
    /// The items processed on <see cref="DegreeOfParallelism"/> workers and handed back in input order (so article numbers
    /// follow the inputs). A bounded ring: a worker takes the next item only while fewer than <see cref="InFlight"/>
    /// items are taken and not yet handed back, so a slow writer or one slow article stalls the workers rather than
    /// letting finished documents pile up (PLINQ's ordered merge buffered thousands). Workers take items from one
    /// enumerator in turn, so a lazy sequence is read only as far as the ring allows.
    /// </summary>
    private IEnumerable<Processed> ProcessInOrder(IEnumerable<InputItem> items, CancellationToken cancel)
    {
        using var source = items.GetEnumerator();
        var take = new object(); // one worker at a time moves the source on
        int count = int.MaxValue; // known once the source is exhausted
        int capacity = Math.Max(1, InFlight);
        var slots = new Processed?[capacity];
        var gate = new object();
        using var permits = new SemaphoreSlim(capacity);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        int next = -1;
        // Dedicated threads (LongRunning), not pool threads: the workers block for the whole run, and pool threads must stay
        // free for the time budget's timers, which would otherwise wait for the pool to grow.
        var workers = Enumerable.Range(0, Math.Max(1, DegreeOfParallelism)).Select(_ => Task.Factory.StartNew(() =>
        {
            while (true)
            {
                permits.Wait(stop.Token);
                int i;
                InputItem item;
                lock (take)
                {
                    if (next + 1 >= count) return;
                    if (!source.MoveNext())
                    {
                        lock (gate) { count = next + 1; Monitor.PulseAll(gate); }
                        return;
                    }
                    i = ++next;
                    item = source.Current;
                }
                var done = Process(item, stop.Token);
                lock (gate)
                {
                    slots[i % capacity] = done;
                    Monitor.PulseAll(gate);
                }
            }
        }, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        try
        {
            for (int i = 0; ; i++)
            {
                Processed item;
                // checked before every hand-over, not only while waiting: with a slow writer the ring is always full, and
                // handing over its 256 finished documents after a signal took minutes of merging. The run's own token first:
                // a cancelled source sets its wait handle before it runs the callback that cancels the linked `stop`, so a
                // thread woken by that handle could otherwise hand over a few more documents in between.
                cancel.ThrowIfCancellationRequested();
                stop.Token.ThrowIfCancellationRequested();
                lock (gate)
                {
                    while (slots[i % capacity] is null)
                    {
                        if (i >= count) yield break;
                        stop.Token.ThrowIfCancellationRequested();
                        if (workers.FirstOrDefault(w => w.IsFaulted) is { } failed) failed.GetAwaiter().GetResult();
                        Monitor.Wait(gate, 50);
                    }
                    item = slots[i % capacity]!.Value;
                    slots[i % capacity] = null;
                }
                permits.Release();
                yield return item;
            }
        }
        finally
        {
            stop.Cancel();
            try { Task.WaitAll(workers); } catch (AggregateException) { }
        }
    }

    private readonly record struct Processed(string Input, StorableDocument? Doc, string? Error, long Tokens, long Chars, string? Warning, string? Language);

    private Processed Process(InputItem item, CancellationToken cancel)
    {
        var outcome = BatchProcessor.ProcessOne(item, pipeline, reference, Budget, cancel);
        StartTrace.Mark("article processed");
        if (outcome.Document is not { } d) return new(outcome.Input, null, outcome.Error, 0, 0, outcome.Warning, outcome.UnhandledLanguage);
        try
        {
            var storable = StorableDocument.From(d);
            _ = storable.Rows; // flatten on the worker, not on the writer
            StartTrace.Mark("rows built");
            return new(outcome.Input, storable, null, d.Tokens.Length, d.Text.Length, outcome.Warning, outcome.UnhandledLanguage);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            return new(outcome.Input, null, "output: " + ex.Message, 0, 0, null, null);
        }
    }
}
