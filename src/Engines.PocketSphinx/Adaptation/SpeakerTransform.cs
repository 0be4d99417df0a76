using static MedGrpc.Engines.PocketSphinx.PocketSphinxNative;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>A speaker transform (MLLR: a matrix and a bias per feature stream) as PocketSphinx holds it.</summary>
internal sealed class SpeakerTransform : IDisposable
{
    public IntPtr Handle { get; private set; }

    private SpeakerTransform(IntPtr handle) => Handle = handle;

    /// <summary>Reads sphinxtrain's mllr_solve output (or any file in its text format).</summary>
    public static SpeakerTransform Read(string path)
    {
        var handle = ps_mllr_read(path);
        return handle != IntPtr.Zero ? new SpeakerTransform(handle) : throw new InvalidOperationException("PocketSphinx could not read a speaker transform.");
    }

    /// <summary>
    /// The transform that changes nothing (identity matrices, zero biases, unit variance scales), written in mllr_solve's
    /// format for <paramref name="streams"/> feature streams of <paramref name="width"/> coefficients: applying it puts a
    /// decoder's model back as it was loaded.
    /// </summary>
    public static string IdentityText(int streams, int width)
    {
        var text = new System.Text.StringBuilder();
        text.Append("1\n").Append(streams).Append('\n'); // one regression class
        for (var s = 0; s < streams; s++)
        {
            text.Append(width).Append('\n');
            for (var row = 0; row < width; row++)
                text.AppendJoin(' ', Enumerable.Range(0, width).Select(column => column == row ? "1.0" : "0.0")).Append('\n');
            text.AppendJoin(' ', Enumerable.Repeat("0.0", width)).Append('\n'); // bias
            text.AppendJoin(' ', Enumerable.Repeat("1.0", width)).Append('\n'); // variance scale
        }
        return text.ToString();
    }

    public void Dispose()
    {
        if (Handle == IntPtr.Zero) return;
        ps_mllr_free(Handle);
        Handle = IntPtr.Zero;
    }
}
