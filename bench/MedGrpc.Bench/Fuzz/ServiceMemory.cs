using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Diagnostics.NETCore.Client;

namespace MedGrpc.Bench.Fuzz;

/// <summary>
/// What the service's memory is made of at one moment: its resident memory (VmRSS, and of it RssAnon and RssFile,
/// from /proc), its GC heap as the
/// last collection left it and the memory the GC has committed (the .NET runtime's own metrics, scraped from the
/// service's Prometheus port), and the PocketSphinx decoders loaded (about 100 MB each, counted from the engine's log).
/// </summary>
public sealed record MemorySnapshot(
    long RssKb, long RssAnonKb, long RssFileKb, long BrkHeapKb, double GcHeapBytes, double GcCommittedBytes, int Decoders, int Threads, int DatabaseFiles)
{
    public override string ToString() =>
        $"VmRSS {RssKb / 1024.0:N0} MB (anonymous {RssAnonKb / 1024.0:N0}, of it malloc's [heap] {BrkHeapKb / 1024.0:N0}; files {RssFileKb / 1024.0:N0}), " +
        $"GC heap {GcHeapBytes / 1048576:N1} MB (committed {GcCommittedBytes / 1048576:N0} MB), decoders loaded {Decoders}, threads {Threads}, SQLite files open {DatabaseFiles}";
}

/// <summary>
/// Takes <see cref="MemorySnapshot"/>s of a running service, and can make its GC collect everything, as dotnet-gcdump
/// does: an EventPipe session with the runtime's GCHeapCollect keyword induces a full blocking collection.
/// </summary>
public sealed partial class ServiceMemory(int pid, int metricsPort, Func<int> decoders) : IDisposable
{
    // ClrTraceEventParser.Keywords.GCHeapCollect and GC: enabling them over EventPipe induces a full collection.
    private const long GcHeapCollectKeyword = 0x800000;
    private const long GcKeyword = 0x1;

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task<MemorySnapshot> SnapshotAsync()
    {
        var scrape = await ScrapeAsync();
        var status = File.ReadAllLines($"/proc/{pid}/status");
        long Kb(string field) => status.Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture)).FirstOrDefault();
        return new MemorySnapshot(Kb("VmRSS"), Kb("RssAnon"), Kb("RssFile"), BrkHeapKb(), Sum(scrape, "dotnet_gc_last_collection_heap_size_bytes"),
            Sum(scrape, "dotnet_gc_last_collection_memory_committed_size_bytes"), decoders(), (int)Kb("Threads"), DatabaseFiles());
    }

    /// <summary>Induces a full blocking GC in the service and waits until its gen2 count shows it (at most 30 s).</summary>
    public async Task<bool> CollectAsync()
    {
        var before = Sum(await ScrapeAsync(), "dotnet_gc_collections_total", "gc_heap_generation=\"gen2\"");
        var client = new DiagnosticsClient(pid);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcHeapCollectKeyword | GcKeyword)],
            requestRundown: false, circularBufferMB: 16);
        var drain = session.EventStream.CopyToAsync(Stream.Null);
        var collected = false;
        for (var waited = 0; waited < 60 && !collected; waited++)
        {
            await Task.Delay(500);
            collected = Sum(await ScrapeAsync(), "dotnet_gc_collections_total", "gc_heap_generation=\"gen2\"") > before;
        }
        session.Stop();
        await drain;
        return collected;
    }

    /// <summary>The resident part of the [heap] mapping: glibc malloc's main arena (brk), where native allocations go first.</summary>
    private long BrkHeapKb()
    {
        var inHeap = false;
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            if (char.IsAsciiHexDigit(line[0]) && line.Contains('-')) inHeap = line.EndsWith("[heap]", StringComparison.Ordinal);
            else if (inHeap && line.StartsWith("Rss:", StringComparison.Ordinal))
                return long.Parse(line["Rss:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        return 0;
    }

    /// <summary>Open SQLite database files (.db, -wal, -shm): a pooled connection holds its own, and its own page cache.</summary>
    private int DatabaseFiles()
    {
        var count = 0;
        foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && (target.EndsWith(".db", StringComparison.Ordinal) || target.EndsWith(".db-wal", StringComparison.Ordinal) || target.EndsWith(".db-shm", StringComparison.Ordinal)))
                    count++;
            }
            catch (IOException)
            {
                // closed while looked at
            }
        }
        return count;
    }

    private async Task<string> ScrapeAsync() => await _http.GetStringAsync($"http://localhost:{metricsPort}/metrics");

    /// <summary>The sum of a metric's samples (over all its labels, or those whose labels contain <paramref name="label"/>).</summary>
    private static double Sum(string scrape, string metric, string? label = null) =>
        SampleLine().Matches(scrape)
            .Where(m => m.Groups["name"].Value == metric && (label is null || m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();

    public void Dispose() => _http.Dispose();
}
