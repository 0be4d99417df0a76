using System.Diagnostics;
using MedGrpc.Client;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Support;

/// <summary>
/// A live stream's audio made with the real ffmpeg from a recording (raw pcm, flac or ogg-opus bytes), and a stream of
/// it sent through the client as fast as the service takes it: tests never pace at real time.
/// </summary>
public static class StreamAudio
{
    /// <summary>The recording's first <paramref name="seconds"/> as the encoding's bytes.</summary>
    public static byte[] Encode(string source, string encoding, double seconds, int sampleRate = 16000, int channels = 1)
    {
        string[] output = encoding switch
        {
            "pcm" => ["-f", "s16le", "-acodec", "pcm_s16le"],
            "flac" => ["-f", "flac"],
            "ogg-opus" => ["-f", "ogg", "-acodec", "libopus"],
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        };
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-nostdin", "-v", "error", "-i", source, "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "-ar", sampleRate.ToString(), "-ac", channels.ToString() }.Concat(output).Append("pipe:1"))
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        using var bytes = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(bytes);
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg failed: {errors.Result}");
        return bytes.ToArray();
    }

    /// <summary>The bytes in chunks of a size a client would send (about 0.1 s of 16 kHz pcm by default).</summary>
    public static async IAsyncEnumerable<ReadOnlyMemory<byte>> Chunks(byte[] audio, int chunkBytes = 3200)
    {
        for (var offset = 0; offset < audio.Length; offset += chunkBytes)
        {
            yield return audio.AsMemory(offset, Math.Min(chunkBytes, audio.Length - offset));
            await Task.Yield();
        }
    }

    public static StreamSettings Settings(string encoding = "pcm", int sampleRate = 16000) => new()
    {
        LanguageCode = LanguageCode.EnUs,
        MediaSampleRateHertz = sampleRate,
        MediaEncoding = encoding switch { "pcm" => MediaEncoding.Pcm, "flac" => MediaEncoding.Flac, _ => MediaEncoding.OggOpus },
        Specialty = Specialty.Primarycare,
        Type = MedicalJobType.Dictation,
    };

    /// <summary>Every message the service sends for the audio, to the end of the stream.</summary>
    public static async Task<List<StreamTranscriptionResponse>> StreamAllAsync(
        this TestServer server, StreamSettings settings, byte[] audio, int chunkBytes = 3200, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        var responses = new List<StreamTranscriptionResponse>();
        await foreach (var response in server.Jobs.StreamAsync(settings, Chunks(audio, chunkBytes), cts.Token)) responses.Add(response);
        return responses;
    }

    public static List<MedicalResult> Results(this IEnumerable<StreamTranscriptionResponse> responses) =>
        responses.Where(r => r.EventCase == StreamTranscriptionResponse.EventOneofCase.TranscriptEvent)
            .SelectMany(r => r.TranscriptEvent.Transcript.Results).ToList();

    public static List<MedicalResult> Finals(this IEnumerable<StreamTranscriptionResponse> responses) =>
        responses.Results().Where(r => !r.IsPartial).ToList();

    /// <summary>The finals' transcripts joined, as the batch transcript joins its sentences.</summary>
    public static string FinalText(this IEnumerable<StreamTranscriptionResponse> responses) =>
        string.Join(' ', responses.Finals().OrderBy(r => r.StartTime).Select(r => r.Alternatives[0].Transcript));
}
