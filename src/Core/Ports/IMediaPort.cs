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
