using System.Diagnostics;

namespace Dragoman.Merge;

/// <summary>
/// Where an article's merge time goes (issue 14): with DRAGOMAN_TRACE_MERGE set, the merge stage adds each part's wall
/// time (<see cref="Add"/>) and the sizes it re-clusters, and prints the totals to stderr when the process ends.
/// </summary>
public static class MergeTrace
{
    public static readonly bool On = Environment.GetEnvironmentVariable("DRAGOMAN_TRACE_MERGE") is not null;

    private static readonly Dictionary<string, (long Ticks, long Count)> Parts = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    static MergeTrace()
    {
        if (On) AppDomain.CurrentDomain.ProcessExit += (_, _) => Print();
    }

    /// <summary>A timestamp to pass to <see cref="Add"/> (0 when tracing is off).</summary>
    public static long Start() => On ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Adds the time since <paramref name="start"/> to <paramref name="part"/>; returns a new start.</summary>
    public static long Add(string part, long start, long count = 1)
    {
        if (!On) return 0;
        long now = Stopwatch.GetTimestamp();
        lock (Gate)
        {
            var (t, c) = Parts.GetValueOrDefault(part);
            Parts[part] = (t + now - start, c + count);
        }
        return Stopwatch.GetTimestamp();
    }

    /// <summary>Counts <paramref name="n"/> under <paramref name="part"/> without a time.</summary>
    public static void Count(string part, long n)
    {
        if (!On) return;
        lock (Gate)
        {
            var (t, c) = Parts.GetValueOrDefault(part);
            Parts[part] = (t, c + n);
        }
    }

    private static void Print()
    {
        lock (Gate)
            foreach (var (part, (ticks, count)) in Parts.OrderBy(p => p.Key, StringComparer.Ordinal))
                Console.Error.WriteLine($"merge-trace {part}: {ticks * 1000.0 / Stopwatch.Frequency:F1} ms, {count}");
    }
}
