using MedGrpc.Core.Media;

namespace MedGrpc.Engines.Whisper;

/// <summary>
/// Reads the engine's input (16 kHz mono signed 16-bit little-endian PCM) as blocks of float samples
/// in [-1, 1), the form whisper.cpp takes, a block at a time so that long audio is never held whole.
/// </summary>
internal sealed class PcmBlocks(Stream pcm, int samplesPerBlock)
{
    private readonly byte[] _bytes = new byte[64 * 1024];
    private int _carry; // a byte left over when a read ends mid-sample

    /// <summary>The next block: full except at the end of the audio; empty once the audio has ended.</summary>
    public float[] Next(CancellationToken ct)
    {
        var block = new List<float>(Math.Min(samplesPerBlock, 1 << 20));
        while (block.Count < samplesPerBlock)
        {
            ct.ThrowIfCancellationRequested();
            // Never read past the block, so that the next block starts where this one ends.
            var want = Math.Min(_bytes.Length, (samplesPerBlock - block.Count) * PcmFormat.BytesPerSample);
            var read = pcm.Read(_bytes, _carry, want - _carry);
            var available = _carry + read;
            var count = available / PcmFormat.BytesPerSample;
            for (var i = 0; i < count; i++)
                block.Add(BitConverter.ToInt16(_bytes, i * PcmFormat.BytesPerSample) / 32768f);
            _carry = available - count * PcmFormat.BytesPerSample;
            if (_carry > 0) _bytes[0] = _bytes[available - 1];
            if (read == 0) break;
        }
        return [.. block];
    }
}
