using System.Runtime.InteropServices;

namespace MedGrpc.Core.Engines;

/// <summary>
/// Recognition is batch work: its threads run at a lower scheduling priority (nice 10 above the thread's own) so
/// that RPCs (Start answers, WatchJob events) and live streams are not kept waiting behind a busy decoder. Relative,
/// not absolute: a service started under `nice -n 10` keeps its jobs below its streams. .NET's Thread.Priority does
/// not change a thread's nice value on Linux, so the thread's own nice is set.
/// </summary>
public static partial class WorkerThreadPriority
{
    private const int PrioProcess = 0; // with a thread id, Linux applies it to that thread alone
    private const long SysGettid = 186; // x86_64
    private const int BatchNice = 10;
    private const int MaxNice = 19;

    public static void LowerCurrentThread()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return;
        var tid = (int)syscall(SysGettid);
        // getpriority returns the nice value itself (-20..19); -1 is also an error, read as nice -1 at worst.
        var own = getpriority(PrioProcess, tid);
        setpriority(PrioProcess, tid, Math.Min(MaxNice, own + BatchNice)); // best effort: a failure leaves the thread as it was
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial long syscall(long number);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setpriority(int which, int who, int priority);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getpriority(int which, int who);
}
