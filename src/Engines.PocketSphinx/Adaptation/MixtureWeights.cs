using System.Text;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// Writes the acoustic model's mixture weights as sphinxtrain's bw reads them (an s3 "mixture_weights" file of floats)
/// from the quantised "sendump" that Debian's PTM model ships instead. sphinxtrain has the converter (its
/// python/cmusphinx/sendump.py), but it is Python 2 with numpy and does not run on Debian 12's Python 3, hence this
/// port of its arithmetic: each byte is a negative log weight in base 1.0001, shifted left by mixw_shift (10).
/// </summary>
internal static class MixtureWeights
{
    public static void FromSendump(string sendump, string mixtureWeights)
    {
        using var input = new BinaryReader(File.OpenRead(sendump));
        var header = ReadHeader(input);
        var streams = int.Parse(header.GetValueOrDefault("feature_count", "1"), System.Globalization.CultureInfo.InvariantCulture);
        var shift = int.Parse(header.GetValueOrDefault("mixw_shift", "10"), System.Globalization.CultureInfo.InvariantCulture);
        if (header.GetValueOrDefault("cluster_count", "0") != "0")
            throw new InvalidDataException($"'{sendump}' holds clustered weights, which this reader does not expand.");
        var codewords = input.ReadInt32();
        var senones = input.ReadInt32();

        var table = Enumerable.Range(0, 256).Select(b => (float)Math.Pow(1.0001, -(b << shift))).ToArray();
        // sendump is stream × codeword × senone; mixture_weights is senone × stream × codeword.
        var weights = new float[senones * streams * codewords];
        for (var s = 0; s < streams; s++)
            for (var c = 0; c < codewords; c++)
            {
                var row = input.ReadBytes(senones);
                if (row.Length != senones) throw new InvalidDataException($"'{sendump}' ends early.");
                for (var senone = 0; senone < senones; senone++)
                    weights[(senone * streams + s) * codewords + c] = table[row[senone]];
            }

        using var output = new BinaryWriter(File.Create(mixtureWeights));
        // s3 header: text lines, "endhdr" padded so that the binary part starts on a 4-byte boundary, a byte-order word.
        var text = "s3\nversion 1.0\n";
        var pad = (4 - (text.Length + "endhdr\n".Length) % 4) % 4;
        output.Write(Encoding.ASCII.GetBytes(text + new string(' ', pad) + "endhdr\n"));
        output.Write(0x11223344);
        output.Write(senones);
        output.Write(streams);
        output.Write(codewords);
        output.Write(weights.Length);
        foreach (var weight in weights) output.Write(weight);
    }

    /// <summary>sendump's header: length-prefixed strings until an empty one; "key value" lines become entries.</summary>
    private static Dictionary<string, string> ReadHeader(BinaryReader input)
    {
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            var length = input.ReadInt32();
            if (length == 0) return header;
            if (length is < 0 or > 65536) throw new InvalidDataException("Not a PocketSphinx sendump file (bad header).");
            var line = Encoding.ASCII.GetString(input.ReadBytes(length)).TrimEnd('\0');
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2) header[parts[0]] = parts[1];
        }
    }
}
