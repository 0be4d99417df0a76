namespace MedGrpc.Scoring;

/// <summary>
/// The fixed split of the development speech set into a tuning half and a held-out half, read from
/// DevelopmentHalves.txt (embedded, so the bench and the tests see the same file; scripts/oov-rate.py reads
/// it too). The split is written down rather than computed: a hash would not keep voices, codecs, consultation days
/// and word counts balanced across halves on a set this small, and a written list cannot drift when items are added.
/// </summary>
public static class DevelopmentHalves
{
    private static readonly Lazy<IReadOnlyDictionary<string, DevelopmentHalf>> Table = new(Load);

    /// <summary>Every item id the file assigns, with its half.</summary>
    public static IReadOnlyDictionary<string, DevelopmentHalf> All => Table.Value;

    /// <summary>The half of an item, or null for an item the split does not know (a new item: assign it by hand).</summary>
    public static DevelopmentHalf? Of(string id) => Table.Value.TryGetValue(id, out var half) ? half : null;

    public static IReadOnlyDictionary<string, DevelopmentHalf> Parse(IEnumerable<string> lines)
    {
        var table = new Dictionary<string, DevelopmentHalf>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 2 || HalfNames.Parse(fields[1]) is not { } half)
                throw new FormatException($"DevelopmentHalves.txt: expected '<id> tune|held-out', got '{line}'");
            if (!table.TryAdd(fields[0], half))
                throw new FormatException($"DevelopmentHalves.txt: {fields[0]} is listed twice");
        }
        return table;
    }

    private static IReadOnlyDictionary<string, DevelopmentHalf> Load()
    {
        using var stream = typeof(DevelopmentHalves).Assembly.GetManifestResourceStream("MedGrpc.Scoring.DevelopmentHalves.txt")
                           ?? throw new InvalidOperationException("DevelopmentHalves.txt is not embedded");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return Parse(lines);
    }
}
