using System.Runtime.InteropServices;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// glibc's malloc_trim: gives the memory that freed native allocations leave in malloc's arenas back to the system.
/// A decoder's model is many small allocations that glibc keeps after ps_free (they are not at the top of an arena,
/// nor mmapped each), so an unloaded decoder would otherwise still count in the process's resident memory.
/// </summary>
internal static partial class GlibcHeap
{
    [LibraryImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);

    /// <summary>Trims every arena; does nothing where the C library is not glibc.</summary>
    public static void Trim()
    {
        try
        {
            MallocTrim(0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Another C library (musl): nothing to trim this way.
        }
    }
}
