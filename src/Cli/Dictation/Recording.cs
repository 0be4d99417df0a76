using System.Buffers.Binary;

namespace MedGrpc.Cli.Dictation;

/// <summary>
/// A recording `medgrpc dictate` streams, read just enough to send it as a live stream would: a WAV file's 16-bit PCM
/// samples (pcm, with its rate and channels), a FLAC file as it is, an Ogg Opus file as it is; and its length, so that
/// its bytes can be paced at real time. Read by hand, not with an audio library: the CLI needs three header fields of
/// three formats, not decoding, and no native codec dependency.
/// </summary>
internal sealed record Recording(string Encoding, int SampleRate, int Channels, ReadOnlyMemory<byte> Audio, double DurationSeconds)
{
    public static Recording Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var magic = bytes.Length >= 4 ? System.Text.Encoding.ASCII.GetString(bytes, 0, 4) : "";
        return magic switch
        {
            "RIFF" => Wav(bytes, path),
            "fLaC" => Flac(bytes, path),
            "OggS" => Ogg(bytes, path),
            _ => throw new InvalidDataException($"'{path}' is no WAV, FLAC or Ogg Opus file: dictate streams those (convert others with ffmpeg)."),
        };
    }

    // RIFF chunks: "fmt " gives the format, "data" the samples.
    private static Recording Wav(byte[] bytes, string path)
    {
        int? rate = null, channels = null;
        for (var offset = 12; offset + 8 <= bytes.Length;)
        {
            var id = System.Text.Encoding.ASCII.GetString(bytes, offset, 4);
            var size = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(offset + 4)), (uint)(bytes.Length - offset - 8));
            var body = bytes.AsMemory(offset + 8, size);
            if (id == "fmt ")
            {
                var format = BinaryPrimitives.ReadUInt16LittleEndian(body.Span);
                var bits = BinaryPrimitives.ReadUInt16LittleEndian(body.Span[14..]);
                if (format is not (1 or 0xFFFE) || bits != 16)
                    throw new InvalidDataException($"'{path}' is not 16-bit PCM WAV: convert it (ffmpeg -i IN -c:a pcm_s16le OUT.wav) or use FLAC.");
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body.Span[2..]);
                rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(body.Span[4..]);
            }
            else if (id == "data" && rate is { } r && channels is { } c)
                return new Recording("pcm", r, c, body, (double)size / (r * c * 2));
            offset += 8 + size + (size & 1);
        }
        throw new InvalidDataException($"'{path}' has no PCM data chunk after its format chunk.");
    }

    // STREAMINFO, the first metadata block: 20 bits of sample rate, 3 of channels-1, 5 of bits-1, 36 of total samples.
    private static Recording Flac(byte[] bytes, string path)
    {
        if (bytes.Length < 26) throw new InvalidDataException($"'{path}' is a truncated FLAC file.");
        var info = bytes.AsSpan(8 + 10);
        var packed = BinaryPrimitives.ReadUInt64BigEndian(info);
        var rate = (int)(packed >> 44);
        var channels = (int)((packed >> 41) & 0x7) + 1;
        var samples = (long)(packed & 0xFFFFFFFFFL);
        return new Recording("flac", rate, channels, bytes, rate > 0 ? (double)samples / rate : 0);
    }

    // Opus granule positions count 48 kHz samples: the last page's is the length (less the pre-skip, ignored here).
    private static Recording Ogg(byte[] bytes, string path)
    {
        var last = bytes.AsSpan().LastIndexOf("OggS"u8);
        var granule = last >= 0 && last + 14 <= bytes.Length ? BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(last + 6)) : 0;
        var head = bytes.AsSpan().IndexOf("OpusHead"u8);
        if (head < 0) throw new InvalidDataException($"'{path}' is an Ogg file without Opus audio: dictate streams Ogg Opus.");
        var channels = bytes[head + 9];
        var rate = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(head + 12));
        return new Recording("ogg-opus", rate is >= 16000 and <= 48000 ? rate : 48000, channels, bytes, granule / 48000.0);
    }

    /// <summary>The audio in chunks of about 100 ms, each sent when its time comes (or at once, when fast).</summary>
    public async IAsyncEnumerable<ReadOnlyMemory<byte>> ChunksAsync(bool fast, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var bytesPerSecond = DurationSeconds > 0 ? Audio.Length / DurationSeconds : 32000;
        var chunk = Math.Max(2 * Channels, (int)(bytesPerSecond / 10) / (2 * Channels) * (2 * Channels));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var offset = 0; offset < Audio.Length; offset += chunk)
        {
            var length = Math.Min(chunk, Audio.Length - offset);
            if (!fast)
            {
                var due = TimeSpan.FromSeconds(offset / bytesPerSecond);
                if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed, ct);
            }
            yield return Audio.Slice(offset, length);
        }
    }
}
