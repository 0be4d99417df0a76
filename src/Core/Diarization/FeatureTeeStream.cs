using MedGrpc.Core.Media;

namespace MedGrpc.Core.Diarization;

/// <summary>Passes PCM through to its reader while handing every byte to <see cref="AcousticFeatures"/>, so the audio is decoded once.</summary>
public sealed class FeatureTeeStream(Stream source, AcousticFeatures features) : ReadOnlyStream
{
    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = source.Read(buffer, offset, count);
        if (read > 0) features.Add(buffer.AsSpan(offset, read));
        else features.Complete();
        return read;
    }

    public override int Read(Span<byte> buffer)
    {
        var read = source.Read(buffer);
        if (read > 0) features.Add(buffer[..read]);
        else features.Complete();
        return read;
    }
}
