using MedGrpc.Core.Ports;
using MedGrpc.Engines.PocketSphinx;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Engines;

/// <summary>
/// A recognition cancelled part way (a piece of a long recording whose sibling failed, a job handed back) returns its
/// decoder to the pool: the decoder must read the next recording as it would have, not fail it because the cancelled
/// recognition left an utterance open. Real decoder, a real telephone prompt.
/// </summary>
public sealed class CancelledRecognitionTests
{
    [Fact]
    public async Task A_decoder_whose_recognition_was_cancelled_reads_the_next_recording_as_before()
    {
        var pcm = await MediaFiles.PcmAsync(Path.Combine(Path.GetDirectoryName(SpeechSet.Root)!, "real-speech", "audio", "real-asterisk-tt-allbusy.flac"));
        using var decoder = new PocketSphinxDecoder(new PocketSphinxOptions());
        var expected = decoder.Recognize(new MemoryStream(pcm), RecognitionOptions.BestOnly, null, default);
        using var cancel = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            decoder.Recognize(new MemoryStream(pcm), RecognitionOptions.BestOnly, new CancelAfterSeconds(cancel, 0.5), cancel.Token));
        var next = decoder.Recognize(new MemoryStream(pcm), RecognitionOptions.BestOnly, null, default);

        Assert.NotEmpty(expected.Words);
        Assert.Equal(expected.Words.Select(w => w.Text), next.Words.Select(w => w.Text));
    }

    /// <summary>Cancels once the decoder reports that many seconds read: mid-recording, mid-utterance.</summary>
    private sealed class CancelAfterSeconds(CancellationTokenSource cancel, double seconds) : IProgress<double>
    {
        public void Report(double value)
        {
            if (value >= seconds) cancel.Cancel();
        }
    }
}
