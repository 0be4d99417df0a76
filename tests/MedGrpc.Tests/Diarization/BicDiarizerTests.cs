using MedGrpc.Core.Diarization;
using MedGrpc.Core.Media;
using MedGrpc.Core.Ports;

namespace MedGrpc.Tests.Diarization;

/// <summary>
/// The BIC diarizer on two synthetic "voices" with plainly different spectra (low-pass and high-pass
/// noise), so that the expected turns are certain; the dev set's conversations are the bench's business.
/// </summary>
public sealed class BicDiarizerTests
{
    private const int Rate = PcmFormat.SampleRate;

    /// <summary>
    /// Voices in turn; within a turn one word every half second (0.4 s long), and none in the last half second,
    /// so that each turn is a segment of its own (the diarizer cuts segments at pauses and every 3 s).
    /// </summary>
    private static (AcousticFeatures Features, Recognition Recognition) Conversation(params (bool Low, double Seconds)[] turns)
    {
        var random = new Random(42);
        var samples = new List<short>();
        var words = new List<RecognizedWord>();
        double previous = 0;
        foreach (var (low, seconds) in turns)
        {
            var start = samples.Count / (double)Rate;
            for (var i = 0; i < (int)(seconds * Rate); i++)
            {
                var white = random.NextDouble() * 2 - 1;
                var value = low ? 0.9 * previous + 0.1 * white : white - previous; // a one-pole low-pass, or a first difference
                previous = low ? value : white;
                samples.Add((short)Math.Clamp(value * (low ? 60000 : 6000), short.MinValue, short.MaxValue));
            }
            for (var t = start; t + 0.4 <= start + seconds - 0.5 + 1e-9; t += 0.5)
                words.Add(new RecognizedWord("word", Math.Round(t, 3), Math.Round(t + 0.4, 3), 0.9));
        }

        var features = new AcousticFeatures();
        var bytes = new byte[samples.Count * 2];
        for (var i = 0; i < samples.Count; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * 2), samples[i]);
        features.Add(bytes);
        features.Complete();
        return (features, new Recognition([new RecognizedUtterance(words)]));
    }

    private static int SpeakerAt(IReadOnlyList<SpeakerTurn> turns, double time) =>
        turns.Single(t => t.Start <= time && time < t.End).Speaker;

    [Fact]
    public void Two_voices_in_turn_are_two_speakers_and_their_turns_follow_the_voices()
    {
        var (features, recognition) = Conversation((true, 3), (false, 3), (true, 3), (false, 3), (true, 3), (false, 3));

        var turns = new BicDiarizer().Diarize(features, recognition, maxSpeakers: 2);

        Assert.Equal([0, 1], turns.Select(t => t.Speaker).Distinct().Order());
        Assert.Equal([0, 1, 0, 1, 0, 1], new[] { 1.1, 4.1, 7.1, 10.1, 13.1, 16.1 }.Select(t => SpeakerAt(turns, t)));
        Assert.Equal(turns.OrderBy(t => t.Start), turns);
    }

    [Fact]
    public void One_voice_is_one_speaker_even_when_more_are_allowed()
    {
        var (features, recognition) = Conversation((true, 3), (true, 3), (true, 3), (true, 3));

        var turns = new BicDiarizer().Diarize(features, recognition, maxSpeakers: 4);

        Assert.NotEmpty(turns);
        Assert.All(turns, t => Assert.Equal(0, t.Speaker));
    }

    [Fact]
    public void No_more_speakers_than_allowed()
    {
        var (features, recognition) = Conversation((true, 3), (false, 3), (true, 3), (false, 3));

        var turns = new BicDiarizer().Diarize(features, recognition, maxSpeakers: 1);

        Assert.All(turns, t => Assert.Equal(0, t.Speaker));
    }

    [Fact]
    public void No_words_no_turns()
    {
        var (features, _) = Conversation((true, 2));

        Assert.Empty(new BicDiarizer().Diarize(features, new Recognition([]), maxSpeakers: 2));
    }
}
