using System.Diagnostics;
using MedGrpc.Cli.Dictation;
using MedGrpc.Cli.Tests.Support;

namespace MedGrpc.Cli.Tests.Dictation;

/// <summary>What dictate reads of a recording to stream and pace it, from files made by the real ffmpeg.</summary>
public sealed class RecordingTests
{
    private const double Seconds = 2.786; // dev-real-goforward.wav

    private static string Make(string extension, params string[] options)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dictate-{Guid.NewGuid():N}.{extension}");
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-nostdin", "-v", "error", "-i", SpeechSet.GoForward }.Concat(options).Append(path)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return path;
    }

    [Fact]
    public void A_wav_file_is_sent_as_pcm_at_its_rate_and_channels()
    {
        var recording = Recording.Read(Make("wav", "-ar", "22050", "-ac", "2"));

        Assert.Equal(("pcm", 22050, 2), (recording.Encoding, recording.SampleRate, recording.Channels));
        Assert.Equal(Seconds, recording.DurationSeconds, 0.01);
        Assert.Equal(recording.DurationSeconds * 22050 * 2 * 2, recording.Audio.Length, 4.0);
    }

    [Fact]
    public void A_flac_file_is_sent_as_it_is_with_the_rate_channels_and_length_of_its_stream_info()
    {
        var path = Make("flac", "-ar", "44100", "-ac", "2");

        var recording = Recording.Read(path);

        Assert.Equal(("flac", 44100, 2), (recording.Encoding, recording.SampleRate, recording.Channels));
        Assert.Equal(Seconds, recording.DurationSeconds, 0.01);
        Assert.Equal(new FileInfo(path).Length, recording.Audio.Length);
    }

    [Fact]
    public void An_ogg_opus_file_is_sent_as_it_is_with_the_length_of_its_last_page()
    {
        var recording = Recording.Read(Make("ogg", "-c:a", "libopus", "-ar", "48000"));

        Assert.Equal(("ogg-opus", 48000, 1), (recording.Encoding, recording.SampleRate, recording.Channels));
        Assert.Equal(Seconds, recording.DurationSeconds, 0.05);
    }
}
