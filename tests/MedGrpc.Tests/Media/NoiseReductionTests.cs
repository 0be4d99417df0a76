using System.Diagnostics;
using MedGrpc.Ffmpeg;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Media;

/// <summary>The ffmpeg noise filter (MedGrpc:Media:NoiseReduction) on the PCM the engines hear, with real ffmpeg.</summary>
public sealed class NoiseReductionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("medgrpc-noise-").FullName;

    [Fact]
    public async Task The_default_filter_lowers_steady_pink_noise()
    {
        var noise = await PinkNoiseAsync();
        var plain = Rms(await DecodeAsync(new MediaOptions { NoiseReduction = "" }, noise));
        var denoised = Rms(await DecodeAsync(new MediaOptions(), noise));
        // About 2.5 dB on noise alone at this level; ffmpeg's plain decode is the control.
        Assert.True(denoised < plain * 0.8, $"RMS {denoised:F0} after the filter, {plain:F0} without it");
    }

    [Fact]
    public async Task Without_a_filter_the_pcm_is_ffmpegs_plain_downmix()
    {
        var noise = await PinkNoiseAsync();
        var ours = await DecodeAsync(new MediaOptions { NoiseReduction = "" }, noise);
        var plain = await RunFfmpegAsync("-i", noise, "-ac", "1", "-ar", "16000", "-f", "s16le", "-");
        Assert.Equal(plain, ours);
    }

    [Fact]
    public async Task Each_channel_is_filtered_alone()
    {
        var noise = await PinkNoiseAsync(channels: 2);
        var left = await DecodeAsync(new MediaOptions(), noise, channel: 0);
        Assert.Equal(3 * 16000 * 2, left.Length); // 3 s of 16 kHz mono s16le: one channel, not the mix of two
    }

    [Fact]
    public void No_recording_of_the_speech_sets_is_taken_for_noisy()
    {
        var decoder = new MediaDecoder(new MediaOptions());
        var realSpeech = Path.Combine(Path.GetDirectoryName(SpeechSet.Root)!, "real-speech", "audio");
        foreach (var file in Directory.GetFiles(Path.Combine(SpeechSet.Root, "audio")).Concat(Directory.GetFiles(realSpeech)))
        {
            Assert.False(decoder.IsNoisy(file, channel: null), file);
            if (file.Contains("-2ch.", StringComparison.Ordinal))
                Assert.False(decoder.IsNoisy(file, channel: 1), $"{file}, channel 1");
        }
    }

    [Fact]
    public async Task A_dictation_under_15_dB_of_pink_noise_is_taken_for_noisy()
    {
        var clean = SpeechSet.Audio("dev-dict-01.wav");
        var noisy = Path.Combine(_dir, "noisy.wav");
        // The speech is at about -16 dBFS RMS; the noise 15 dB below it.
        await RunFfmpegAsync("-i", clean, "-f", "lavfi", "-i", "anoisesrc=color=pink:sample_rate=16000:amplitude=0.1:seed=3",
            "-filter_complex", "[1]volume=3.3dB[n];[0][n]amix=inputs=2:normalize=0:duration=first", "-y", noisy);
        Assert.True(new MediaDecoder(new MediaOptions()).IsNoisy(noisy, channel: null));
        Assert.False(new MediaDecoder(new MediaOptions { NoiseReductionBelowSpreadDb = 0 }).IsNoisy(noisy, channel: null));
    }

    [Fact]
    public void A_filter_ffmpeg_cannot_run_stops_the_service_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new MediaDecoder(new MediaOptions { NoiseReduction = "nosuchfilter=1" }).CheckNoiseReduction());
        Assert.Contains("MedGrpc:Media:NoiseReduction", error.Message);
        Assert.Contains("nosuchfilter", error.Message);
    }

    [Fact]
    public void The_default_filter_is_one_ffmpeg_runs() => new MediaDecoder(new MediaOptions()).CheckNoiseReduction();

    private async Task<string> PinkNoiseAsync(int channels = 1)
    {
        var path = Path.Combine(_dir, $"pink-{channels}.wav");
        await RunFfmpegAsync("-f", "lavfi", "-i", "anoisesrc=color=pink:sample_rate=44100:amplitude=0.05:duration=3:seed=7",
            "-ac", channels.ToString(), "-y", path);
        return path;
    }

    private static async Task<byte[]> DecodeAsync(MediaOptions options, string input, int? channel = null)
    {
        using var audio = new MediaDecoder(options).Start(input, channel);
        using var pcm = new MemoryStream();
        await audio.Pcm.CopyToAsync(pcm);
        await audio.CompleteAsync(CancellationToken.None);
        return pcm.ToArray();
    }

    private static double Rms(byte[] pcm)
    {
        double sum = 0;
        for (var i = 0; i + 1 < pcm.Length; i += 2)
        {
            double sample = BitConverter.ToInt16(pcm, i);
            sum += sample * sample;
        }
        return Math.Sqrt(sum / (pcm.Length / 2));
    }

    private static async Task<byte[]> RunFfmpegAsync(params string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-nostdin", "-hide_banner", "-v", "error" }.Concat(args)) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.BaseStream.CopyToAsync(output);
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);
        return output.ToArray();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
