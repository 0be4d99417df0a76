using MedGrpc.Core.Media;

namespace MedGrpc.Core.Ports;

/// <summary>Looks at a media file (a local path or an http(s) URL) without decoding it: its format, rate, channels, length.</summary>
public interface IMediaProbe
{
    /// <exception cref="MediaRejectedException">The file is no media the service reads.</exception>
    Task<MediaInfo> ProbeAsync(string input, CancellationToken ct);
}

/// <summary>Decodes media to the engines' PCM (<see cref="PcmFormat"/>), streamed, never held whole in memory.</summary>
public interface IMediaDecoder
{
    /// <param name="input">A local path or an http(s) URL.</param>
    /// <param name="channel">One channel alone (0-based), or null for all channels mixed down.</param>
    IDecodedAudio Start(string input, int? channel = null);
}

/// <summary>A decode under way: read <see cref="Pcm"/> to its end, then <see cref="CompleteAsync"/> tells whether it succeeded.</summary>
public interface IDecodedAudio : IDisposable
{
    Stream Pcm { get; }

    /// <exception cref="MediaRejectedException">The data could not be decoded: the file is corrupt.</exception>
    Task CompleteAsync(CancellationToken ct);
}

/// <summary>Decodes a live stream's compressed audio (flac, ogg-opus) or resamples its PCM, while it arrives.</summary>
public interface ILiveAudioDecoder
{
    /// <param name="encoding">pcm, flac or ogg-opus (the stream's mediaEncoding).</param>
    /// <param name="sampleRate">The rate pcm is sent at; compressed audio carries its own.</param>
    /// <param name="inputChannels">The channels pcm carries, interleaved.</param>
    /// <param name="outputChannels">1: mixed down; 2: each channel kept, interleaved.</param>
    ILiveDecode Start(string encoding, int sampleRate, int inputChannels, int outputChannels);
}

/// <summary>
/// A live decode under way: write the stream's bytes in, read <see cref="PcmFormat"/> samples (interleaved when
/// two channels were asked for) from <see cref="Pcm"/> until it ends, then <see cref="CompleteAsync"/>.
/// </summary>
public interface ILiveDecode : IDisposable
{
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct);

    /// <summary>No more input: the decoder flushes what it holds and <see cref="Pcm"/> ends.</summary>
    void EndInput();

    /// <summary>Stops the decoder at once (the stream failed): <see cref="Pcm"/> ends.</summary>
    void Abort();

    Stream Pcm { get; }

    /// <exception cref="Errors.ServiceException">The data could not be decoded (BadRequest naming the encoding).</exception>
    Task CompleteAsync(CancellationToken ct);
}
