namespace MedGrpc.Service.Diarization;

/// <summary>Passes PCM through to its reader while handing every byte to <see cref="AcousticFeatures"/>, so the audio is decoded once.</summary>
public sealed class FeatureTeeStream(Stream source, AcousticFeatures features) : Stream
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

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
