using MedGrpc.Core.Media;

namespace MedGrpc.Tests.Media;

public sealed class LevelSpreadTests
{
    [Fact]
    public void Speech_over_silence_spreads_wide_and_over_steady_noise_narrow()
    {
        var clean = new LevelSpread();
        clean.Add(Tone(seconds: 1, amplitude: 8000, floor: 0));
        Assert.True(clean.SpreadDb > 60, $"{clean.SpreadDb} dB");

        var noisy = new LevelSpread();
        noisy.Add(Tone(seconds: 1, amplitude: 8000, floor: 1000));
        Assert.InRange(noisy.SpreadDb, 10, 25);
    }

    [Fact]
    public void Pcm_added_in_odd_pieces_measures_as_added_whole()
    {
        var pcm = Tone(seconds: 1, amplitude: 8000, floor: 300);
        var whole = new LevelSpread();
        whole.Add(pcm);
        var pieces = new LevelSpread();
        for (var at = 0; at < pcm.Length; at += 333) pieces.Add(pcm.AsSpan(at, Math.Min(333, pcm.Length - at)));
        Assert.Equal(whole.Frames, pieces.Frames);
        Assert.Equal(whole.SpreadDb, pieces.SpreadDb);
    }

    [Fact]
    public void Nothing_added_has_no_spread() => Assert.Equal(0, new LevelSpread().SpreadDb);

    /// <summary>Half a second of a 440 Hz tone, then half a second of the floor (a square wave of that amplitude), repeated.</summary>
    private static byte[] Tone(double seconds, short amplitude, short floor)
    {
        var samples = (int)(seconds * PcmFormat.SampleRate);
        var pcm = new byte[samples * 2];
        for (var i = 0; i < samples; i++)
        {
            var inTone = i % PcmFormat.SampleRate < PcmFormat.SampleRate / 2;
            var value = inTone
                ? (short)(amplitude * Math.Sin(2 * Math.PI * 440 * i / PcmFormat.SampleRate))
                : (short)(i % 2 == 0 ? floor : -floor);
            BitConverter.TryWriteBytes(pcm.AsSpan(2 * i), value);
        }
        return pcm;
    }
}
