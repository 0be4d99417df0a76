using MedGrpc.Core.Media;

namespace MedGrpc.Tests.Media;

/// <summary>Cutting streamed PCM at pauses: pieces within their lengths, cut in silence, nothing lost or repeated.</summary>
public sealed class PauseChunkerTests
{
    private static readonly ChunkLengths Lengths = new(2, 3, 6);

    [Fact]
    public async Task The_pieces_put_together_are_the_recording_byte_for_byte()
    {
        var (pcm, _) = Speech(seconds: 40, seed: 1);

        var pieces = await CutAsync(pcm, Lengths);

        Assert.Equal(pcm, pieces.SelectMany(p => p.Bytes).ToArray());
        Assert.Equal(pieces.Select(p => p.Start).ToList(), pieces.Select((_, i) => pieces.Take(i).Sum(p => (long)p.Bytes.Length / 2)).ToList());
    }

    [Fact]
    public async Task Every_piece_but_the_last_is_between_the_shortest_and_longest_length()
    {
        var (pcm, _) = Speech(seconds: 40, seed: 2);

        var pieces = await CutAsync(pcm, Lengths);

        Assert.True(pieces.Count >= 7, $"{pieces.Count} pieces");
        Assert.All(pieces.SkipLast(1), p => Assert.InRange(p.Bytes.Length / (double)PcmFormat.BytesPerSecond, Lengths.MinSeconds, Lengths.MaxSeconds));
    }

    [Fact]
    public async Task Each_cut_falls_in_a_pause()
    {
        var (pcm, pauses) = Speech(seconds: 40, seed: 3);

        var pieces = await CutAsync(pcm, Lengths);

        foreach (var cut in pieces.Skip(1).Select(p => p.Start))
            Assert.Contains(pauses, pause => pause.Start <= cut && cut < pause.End);
    }

    [Fact]
    public async Task A_stream_that_delivers_a_few_bytes_at_a_time_is_cut_the_same()
    {
        var (pcm, _) = Speech(seconds: 20, seed: 4);

        var whole = await CutAsync(pcm, Lengths);
        var trickled = await CutAsync(pcm, Lengths, new TrickleStream(pcm, 333));

        Assert.Equal(whole.Select(p => p.Start), trickled.Select(p => p.Start));
    }

    [Fact]
    public async Task A_recording_no_longer_than_the_longest_piece_stays_whole()
    {
        var (pcm, _) = Speech(seconds: Lengths.MaxSeconds, seed: 5);

        var pieces = await CutAsync(pcm, Lengths);

        Assert.Equal(pcm.Length, Assert.Single(pieces).Bytes.Length);
    }

    private static async Task<List<(long Start, byte[] Bytes)>> CutAsync(byte[] pcm, ChunkLengths lengths, Stream? stream = null)
    {
        var chunker = new PauseChunker(stream ?? new MemoryStream(pcm), lengths);
        var pieces = new List<(long, byte[])>();
        while (await chunker.NextAsync(default) is { } chunk)
            using (chunk)
                pieces.Add((chunk.StartSample, chunk.Bytes.ToArray()));
        return pieces;
    }

    /// <summary>
    /// Loud noise bursts of 0.4–2.5 s (words and phrases) between quiet gaps of 0.05–0.9 s over a faint
    /// background hiss, as sample ranges of the gaps.
    /// </summary>
    private static (byte[] Pcm, List<(long Start, long End)> Pauses) Speech(double seconds, int seed)
    {
        var random = new Random(seed);
        var samples = new short[(int)(seconds * PcmFormat.SampleRate)];
        var pauses = new List<(long, long)>();
        var at = 0;
        while (at < samples.Length)
        {
            var speech = Math.Min(samples.Length, at + (int)(random.NextDouble() * 2.1 * PcmFormat.SampleRate + 0.4 * PcmFormat.SampleRate));
            for (; at < speech; at++) samples[at] = (short)random.Next(-6000, 6000);
            var pause = Math.Min(samples.Length, at + (int)(random.NextDouble() * 0.85 * PcmFormat.SampleRate + 0.05 * PcmFormat.SampleRate));
            pauses.Add((at, pause));
            for (; at < pause; at++) samples[at] = (short)random.Next(-30, 30);
        }
        var bytes = new byte[samples.Length * 2];
        Buffer.BlockCopy(samples, 0, bytes, 0, bytes.Length);
        return (bytes, pauses);
    }

    private sealed class TrickleStream(byte[] data, int most) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, most));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, most)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, most)], ct);
    }
}
