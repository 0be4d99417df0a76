using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using MedGrpc.Core.Media;
using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Validation;

namespace MedGrpc.Core.Streaming;

/// <summary>
/// An open live stream: its settings, its channels' recognizers and its lease of the engine. <see cref="RunAsync"/>
/// takes the audio as it arrives and yields results as they come, as fast as the engine goes. Recognition runs on a
/// thread of the stream's own, apart from the thread pool that reads and writes the call, so that several busy
/// streams never hold up each other's I/O (nor make a client look idle). Between the two, a few chunks wait at most:
/// a client faster than real time is then slowed by the transport's flow control, never buffered without bound.
/// Disposing ends the lease and gives the decoders back.
/// </summary>
public sealed class LiveStream : IDisposable
{
    // PCM read from the decoder at a time: 128 ms per channel, as the recognizer steps.
    private const int ReadSamplesPerChannel = 2048;
    // Chunks read ahead of recognition (about 1.6 s of 100 ms chunks).
    private const int ChunksAhead = 16;
    private readonly IReadOnlyList<ChannelTranscriber> _channels;
    private readonly ILiveAudioDecoder _decoder;
    private readonly IDisposable _lease;
    private long _samplesPerChannel;
    private byte[] _carry = [];

    internal LiveStream(string sessionId, StreamRequest request, IReadOnlyList<ChannelTranscriber> channels, ILiveAudioDecoder decoder, IDisposable lease,
        StreamRecording? recording)
    {
        SessionId = sessionId;
        Request = request;
        Recording = recording;
        _channels = channels;
        _decoder = decoder;
        _lease = lease;
    }

    public string SessionId { get; }

    public StreamRequest Request { get; }

    /// <summary>The job the session is recorded as, when the settings name an output bucket; null otherwise.</summary>
    public StreamRecording? Recording { get; }

    /// <summary>Seconds of audio recognised so far.</summary>
    public double AudioSeconds => (double)Interlocked.Read(ref _samplesPerChannel) / PcmFormat.SampleRate;

    public int ResultCount { get; private set; }

    /// <summary>pcm at 16 kHz with the channels wanted goes straight in; anything else through the live decoder (ffmpeg).</summary>
    private bool Direct => Request.MediaEncoding == StreamRequest.Pcm && Request.MediaSampleRateHertz == PcmFormat.SampleRate
                           && (Request.EnableChannelIdentification == true || Request.Channels == 1);

    public async IAsyncEnumerable<StreamResult> RunAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, [EnumeratorCancellation] CancellationToken ct)
    {
        var results = Channel.CreateUnbounded<StreamResult>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var work = RecognizeAsync(audio, results.Writer, stopping.Token);
        var drained = false;
        try
        {
            await foreach (var result in results.Reader.ReadAllAsync(ct)) yield return result;
            drained = true;
        }
        finally
        {
            if (!drained)
            {
                // The caller left early (the call ended): stop reading and recognising, and wait for the thread to let go.
                await stopping.CancelAsync();
                try { await work; }
                catch (Exception) when (stopping.IsCancellationRequested) { }
            }
        }
        await work; // its error, if it failed, is the stream's
    }

    private async Task RecognizeAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, ChannelWriter<StreamResult> results, CancellationToken ct)
    {
        try
        {
            try
            {
                if (Direct) await RecognizeDirectAsync(audio, results, ct);
                else await RecognizeDecodedAsync(audio, results, ct);
            }
            catch (Exception e) when (Recording is not null)
            {
                await Recording.FailAsync(e);
                throw;
            }
            // Recorded before the call ends, so that a client that saw the stream end OK finds its job COMPLETED.
            if (Recording is not null) await Recording.CompleteAsync(_channels, CancellationToken.None); // the note is kept even if the client has just left
        }
        finally
        {
            results.TryComplete();
        }
    }

    private async Task RecognizeDirectAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, ChannelWriter<StreamResult> results, CancellationToken ct)
    {
        var chunks = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(ChunksAhead) { SingleReader = true, SingleWriter = true });
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reader = ReadAllAsync(audio, chunks.Writer, reading.Token);
        try
        {
            await OnOwnThread(() =>
            {
                // A failed read (the client idle, out of order) completes the channel with its error, which surfaces here.
                while (chunks.Reader.WaitToReadAsync(ct).AsTask().GetAwaiter().GetResult())
                    while (chunks.Reader.TryRead(out var chunk)) Publish(Feed(chunk.Span), results);
                Publish(Finish(), results);
            }, ct);
        }
        finally
        {
            await reading.CancelAsync(); // recognition failed (four hours passed): stop reading the client
            try { await reader; }
            catch (OperationCanceledException) when (reading.IsCancellationRequested) { }
        }
    }

    private static async Task ReadAllAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, ChannelWriter<ReadOnlyMemory<byte>> chunks, CancellationToken ct)
    {
        try
        {
            await foreach (var chunk in audio.WithCancellation(ct)) await chunks.WriteAsync(chunk, ct);
            chunks.TryComplete();
        }
        catch (Exception e)
        {
            chunks.TryComplete(e);
            if (e is not OperationCanceledException) return; // the recognizer reports it
            throw;
        }
    }

    private async Task RecognizeDecodedAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> audio, ChannelWriter<StreamResult> results, CancellationToken ct)
    {
        var encoding = Request.MediaEncoding!;
        using var decode = _decoder.Start(encoding, Request.MediaSampleRateHertz ?? PcmFormat.SampleRate,
            Request.MediaEncoding == StreamRequest.Pcm ? Request.Channels : 0, _channels.Count);
        using var writing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writer = WriteAllAsync(audio, decode, writing.Token);
        try
        {
            await OnOwnThread(() =>
            {
                var buffer = new byte[ReadSamplesPerChannel * _channels.Count * PcmFormat.BytesPerSample];
                while (true)
                {
                    int read;
                    try
                    {
                        read = decode.Pcm.Read(buffer);
                    }
                    catch (IOException) when (writer.IsCompleted)
                    {
                        break; // the writer failed and stopped the decoder: its error is the stream's
                    }
                    if (read == 0) break;
                    Publish(Feed(buffer.AsSpan(0, read)), results);
                }
            }, ct);
        }
        catch
        {
            await writing.CancelAsync(); // recognition failed: stop feeding the decoder
            decode.Abort();
            throw;
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
        Publish(Finish(), results);
    }

    private static Task OnOwnThread(Action recognize, CancellationToken ct) =>
        Task.Factory.StartNew(recognize, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static void Publish(List<StreamResult> found, ChannelWriter<StreamResult> results)
    {
        foreach (var result in found) results.TryWrite(result);
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
