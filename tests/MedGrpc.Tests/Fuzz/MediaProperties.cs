using FsCheck.Xunit;
using FsCheck;
using MedGrpc.Core.Media;
using MedGrpc.Core.Validation;
using MedGrpc.Ffmpeg;
using MedGrpc.Tests.Support;
using MedGrpc.Tests.Validation;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedGrpc.Tests.Fuzz;

/// <summary>
/// Hostile media through the real ffprobe and ffmpeg path a job takes: truncated, corrupted,
/// mislabelled, empty and huge-header files end as a clear MediaRejectedException or as PCM,
/// never another exception, never a hang (every case has a deadline).
/// </summary>
public sealed class MediaProperties
{
    private static readonly MediaProbe Probe = new(NullLogger<MediaProbe>.Instance);
    private static readonly MediaDecoder Decoder = new();
    private static readonly Lazy<byte[]> Wav = new(() => File.ReadAllBytes(MediaFiles.GoForward));
    private static readonly Lazy<byte[]> Mp3 = new(() => File.ReadAllBytes(MediaFiles.Convert(MediaFiles.GoForward, "fuzz-source.mp3", "-b:a", "64k")));

    /// <summary>What a job does with the file up to recognition; true when the media was accepted.</summary>
    private static async Task<bool> TakeAsync(byte[] content, string extension, string? declaredFormat)
    {
        var path = Path.Combine(Path.GetTempPath(), $"medgrpc-fuzz-{Guid.NewGuid():N}{extension}");
        await File.WriteAllBytesAsync(path, content);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            var media = await Probe.ProbeAsync(path, deadline.Token);
            MediaRules.CheckSize(content.Length);
            MediaRules.Check((ValidRequests.Start() with { MediaFormat = declaredFormat, MediaSampleRateHertz = null }).DeclaredMedia, media);
            using var audio = Decoder.Start(path);
            await audio.Pcm.CopyToAsync(Stream.Null, deadline.Token);
            await audio.CompleteAsync(deadline.Token);
            return true;
        }
        catch (MediaRejectedException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.FailureReason));
            return false;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Property(MaxTest = 25)]
    public async Task A_truncated_file_is_rejected_or_decoded(PositiveInt cut, bool mp3)
    {
        var source = mp3 ? Mp3.Value : Wav.Value;
        var length = cut.Get % source.Length;
        await TakeAsync(source[..length], mp3 ? ".mp3" : ".wav", null);
    }

    [Property(MaxTest = 25)]
    public async Task A_file_with_corrupted_bytes_is_rejected_or_decoded(NonEmptyArray<PositiveInt> positions, byte value, bool mp3)
    {
        var content = (byte[])(mp3 ? Mp3.Value : Wav.Value).Clone();
        foreach (var p in positions.Get) content[p.Get % Math.Min(content.Length, 4096)] = value; // the headers, where parsers are most fragile
        await TakeAsync(content, mp3 ? ".mp3" : ".wav", null);
    }

    [Property(MaxTest = 15)]
    public async Task A_mislabelled_file_is_rejected_or_decoded(bool mp3, int label)
    {
        string[] formats = ["mp3", "mp4", "wav", "flac", "ogg", "amr", "webm", "m4a"];
        var format = formats[Math.Abs(label % formats.Length)];
        await TakeAsync(mp3 ? Mp3.Value : Wav.Value, "." + format, format);
    }

    [Property(MaxTest = 10)]
    public async Task A_header_claiming_huge_sizes_is_rejected_or_decoded(uint riffSize, uint dataSize, ushort channels, uint sampleRate)
    {
        var content = (byte[])Wav.Value.Clone();
        BitConverter.GetBytes(riffSize).CopyTo(content, 4);
        BitConverter.GetBytes(channels).CopyTo(content, 22);
        BitConverter.GetBytes(sampleRate).CopyTo(content, 24);
        BitConverter.GetBytes(dataSize).CopyTo(content, 40);
        await TakeAsync(content, ".wav", null);
    }

    [Fact]
    public async Task An_empty_file_is_rejected() => Assert.False(await TakeAsync([], ".wav", null));
}
