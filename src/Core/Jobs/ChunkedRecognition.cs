using MedGrpc.Core.Engines;
using MedGrpc.Core.Media;
using MedGrpc.Core.Ports;

namespace MedGrpc.Core.Jobs;

/// <summary>
/// Recognises one recording (one channel of it) on the engine, each recognition on a decoder leased from the
/// <see cref="DecoderPool"/>. With one slot the recording goes whole to one decoder; with more it is cut at
/// pauses as it streams (<see cref="PauseChunker"/>), up to that many pieces are recognised at once, and the
/// words are put back on the recording's timeline. Only the pieces being recognised, and the one read ahead,
/// are in memory.
/// </summary>
/// <param name="holder">Whom the decoders are leased for (the job), so that jobs share them fairly.</param>
/// <param name="parallelism">MedGrpc:JobParallelism: 1, the recording whole; more, cut into pieces.</param>
/// <param name="slots">As many as <paramref name="parallelism"/>: the job's pieces recognised at once, shared by its channels.</param>
public sealed class ChunkedRecognition(ITranscriptionEngine engine, DecoderPool pool, string holder, int parallelism, SemaphoreSlim slots)
{
    /// <param name="newProgress">A progress part for each recognition: seconds of it recognised so far.</param>
    public async Task<Recognition> RecognizeAsync(Stream pcm, RecognitionOptions options, Func<IProgress<double>> newProgress, CancellationToken ct)
    {
        if (parallelism <= 1)
        {
            // As before recordings were split: each channel whole, the channels side by side.
            using var lease = await pool.AcquireAsync(holder, ct);
            return await engine.RecognizeAsync(pcm, options, newProgress(), ct);
        }

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pieces = new List<Task<(double, Recognition)>>();
        try
        {
            using var boundaries = engine.FollowUtterances();
            var chunker = new PauseChunker(pcm, engine.Chunking, boundaries);
            while (await chunker.NextAsync(failed.Token) is { } chunk)
            {
                try
                {
                    await slots.WaitAsync(failed.Token);
                }
                catch
                {
                    chunk.Dispose();
                    throw;
                }
                pieces.Add(RecognizePieceAsync(chunk, options, newProgress(), failed));
            }
        }
        catch
        {
            await failed.CancelAsync();
            await Task.WhenAll(pieces.Select(p => p.ContinueWith(_ => { }, TaskScheduler.Default)));
            // The reading stopped because a piece failed: the job fails with that piece's reason.
            if (!ct.IsCancellationRequested && pieces.FirstOrDefault(p => p.IsFaulted) is { } piece)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(piece.Exception!.InnerException!);
            throw;
        }
        return RecognitionTimeline.Stitch(await Task.WhenAll(pieces));
    }

    private async Task<(double, Recognition)> RecognizePieceAsync(PcmChunk chunk, RecognitionOptions options, IProgress<double> progress, CancellationTokenSource failed)
    {
        try
        {
            using var lease = await pool.AcquireAsync(holder, failed.Token);
            using var audio = chunk.OpenRead();
            var piece = options with { PrecedingAudio = chunk.Preceding, Carried = chunk.StartBoundary?.Carried };
            return (chunk.StartSeconds, await engine.RecognizeAsync(audio, piece, progress, failed.Token));
        }
        catch
        {
            await failed.CancelAsync(); // one piece failed: the others stop, and the job fails once
            throw;
        }
        finally
        {
            chunk.Dispose();
            slots.Release();
        }
    }
}
