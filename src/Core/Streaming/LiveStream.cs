using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Media;
using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Validation;

namespace MedGrpc.Core.Streaming;

/// <summary>
/// An open live stream: its settings, its channels' recognizers and its lease of the engine. <see cref="RunAsync"/>
/// takes the audio as it arrives and yields results as they come, as fast as the engine goes (the caller reads the
/// next chunk only when this one is recognised, so a client faster than real time is slowed by the transport's flow
/// control rather than buffered). Disposing ends the lease and gives the decoders back.
/// </summary>
public sealed class LiveStream : IDisposable
{
    // PCM read from the decoder at a time: 128 ms per channel, as the recognizer steps.
    private const int ReadSamplesPerChannel = 2048;
    private readonly IReadOnlyList<ChannelTranscriber> _channels;
    private readonly ILiveAudioDecoder _decoder;
    private readonly IDisposable _lease;
    private long _samplesPerChannel;
    private byte[] _carry = [];

    internal LiveStream(string sessionId, StreamRequest request, IReadOnlyList<ChannelTranscriber> channels, ILiveAudioDecoder decoder, IDisposable lease)
    {
        SessionId = sessionId;
        Request = request;
        _channels = channels;
        _decoder = decoder;
        _lease = lease;
    }

    public string SessionId { get; }

    public StreamRequest Request { get; }

    /// <summary>Seconds of audio recognised so far.</summary>
    public double AudioSeconds => (double)Interlocked.Read(ref _samplesPerChannel) / PcmFormat.SampleRate;

    public int ResultCount { get; private set; }

    /// <summary>pcm at 16 kHz with the channels wanted goes straight in; anything else through the live decoder (ffmpeg).</summary>
    private bool Direct => Request.MediaEncoding == StreamRequest.Pcm && Request.MediaSampleRateHertz == PcmFormat.SampleRate
                           && (Request.EnableChannelIdentification == true || Request.Channels == 1);

    public IAsyncEnumerable<StreamResult> RunAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, CancellationToken ct) =>
        Direct ? RunDirectAsync(audio, ct) : RunDecodedAsync(audio, ct);

    private async IAsyncEnumerable<StreamResult> RunDirectAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var chunk in audio.WithCancellation(ct))
            foreach (var result in Feed(chunk.Span))
                yield return result;
        foreach (var result in Finish()) yield return result;
    }

    private async IAsyncEnumerable<StreamResult> RunDecodedAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, [EnumeratorCancellation] CancellationToken ct)
    {
        var encoding = Request.MediaEncoding!;
        using var decode = _decoder.Start(encoding, Request.MediaSampleRateHertz ?? PcmFormat.SampleRate,
            Request.MediaEncoding == StreamRequest.Pcm ? Request.Channels : 0, _channels.Count);
        using var writing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writer = WriteAllAsync(audio, decode, writing.Token);
        var buffer = new byte[ReadSamplesPerChannel * _channels.Count * PcmFormat.BytesPerSample];
        while (true)
        {
            int read;
            try
            {
                read = await decode.Pcm.ReadAsync(buffer, ct);
            }
            catch (IOException) when (writer.IsCompleted)
            {
                break; // the writer failed and stopped the decoder: its error is the stream's
            }
            if (read == 0) break;
            foreach (var result in Feed(buffer.AsSpan(0, read))) yield return result;
        }
        if (!writer.IsCompleted)
        {
            // The decoder's output ended before its input did: it stopped on the data, and says why.
            try { await decode.CompleteAsync(ct); }
            finally { await writing.CancelAsync(); }
            try { await writer; }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
        }
        else
        {
            await writer; // the client's error (idle, out of order) comes first
            await decode.CompleteAsync(ct);
        }
        foreach (var result in Finish()) yield return result;
    }

    private static async Task WriteAllAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, ILiveDecode decode, CancellationToken ct)
    {
        try
        {
            await foreach (var chunk in audio.WithCancellation(ct)) await decode.WriteAsync(chunk, ct);
            decode.EndInput();
        }
        catch (IOException)
        {
            // The decoder stopped reading (it failed on the data): CompleteAsync tells why.
        }
        catch
        {
            decode.Abort(); // the reader sees the end of the decoder's output; the error comes from here
            throw;
        }
    }

    /// <summary>16-bit PCM, channels interleaved, to each channel's recognizer.</summary>
    private List<StreamResult> Feed(ReadOnlySpan<byte> pcm)
    {
        // A chunk may end mid-sample or mid-frame: the rest waits for the next chunk.
        var frameBytes = _channels.Count * PcmFormat.BytesPerSample;
        if (_carry.Length > 0) pcm = (byte[])[.. _carry, .. pcm];
        var whole = pcm.Length / frameBytes * frameBytes;
        var results = Feed(MemoryMarshal.Cast<byte, short>(pcm[..whole]));
        _carry = pcm[whole..].ToArray();
        return results;
    }

    private List<StreamResult> Feed(ReadOnlySpan<short> interleaved)
    {
        var results = new List<StreamResult>();
        var frames = interleaved.Length / _channels.Count;
        if (frames == 0) return results;
        if (_channels.Count == 1) results.AddRange(_channels[0].Accept(interleaved));
        else
        {
            var one = new short[frames];
            for (var c = 0; c < _channels.Count; c++)
            {
                for (var i = 0; i < frames; i++) one[i] = interleaved[i * _channels.Count + c];
                results.AddRange(_channels[c].Accept(one));
            }
        }
        Interlocked.Add(ref _samplesPerChannel, frames);
        RequestValidator.CheckStreamLength(AudioSeconds);
        ResultCount += results.Count;
        return results;
    }

    private List<StreamResult> Finish()
    {
        var results = _channels.SelectMany(c => c.Finish()).OrderBy(r => r.StartTime).ToList();
        ResultCount += results.Count;
        return results;
    }

    public void Dispose()
    {
        foreach (var channel in _channels) channel.Dispose();
        _lease.Dispose();
    }
}
