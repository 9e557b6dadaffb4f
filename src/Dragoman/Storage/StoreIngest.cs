using Dragoman.Ingest;
using Dragoman.Ingest.Json;
using Dragoman.Pipeline;

namespace Dragoman.Storage;

/// <summary>One input that could not be read, processed or stored, and why.</summary>
public sealed record IngestFailure(string Input, string Reason);

/// <summary>Totals of an ingest run. <see cref="Read"/> = <see cref="Stored"/> + <see cref="Duplicate"/> + failures.</summary>
public sealed record IngestSummary(int Read, int Stored, int Duplicate, IReadOnlyList<IngestFailure> Failures, long Tokens, long Characters)
{
    /// <summary>Time spent inside the store's writes (the single writer), to see whether storing is the bottleneck.</summary>
    public TimeSpan WriteTime { get; init; }

    public int Failed => Failures.Count;

    /// <summary>True when the run was cancelled: what was processed before is stored, the rest was not read.</summary>
    public bool Cancelled { get; init; }

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

    /// <summary>Expands container inputs (JSON Lines, CSV) into one item per article.</summary>
    public static IReadOnlyList<InputItem> Prepare(IEnumerable<InputItem> inputs, FieldMap? map = null) =>
        inputs.SelectMany(i => ArticleInputs.Split(i, map ?? FieldMap.None)).ToList();

    public IngestSummary Run(IReadOnlyList<InputItem> items, Action<IngestProgress>? progress = null, CancellationToken cancel = default)
    {
        int stored = 0, duplicate = 0, done = 0;
        long tokens = 0, chars = 0;
        var failures = new List<IngestFailure>();
        var warnings = new List<IngestFailure>();
        var languages = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var pending = new List<(string Input, StorableDocument Doc)>(BatchSize);
        var writeTime = new System.Diagnostics.Stopwatch();

        void Flush()
        {
            if (pending.Count == 0) return;
            IReadOnlyList<AddOutcome> outcomes;
            writeTime.Start();
            try
            {
                outcomes = store.Add([.. pending.Select(p => p.Doc)]);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException and not OperationCanceledException)
            {
                outcomes = [.. pending.Select(p => new AddOutcome(p.Doc.Hash, AddStatus.Failed, null, "store: " + ex.Message))];
            }
            writeTime.Stop();
            for (int i = 0; i < pending.Count; i++)
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

        var processed = items
            .AsParallel()
            .AsOrdered()
            .WithCancellation(cancel)
            .WithDegreeOfParallelism(Math.Max(1, DegreeOfParallelism))
            .Select(Process);

        bool cancelled = false;
        try
        {
            Consume();
        }
        catch (OperationCanceledException)
        {
            cancelled = true;
        }
        Flush();
        return new IngestSummary(done, stored, duplicate, failures, tokens, chars) { WriteTime = writeTime.Elapsed, Cancelled = cancelled, Warnings = warnings, UnhandledLanguages = languages };

        void Consume()
        {
            foreach (var (input, doc, error, tok, len, warning, language) in processed)
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
                progress?.Invoke(new IngestProgress(done, items.Count, input));
            }
        }
    }

    private (string Input, StorableDocument? Doc, string? Error, long Tokens, long Chars, string? Warning, string? Language) Process(InputItem item)
    {
        var outcome = BatchProcessor.ProcessOne(item, pipeline, reference);
        if (outcome.Document is not { } d) return (outcome.Input, null, outcome.Error, 0, 0, null, null);
        try
        {
            var storable = StorableDocument.From(d);
            _ = storable.Rows; // flatten on the worker, not on the writer
            return (outcome.Input, storable, null, d.Tokens.Length, d.Text.Length, outcome.Warning, outcome.UnhandledLanguage);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or ArgumentException)
        {
            return (outcome.Input, null, "output: " + ex.Message, 0, 0, null, null);
        }
    }
}
