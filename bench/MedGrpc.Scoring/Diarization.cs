namespace MedGrpc.Scoring;

/// <summary>
/// Shares of reference speech time: labelled with the wrong speaker (after the best mapping) and with no label;
/// the mapping is reference speaker → hypothesis label (null: none).
/// </summary>
public sealed record DiarizationScore(double Confusion, double Missed, IReadOnlyDictionary<string, string?> Mapping);

/// <summary>
/// Diarization error on 10 ms frames: reference speech is the frames inside the manifest's turns, compared with
/// the hypothesis speaker segments after the best one-to-one mapping of hypothesis labels to reference speakers.
/// </summary>
public static class Diarization
{
    public const double Frame = 0.01;

    /// <returns>null when the reference has no speech time.</returns>
    public static DiarizationScore? Score(IReadOnlyList<SpeakerTurn> turns, IReadOnlyList<SpeakerSegment> segments)
    {
        // A frame in two reference turns belongs to the later turn; in two hypothesis segments, to the earlier
        // segment. The original scorer does it this way; kept so that figures stay comparable.
        var reference = new Dictionary<long, string>();
        foreach (var turn in turns)
            for (var f = FrameIndex(turn.Start); f < FrameIndex(turn.End); f++)
                reference[f] = turn.Speaker;
        if (reference.Count == 0) return null;

        // Only frames of reference speech are ever looked up, so segments are clipped to them.
        var (first, last) = (reference.Keys.Min(), reference.Keys.Max());
        var hypothesis = new Dictionary<long, string>();
        foreach (var segment in segments)
        {
            if (segment is not { Start: { } start, End: { } end, Label: { } label } || !double.IsFinite(start) || !double.IsFinite(end)) continue;
            for (var f = Math.Max(FrameIndex(start), first); f < Math.Min(FrameIndex(end), last + 1); f++)
                hypothesis.TryAdd(f, label);
        }

        var overlap = new Dictionary<(string Speaker, string Label), int>();
        var missed = 0;
        foreach (var (frame, speaker) in reference)
        {
            if (hypothesis.TryGetValue(frame, out var label))
                overlap[(speaker, label)] = overlap.GetValueOrDefault((speaker, label)) + 1;
            else
                missed++;
        }

        var speakers = reference.Values.Distinct().Order(StringComparer.Ordinal).ToList();
        var labels = overlap.Keys.Select(k => k.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        var (best, mapping) = BestMapping(speakers, labels, overlap);
        var total = (double)reference.Count;
        var labelled = reference.Count - missed;
        return new DiarizationScore((labelled - best) / total, missed / total, mapping);
    }

    // Python's int(round(x)): half to even, as Math.Round.
    private static long FrameIndex(double seconds) => (long)Math.Round(seconds / Frame);

    /// <summary>
    /// Every assignment of a distinct label (or none) to each reference speaker, in the order of Python's
    /// itertools.permutations over labels + one "none" per speaker; the first one with the most matched frames wins.
    /// </summary>
    private static (int Best, Dictionary<string, string?> Mapping) BestMapping(List<string> speakers, List<string> labels, Dictionary<(string, string), int> overlap)
    {
        var pool = labels.Cast<string?>().Concat(Enumerable.Repeat<string?>(null, speakers.Count)).ToArray();
        var used = new bool[pool.Length];
        var chosen = new string?[speakers.Count];
        var best = 0;
        Dictionary<string, string?>? mapping = null;

        void Choose(int position, int matched)
        {
            if (position == speakers.Count)
            {
                if (matched > best || mapping is null)
                {
                    best = matched;
                    mapping = speakers.Zip(chosen).ToDictionary(p => p.First, p => p.Second);
                }
                return;
            }
            for (var i = 0; i < pool.Length; i++)
            {
                if (used[i]) continue;
                used[i] = true;
                chosen[position] = pool[i];
                Choose(position + 1, matched + (pool[i] is { } label ? overlap.GetValueOrDefault((speakers[position], label)) : 0));
                used[i] = false;
            }
        }

        Choose(0, 0);
        return (best, mapping!);
    }
}
