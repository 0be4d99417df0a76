using MedGrpc.Core.Media;
using static MedGrpc.Engines.PocketSphinx.PocketSphinxNative;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// Follows a recording through a front end of its own, configured as the decoders' are, exactly as
/// <see cref="PocketSphinxDecoder.Recognize"/> feeds a whole recording to its decoder (2048-sample reads, the
/// voice-activity detector asked after each, an utterance ended when it leaves speech) but without the search, and
/// keeps live CMN over the same frames. Where the decoder would end an utterance it notes a boundary with the CMN
/// state it would carry into the next: everything else a decoder holds starts afresh at each utterance (search,
/// voice-activity state, frame grid), so a piece started there with that state and with the noise estimate settled
/// on the audio before it is decoded as the whole recording is. The front end costs a few milliseconds per second of
/// audio, against about 200 for the search.
/// </summary>
internal sealed unsafe class UtteranceFollower : IUtteranceBoundaries
{
    // Rows for one read's frames: 2048 samples make 13 frames, plus what the voice-activity detector held back
    // before speech (-vad_prespeech, 20 frames by default) when speech starts.
    private const int CepstraRows = 256;

    private readonly IntPtr _fe;
    private readonly IntPtr _cmn;
    private readonly IntPtr _cepstra;
    private readonly short[] _read = new short[PocketSphinxDecoder.ReadSamples];
    private int _readCount;
    private byte? _oddByte;
    private long _samples;
    private bool _inUtterance;
    private bool _disposed;

    public UtteranceFollower(IntPtr config, CepstralMeanState initialCmn)
    {
        _fe = fe_init_auto_r(config);
        if (_fe == IntPtr.Zero) throw new InvalidOperationException("PocketSphinx could not make a front end.");
        _cmn = cmn_init(initialCmn.VectorLength);
        initialCmn.RestoreInto(_cmn);
        _cepstra = fe_create_2d(CepstraRows, fe_get_output_size(_fe), sizeof(float));
        // As ps_start_stream and ps_start_utt do for a whole recording.
        fe_start_stream(_fe);
        fe_start_utt(_fe);
    }

    public IReadOnlyList<UtteranceBoundary> Follow(ReadOnlySpan<byte> pcm)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        List<UtteranceBoundary>? found = null;
        if (_oddByte is { } low && pcm.Length > 0)
        {
            Add((short)(low | (pcm[0] << 8)), ref found);
            _oddByte = null;
            pcm = pcm[1..];
        }
        for (var i = 0; i + 1 < pcm.Length; i += 2) Add((short)(pcm[i] | (pcm[i + 1] << 8)), ref found);
        if (pcm.Length % 2 == 1) _oddByte = pcm[^1];
        return found ?? (IReadOnlyList<UtteranceBoundary>)[];
    }

    private void Add(short sample, ref List<UtteranceBoundary>? found)
    {
        _read[_readCount++] = sample;
        if (_readCount < _read.Length) return;
        _readCount = 0;
        _samples += _read.Length;
        if (Step()) (found ??= []).Add(new UtteranceBoundary(_samples, CepstralMeanState.Capture(_cmn)));
    }

    /// <summary>One read, as the decoder takes it; true when the decoder would end its utterance after it.</summary>
    private bool Step()
    {
        fixed (short* data = _read)
        {
            var samples = data;
            var left = (nuint)_read.Length;
            while (left > 0)
            {
                var before = left;
                var frames = CepstraRows;
                if (fe_process_frames(_fe, &samples, &left, _cepstra, &frames, null) < 0)
                    throw new InvalidOperationException("PocketSphinx's front end failed.");
                if (frames > 0) cmn_live(_cmn, _cepstra, 0, frames);
                if (left == before && frames == 0) break;
            }
        }
        var inSpeech = fe_get_vad_state(_fe) != 0;
        if (inSpeech && !_inUtterance) _inUtterance = true;
        else if (!inSpeech && _inUtterance)
        {
            // ps_end_utt: the front end's last partial frame (a frame only when in speech), then live CMN's update.
            var frames = 0;
            fe_end_utt(_fe, *(float**)_cepstra, &frames);
            if (frames > 0) cmn_live(_cmn, _cepstra, 0, frames);
            cmn_live_update(_cmn);
            fe_start_utt(_fe);
            _inUtterance = false;
            return true;
        }
        return false;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        fe_free_2d(_cepstra);
        cmn_free(_cmn);
        fe_free(_fe);
    }
}
