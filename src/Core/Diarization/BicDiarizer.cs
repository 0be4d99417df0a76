using MedGrpc.Core.Ports;

namespace MedGrpc.Core.Diarization;

/// <summary>
/// Classical speaker diarization: agglomerative clustering of speech segments under the Bayesian
/// Information Criterion, each cluster one full-covariance Gaussian over MFCCs.
/// Method: S. S. Chen and P. S. Gopalakrishnan, "Speaker, environment and channel change
/// detection and clustering via the Bayesian Information Criterion", DARPA Broadcast News
/// Transcription and Understanding Workshop, 1998.
///
/// Speech is where the engine heard words: words closer than a short pause form a segment, long
/// segments are cut at word boundaries so a missed speaker change costs little. Clusters merge,
/// closest (lowest ΔBIC) first, while merging is favoured (ΔBIC &lt; 0) or while there are more
/// clusters than allowed; clusters holding too little speech to be a speaker are folded into their
/// nearest neighbour.
/// </summary>
public sealed class BicDiarizer : ISpeakerDiarizer
{
    /// <summary>A pause at least this long (s) between words starts a new segment.</summary>
    public double SegmentPause { get; init; } = 0.25;

    /// <summary>Segments are cut at a word boundary once this long (s).</summary>
    public double MaxSegmentSeconds { get; init; } = 3.0;

    /// <summary>
    /// The BIC penalty weight λ. With 12-dimensional full covariances and segments of a few seconds,
    /// λ = 1 splits one voice into several; 3 found two speakers in every dev-set conversation,
    /// whole or cut to 30 s (bench: diarization-sweep).
    /// </summary>
    public double Penalty { get; init; } = 3.0;

    /// <summary>A cluster with less speech than this share of all speech is not a speaker of its own.</summary>
    public double MinSpeakerShare { get; init; } = 0.1;

    public IReadOnlyList<SpeakerTurn> Diarize(AcousticFeatures features, Recognition recognition, int maxSpeakers)
    {
        var segments = SegmentSpeech(recognition);
        if (segments.Count == 0) return [];
        var clusters = segments.Select(s => new Cluster(Stats(features, s), [s])).Where(c => c.Stats.Count > 0).ToList();
        if (clusters.Count == 0) return segments.Select(s => new SpeakerTurn(s.Start, s.End, 0)).ToList();

        MergeWhileFavoured(clusters, maxSpeakers);
        FoldSmallClusters(clusters);
        return Turns(clusters);
    }

    // ΔBIC of every pair is kept in a matrix and each cluster remembers its nearest neighbour,
    // so a merge costs one new row instead of a rescan of all pairs.
    private void MergeWhileFavoured(List<Cluster> clusters, int maxSpeakers)
    {
        var n = clusters.Count;
        var delta = new double[n, n];
        var nearest = new int[n];
        var active = Enumerable.Range(0, n).ToList();
        var members = clusters.ToArray();
        for (var i = 0; i < n; i++)
        for (var j = i + 1; j < n; j++)
            delta[i, j] = delta[j, i] = DeltaBic(members[i], members[j]);
        foreach (var i in active) nearest[i] = Nearest(i, active, delta);

        while (active.Count > 1)
        {
            var a = active.MinBy(i => delta[i, nearest[i]]);
            var b = nearest[a];
            if (delta[a, b] > 0 && active.Count <= maxSpeakers) break;
            members[a] = new Cluster(GaussianStats.Merge(members[a].Stats, members[b].Stats), [.. members[a].Segments, .. members[b].Segments]);
            active.Remove(b);
            foreach (var j in active.Where(j => j != a)) delta[a, j] = delta[j, a] = DeltaBic(members[a], members[j]);
            foreach (var i in active)
                if (i == a || nearest[i] == a || nearest[i] == b || delta[i, a] < delta[i, nearest[i]])
                    nearest[i] = Nearest(i, active, delta);
        }
        clusters.Clear();
        clusters.AddRange(active.Select(i => members[i]));
    }

    private static int Nearest(int i, List<int> active, double[,] delta)
    {
        var best = -1;
        foreach (var j in active)
            if (j != i && (best < 0 || delta[i, j] < delta[i, best])) best = j;
        return best < 0 ? i : best;
    }

    private void FoldSmallClusters(List<Cluster> clusters)
    {
        var total = clusters.Sum(c => c.Stats.Count);
        while (clusters.Count > 1)
        {
            var smallest = clusters.MinBy(c => c.Stats.Count)!;
            if (smallest.Stats.Count >= MinSpeakerShare * total) return;
            var nearest = clusters.Where(c => c != smallest).MinBy(c => DeltaBic(c, smallest))!;
            var index = clusters.IndexOf(nearest);
            clusters[index] = new Cluster(GaussianStats.Merge(nearest.Stats, smallest.Stats), [.. nearest.Segments, .. smallest.Segments]);
            clusters.Remove(smallest);
        }
    }

    /// <summary>ΔBIC of modelling two clusters by one Gaussian rather than two: negative favours merging.</summary>
    private double DeltaBic(Cluster x, Cluster y)
    {
        var merged = x.MergedWith(y);
        int n1 = x.Stats.Count, n2 = y.Stats.Count, n = n1 + n2, d = x.Stats.Dimensions;
        var gain = 0.5 * (n * merged.LogDeterminant() - n1 * x.LogDeterminant - n2 * y.LogDeterminant);
        var parameters = d + d * (d + 1) / 2.0;
        return gain - Penalty * 0.5 * parameters * Math.Log(n);
    }

    private List<Segment> SegmentSpeech(Recognition recognition)
    {
        var segments = new List<Segment>();
        Segment? current = null;
        foreach (var word in recognition.Words.OrderBy(w => w.StartSeconds))
        {
            if (current is not null && word.StartSeconds - current.End < SegmentPause && current.End - current.Start < MaxSegmentSeconds)
            {
                current = current with { End = Math.Max(current.End, word.EndSeconds) };
                segments[^1] = current;
            }
            else
            {
                current = new Segment(word.StartSeconds, word.EndSeconds);
                segments.Add(current);
            }
        }
        return segments;
    }

    private static GaussianStats Stats(AcousticFeatures features, Segment segment)
    {
        var stats = new GaussianStats(AcousticFeatures.Dimensions);
        var first = (int)(segment.Start / AcousticFeatures.FrameSeconds);
        var last = Math.Min((int)(segment.End / AcousticFeatures.FrameSeconds), features.Frames.Count);
        for (var f = first; f < last; f++) stats.Add(features.Frames[f]);
        return stats;
    }

    /// <summary>Turns in time order, speakers renumbered by first appearance.</summary>
    private static List<SpeakerTurn> Turns(List<Cluster> clusters)
    {
        var turns = clusters.SelectMany((c, k) => c.Segments.Select(s => (s.Start, s.End, Cluster: k))).OrderBy(t => t.Start).ToList();
        var order = new Dictionary<int, int>();
        foreach (var turn in turns) order.TryAdd(turn.Cluster, order.Count);
        return turns.Select(t => new SpeakerTurn(t.Start, t.End, order[t.Cluster])).ToList();
    }

    private sealed record Segment(double Start, double End);

    private sealed class Cluster(GaussianStats stats, List<Segment> segments)
    {
        public GaussianStats Stats { get; } = stats;
        public List<Segment> Segments { get; } = segments;
        public double LogDeterminant { get; } = stats.LogDeterminant();

        public GaussianStats MergedWith(Cluster other) => GaussianStats.Merge(Stats, other.Stats);
    }
}
