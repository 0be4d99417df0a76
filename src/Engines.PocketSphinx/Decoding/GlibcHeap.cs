using System.Runtime.InteropServices;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// glibc malloc settings that let an unloaded decoder's memory go back to the system. Measured with Debian's
/// libpocketsphinx3 alone (four decoders loaded at once beside one, then freed): by default the process kept about 80 MB
/// more than the one decoder even after malloc_trim, as the dynamic mmap threshold moved while the models loaded and
/// left their allocations interleaved in malloc's arenas; with the threshold fixed, malloc_trim gave back all but the
/// one decoder (docs/fuzzing.md, "Memory back to its baseline").
/// </summary>
internal static partial class GlibcHeap
{
    private const int MmapThresholdOption = -3; // M_MMAP_THRESHOLD (malloc.h)

    // glibc's own ceiling for the dynamic threshold (DEFAULT_MMAP_THRESHOLD_MAX on 64-bit): where a long-running process
    // ends up anyway, fixed from the start.
    private const int MmapThresholdBytes = 32 * 1024 * 1024;

    private static int _fixed;

    [LibraryImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);

    [LibraryImport("libc.so.6", EntryPoint = "mallopt")]
    private static partial int MallOpt(int option, int value);

    /// <summary>Fixes the mmap threshold, once per process, before any decoder loads; does nothing where the C library is not glibc.</summary>
    public static void FixMmapThreshold()
    {
        if (Interlocked.Exchange(ref _fixed, 1) != 0) return;
        Call(() => MallOpt(MmapThresholdOption, MmapThresholdBytes));
    }

    /// <summary>Gives the free pages of every arena back to the system; does nothing where the C library is not glibc.</summary>
    public static void Trim() => Call(() => MallocTrim(0));

    private static void Call(Func<int> glibc)
    {
        try
        {
            glibc();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Another C library (musl): nothing to set or trim this way.
        }
    }
}
