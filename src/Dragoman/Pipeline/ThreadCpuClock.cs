using System.Runtime.InteropServices;

namespace Dragoman.Pipeline;

/// <summary>
/// CPU time of the calling thread (Linux: CLOCK_THREAD_CPUTIME_ID), so that benchmarks on a loaded machine can name
/// each stage's own CPU seconds; wall seconds there include the time other processes held the core.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Whether <see cref="Nanoseconds"/> measures anything on this system.</summary>
    public static readonly bool Available = OperatingSystem.IsLinux() && Probe();

    private static bool Probe()
    {
        try { return ClockGetTime(ClockThreadCpuTime, out _) == 0; }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }

    /// <summary>The calling thread's CPU nanoseconds so far; 0 where <see cref="Available"/> is false.</summary>
    public static long Nanoseconds() =>
        Available && ClockGetTime(ClockThreadCpuTime, out var t) == 0 ? t.Seconds * 1_000_000_000 + t.Nanoseconds : 0;
}
