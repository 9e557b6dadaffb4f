using System.Diagnostics;

namespace Dragoman.Pipeline;

/// <summary>
/// Where a long run's memory goes (issue 19): with DRAGOMAN_TRACE_MEMORY=N set, <see cref="At"/> prints, every N inputs
/// done, the working set, the managed heap after the last GC (live objects plus fragmentation), the memory the GC has
/// committed and its collection counts to stderr, so growth can be told apart: live data, GC headroom or native memory.
/// </summary>
public static class MemoryTrace
{
    /// <summary>Every how many inputs a line is printed; 0 when DRAGOMAN_TRACE_MEMORY is unset.</summary>
    public static readonly int Every = int.TryParse(Environment.GetEnvironmentVariable("DRAGOMAN_TRACE_MEMORY"), out var n) && n > 0 ? n : 0;

    /// <summary>With DRAGOMAN_TRACE_MEMORY_LIVE also set, each line first runs a full blocking GC and prints what is live (slows the run).</summary>
    public static readonly bool Live = Environment.GetEnvironmentVariable("DRAGOMAN_TRACE_MEMORY_LIVE") is not null;

    public static void At(int done)
    {
        if (Every == 0 || done % Every != 0) return;
        var live = Live ? $"live {GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024):F0} MB, " : "";
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        using var self = Process.GetCurrentProcess();
        const double MB = 1024 * 1024;
        Console.Error.WriteLine($"memory: {done} done, {live}rss {self.WorkingSet64 / MB:F0} MB (peak {self.PeakWorkingSet64 / MB:F0}), "
            + $"heap after last gc {info.HeapSizeBytes / MB:F0} MB (fragmented {info.FragmentedBytes / MB:F0}, promoted {info.PromotedBytes / MB:F0}), "
            + $"committed {info.TotalCommittedBytes / MB:F0} MB, allocated now {GC.GetTotalMemory(false) / MB:F0} MB, "
            + $"gc {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (paused {GC.GetTotalPauseDuration().TotalSeconds:F1} s), "
            + $"gen2 {(info.GenerationInfo.Length > 2 ? info.GenerationInfo[2].SizeAfterBytes / MB : 0):F0} MB, loh {(info.GenerationInfo.Length > 3 ? info.GenerationInfo[3].SizeAfterBytes / MB : 0):F0} MB");
    }
}
