using System.Diagnostics;
using MedGrpc.Core.Media;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Validation;

namespace MedGrpc.Ffmpeg;

/// <summary>
/// A live stream's audio through ffmpeg, pipe to pipe: flac and ogg-opus decoded, pcm of another rate or channel count
/// resampled, all to the engines' 16 kHz PCM as it arrives. Probing is kept minimal so that a chunk's samples come out
/// while the next chunk is still on its way. Not <c>-fflags nobuffer</c>: it drops the packets read while probing (40–70
/// ms near the start of an 8-second flac, 2 s of raw pcm at another rate), so a stream's words differed from the same
/// audio sent as 16 kHz pcm; without it the samples are exactly the encoded ones, and no later.
/// </summary>
public sealed class LiveAudioDecoder : ILiveAudioDecoder
{
    public ILiveDecode Start(string encoding, int sampleRate, int inputChannels, int outputChannels)
    {
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] input = encoding switch
        {
            "pcm" => ["-f", "s16le", "-ar", sampleRate.ToString(), "-ac", inputChannels.ToString()],
            "flac" => ["-f", "flac"],
            "ogg-opus" => ["-f", "ogg"],
            _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "pcm, flac or ogg-opus"),
        };
        foreach (var arg in new[] { "-nostdin", "-hide_banner", "-v", "error", "-probesize", "32", "-analyzeduration", "0" }
                     .Concat(input)
                     .Concat(["-i", "pipe:0", "-map", "0:a:0", "-ac", outputChannels.ToString(), "-ar", PcmFormat.SampleRate.ToString(),
                              "-flush_packets", "1", "-f", "s16le", "-acodec", "pcm_s16le", "pipe:1"]))
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("ffmpeg could not be started: install ffmpeg.");
        return new LiveDecode(process, encoding);
    }
}

/// <summary>A running ffmpeg of a live stream.</summary>
public sealed class LiveDecode : ILiveDecode
{
    private readonly Process _process;
    private readonly string _encoding;
    private readonly Task<string> _errors;
    private int _disposed;

    internal LiveDecode(Process process, string encoding)
    {
        _process = process;
        _encoding = encoding;
        // Drain stderr all along: a full pipe would stall ffmpeg.
        _errors = process.StandardError.ReadToEndAsync();
    }

    public Stream Pcm => _process.StandardOutput.BaseStream;

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        var stdin = _process.StandardInput.BaseStream;
        await stdin.WriteAsync(data, ct);
        await stdin.FlushAsync(ct);
    }

    public void EndInput() => _process.StandardInput.Close();

    public async Task CompleteAsync(CancellationToken ct)
    {
        await _process.WaitForExitAsync(ct);
        var errors = (await _errors).Trim();
        if (_process.ExitCode != 0)
            throw RequestValidator.UndecodableAudio(_encoding, FirstLine(errors));
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length == 0 ? "ffmpeg failed" : line.Length > 200 ? line[..200] : line;
    }

    public void Abort()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { /* exited meanwhile */ }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Abort();
        _process.Dispose();
    }
}
