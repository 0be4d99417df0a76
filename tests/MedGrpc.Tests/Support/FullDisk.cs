using System.Diagnostics;

namespace MedGrpc.Tests.Support;

/// <summary>
/// A folder on a file system of its own that is full: a small tmpfs mounted there (the tests run as
/// root, as CI does) and filled with one file until writes fail with "no space left". Freeing it
/// deletes the filler; disposing unmounts it.
/// </summary>
public sealed class FullDisk : IDisposable
{
    private const string FillerName = "filler.bin";

    private FullDisk(string path) => Path = path;

    public string Path { get; }

    public static FullDisk MountAt(string path)
    {
        Directory.CreateDirectory(path);
        Run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", path);
        var disk = new FullDisk(path);
        disk.Fill();
        return disk;
    }

    /// <summary>Files in the folder other than the filler.</summary>
    public IReadOnlyList<string> Contents() =>
        [.. Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(Path, f)).Where(f => f != FillerName)];

    public void Free() => File.Delete(System.IO.Path.Combine(Path, FillerName));

    private void Fill()
    {
        using var filler = new FileStream(System.IO.Path.Combine(Path, FillerName), FileMode.Create);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush();
            }
        }
        catch (IOException)
        {
            // full: what the test wants
        }
    }

    public void Dispose()
    {
        // Lazy, so a file something still holds open can't keep the mount (and the test's temp folder) around.
        Run("umount", "-l", Path);
    }

    private static void Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {error.Trim()}. The disk-full test needs root, as CI runs.");
    }
}
