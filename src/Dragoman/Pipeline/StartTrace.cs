using System.Diagnostics;

namespace Dragoman.Pipeline;

/// <summary>
/// Where a start goes (issue 19): with DRAGOMAN_TRACE_START set, <see cref="Mark"/> prints the process's CPU seconds so
/// far (runtime start included), the wall seconds since the process began and the methods jitted so far (those a
/// ReadyToRun image did not hold, and the hot ones tiered up) with the jit's time to stderr; otherwise it does nothing.
/// </summary>
public static class StartTrace
{
    /// <summary>Whether DRAGOMAN_TRACE_START is set.</summary>
    public static readonly bool On = Environment.GetEnvironmentVariable("DRAGOMAN_TRACE_START") is not null;

    public static void Mark(string what)
    {
        if (!On) return;
        var since = DateTime.Now - Process.GetCurrentProcess().StartTime;
        Console.Error.WriteLine($"start: {what}: process cpu {Environment.CpuUsage.TotalTime.TotalMilliseconds:F0} ms, wall {since.TotalMilliseconds:F0} ms, "
            + $"jitted {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms");
    }
}
