using System.Runtime.InteropServices;

namespace MedGrpc.Core.Engines;

/// <summary>
/// CPU time of the calling thread, for the engine CPU metric: process CPU time would count every
/// job running beside this one. Linux's CLOCK_THREAD_CPUTIME_ID; elsewhere nothing is measured.
/// </summary>
public static partial class ThreadCpuTime
{
    private const int ClockThreadCpuTimeId = 3;

    public static double Seconds()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        return clock_gettime(ClockThreadCpuTimeId, out var now) == 0 ? now.Seconds + now.Nanoseconds / 1e9 : 0;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc")]
    private static partial int clock_gettime(int clock, out TimeSpec time);
}
