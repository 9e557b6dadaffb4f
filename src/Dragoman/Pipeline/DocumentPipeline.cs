using Dragoman.Documents;

namespace Dragoman.Pipeline;

/// <summary>An immutable, validated sequence of components. Reuse one instance across articles and threads.</summary>
public sealed class DocumentPipeline
{
    private readonly IDocumentComponent[] _components;
    private readonly StageClock? _clock;

    private readonly int _refiningFrom; // the first component of the tail of refining stages (Length when none)

    internal DocumentPipeline(IDocumentComponent[] components, StageClock? clock = null)
    {
        _components = components;
        _clock = clock;
        _refiningFrom = components.Length;
        while (_refiningFrom > 0 && components[_refiningFrom - 1].Refines) _refiningFrom--;
    }

    public IReadOnlyList<IDocumentComponent> Components => _components;

    /// <summary>The same pipeline, adding the time each component takes to <paramref name="clock"/> (for benchmarks).</summary>
    public DocumentPipeline Timed(StageClock clock) => new(_components, clock);

    /// <summary>Runs every component on the document. A failing component is reported with its name.</summary>
    public Document Process(Document document) => Process(document, CancellationToken.None);

    /// <summary>
    /// Runs every component, checking <paramref name="cancel"/> before each (an article's time budget, the batch's
    /// Ctrl+C): a cancelled article stops with <see cref="StageCancelledException"/> naming the stage it did not start
    /// or stopped in, carrying the document as partial result when only refining stages were left.
    /// </summary>
    public Document Process(Document document, CancellationToken cancel)
    {
        document.Cancellation = cancel;
        for (int i = 0; i < _components.Length; i++)
        {
            var component = _components[i];
            var partial = i >= _refiningFrom ? document : null;
            if (cancel.IsCancellationRequested) throw new StageCancelledException(component.Name, cancel) { Partial = partial };
            document.LayersChanged(); // the span indexes a stage reads are built from what the stages before it left
            long started = _clock is null ? 0 : System.Diagnostics.Stopwatch.GetTimestamp();
            long cpuStarted = _clock is null ? 0 : ThreadCpuClock.Nanoseconds();
            long allocStarted = _clock is null ? 0 : GC.GetAllocatedBytesForCurrentThread();
            try
            {
                component.Process(document);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                throw new StageCancelledException(component.Name, cancel) { During = true, Partial = partial };
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new PipelineException(component.Name, document.Article.Uri, ex);
            }
            _clock?.Add(component.Name, System.Diagnostics.Stopwatch.GetTimestamp() - started, ThreadCpuClock.Nanoseconds() - cpuStarted,
                GC.GetAllocatedBytesForCurrentThread() - allocStarted);
        }
        return document;
    }
}

/// <summary>Time spent per component, summed over all threads; safe to share between threads.</summary>
public sealed class StageClock
{
    // per component: [0] wall Stopwatch ticks, [1] the running thread's CPU nanoseconds, [2] bytes it allocated
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long[]> _ticks = new(StringComparer.Ordinal);

    public void Add(string component, long ticks, long cpuNanoseconds = 0, long allocatedBytes = 0)
    {
        var slot = _ticks.GetOrAdd(component, _ => new long[3]);
        Interlocked.Add(ref slot[0], ticks);
        Interlocked.Add(ref slot[1], cpuNanoseconds);
        Interlocked.Add(ref slot[2], allocatedBytes);
    }

    /// <summary>Seconds per component name (unordered: callers list them in pipeline order).</summary>
    public IReadOnlyDictionary<string, double> Seconds() =>
        _ticks.ToDictionary(kv => kv.Key, kv => Interlocked.Read(ref kv.Value[0]) / (double)System.Diagnostics.Stopwatch.Frequency, StringComparer.Ordinal);

    /// <summary>
    /// CPU seconds per component name, of the threads that ran it (empty where the system has no thread CPU clock):
    /// on a loaded machine these stay near what the stage costs while the wall seconds grow with the load.
    /// </summary>
    public IReadOnlyDictionary<string, double> CpuSeconds() => !ThreadCpuClock.Available
        ? new Dictionary<string, double>()
        : _ticks.ToDictionary(kv => kv.Key, kv => Interlocked.Read(ref kv.Value[1]) / 1e9, StringComparer.Ordinal);

    /// <summary>MiB allocated per component name, by the threads that ran it (the allocation side of a stage's cost).</summary>
    public IReadOnlyDictionary<string, double> AllocatedMiB() =>
        _ticks.ToDictionary(kv => kv.Key, kv => Interlocked.Read(ref kv.Value[2]) / 1048576.0, StringComparer.Ordinal);

    public void Reset() => _ticks.Clear();
}

public sealed class PipelineException(string component, string uri, Exception inner)
    : Exception($"component '{component}' failed on {uri}: {inner.Message}", inner)
{
    public string Component { get; } = component;
}
