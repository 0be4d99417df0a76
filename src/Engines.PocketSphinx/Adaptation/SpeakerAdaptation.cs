using System.Globalization;
using MedGrpc.Core.Media;
using MedGrpc.Core.Ports;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// Unsupervised speaker adaptation per recording (MedGrpc:PocketSphinx:SpeakerAdaptation): a first pass recognises
/// the audio; sphinxtrain's bw aligns that transcript with the recording's features (sphinx_fe) and collects
/// statistics, mllr_solve turns them into one MLLR transform of the acoustic model's means; a second pass recognises
/// the audio again with the transform, and the decoder is put back as loaded before anyone else uses it. Anything that
/// goes wrong in between leaves the first pass as the result, with a warning; the job never fails for it.
/// The tools run as child processes in a folder of the job's own, deleted whatever happens.
/// </summary>
internal sealed class SpeakerAdaptation(PocketSphinxOptions options, ILogger log) : IDisposable
{
    // A transform has 3 × (13 × 13 + 13) parameters; with less recognised speech than this it is mostly noise.
    private const double MinimumSpeechSeconds = 10;
    // Silence kept around each first-pass utterance, so that bw can align its first and last words.
    private const double PaddingSeconds = 0.1;
    private const int FramesPerSecond = 100;

    private readonly Lazy<AdaptationModel> _model = new(
        () => new AdaptationModel(Path.Combine(options.ModelDir, "en-us"), CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Lazy<HashSet<string>> _dictionary = new(() => DictionaryWords(options.DictionaryPath), LazyThreadSafetyMode.ExecutionAndPublication);

    private string AcousticModel => Path.Combine(options.ModelDir, "en-us");

    /// <summary>Both passes on the decoder (rented by the caller, one job at a time).</summary>
    public Recognition Recognize(PocketSphinxDecoder decoder, Stream pcm, RecognitionOptions recognition, IProgress<double>? progress, CancellationToken ct)
    {
        var audio = ReadAll(pcm);
        var first = decoder.Recognize(new MemoryStream(audio, writable: false), recognition, progress, ct);
        var restoreFailed = false;
        string? work = null;
        try
        {
            var model = _model.Value;
            work = Directory.CreateTempSubdirectory("medgrpc-adaptation-").FullName;
            if (Estimate(model, audio, first, work, ct) is not { } path) return first;
            using var transform = SpeakerTransform.Read(path);
            decoder.Transform(transform);
            try
            {
                return decoder.Recognize(new MemoryStream(audio, writable: false), recognition, null, ct);
            }
            finally
            {
                restoreFailed = true;
                decoder.Transform(model.Identity);
                restoreFailed = false;
            }
        }
        catch (Exception e) when (!restoreFailed && e is AdaptationFailedException or IOException or UnauthorizedAccessException or InvalidOperationException or InvalidDataException)
        {
            log.LogWarning("Speaker adaptation failed, the first pass stands: {Reason}", e.Message);
            return first;
        }
        finally
        {
            if (work is not null) Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The transform's file, or null when the first pass heard too little speech to estimate one.</summary>
    private string? Estimate(AdaptationModel model, byte[] audio, Recognition first, string work, CancellationToken ct)
    {
        var audioSeconds = (double)audio.Length / PcmFormat.BytesPerSample / PcmFormat.SampleRate;
        var lastFrame = (int)(audioSeconds * FramesPerSecond) - 2; // sphinx_fe's last frame ends before the audio does
        var control = new List<string>();
        var transcripts = new List<string>();
        double speech = 0;
        foreach (var utterance in first.Utterances)
        {
            // bw must know every word; a vocabulary's words are the decoder's alone, and their utterances are left out.
            if (utterance.Words.Count == 0 || !utterance.Words.All(w => _dictionary.Value.Contains(w.Text))) continue;
            var start = Math.Max(0, (int)((utterance.Words[0].StartSeconds - PaddingSeconds) * FramesPerSecond));
            var end = Math.Min(lastFrame, (int)((utterance.Words[^1].EndSeconds + PaddingSeconds) * FramesPerSecond));
            if (end <= start) continue;
            var id = $"u{control.Count}";
            control.Add(string.Create(CultureInfo.InvariantCulture, $"audio {start} {end} {id}"));
            transcripts.Add($"<s> {string.Join(' ', utterance.Words.Select(w => w.Text))} </s> ({id})");
            speech += (double)(end - start) / FramesPerSecond;
        }
        if (speech < MinimumSpeechSeconds)
        {
            log.LogInformation("Speaker adaptation skipped: {SpeechSeconds:F1} s of recognised speech, {MinimumSeconds} s needed", speech, MinimumSpeechSeconds);
            return null;
        }

        File.WriteAllBytes(Path.Combine(work, "audio.raw"), audio);
        File.WriteAllLines(Path.Combine(work, "utterances.ctl"), control);
        File.WriteAllLines(Path.Combine(work, "utterances.lsn"), transcripts);
        var accumulators = Directory.CreateDirectory(Path.Combine(work, "counts")).FullName;
        var limit = TimeSpan.FromSeconds(60 + audioSeconds);
        var tools = options.SphinxTrainDir;
        TrainingTool.Run("/usr/bin/sphinx_fe",
        [
            "-argfile", Path.Combine(AcousticModel, "feat.params"), "-samprate", PcmFormat.SampleRate.ToString(CultureInfo.InvariantCulture),
            "-raw", "yes", "-input_endian", "little", "-i", Path.Combine(work, "audio.raw"), "-o", Path.Combine(work, "audio.mfc"),
        ], limit, ct);
        // Debian's en-us model: a phonetically tied mixture model (.ptm.: one codebook per base phone) over three
        // streams of 13 (its feat.params); -cmn current normalises each utterance by its own mean.
        TrainingTool.Run(Path.Combine(tools, "bw"),
        [
            "-moddeffn", model.TextModelDefinition, "-ts2cbfn", ".ptm.",
            "-meanfn", Path.Combine(AcousticModel, "means"), "-varfn", Path.Combine(AcousticModel, "variances"),
            "-mixwfn", model.MixtureWeights, "-tmatfn", Path.Combine(AcousticModel, "transition_matrices"),
            "-feat", "1s_c_d_dd", "-svspec", "0-12/13-25/26-38", "-cmn", "current", "-agc", "none",
            "-dictfn", options.DictionaryPath, "-fdictfn", Path.Combine(AcousticModel, "noisedict"),
            "-ctlfn", Path.Combine(work, "utterances.ctl"), "-lsnfn", Path.Combine(work, "utterances.lsn"),
            "-cepdir", work, "-cepext", "mfc", "-accumdir", accumulators,
        ], limit, ct);
        var transform = Path.Combine(work, "speaker.mllr");
        TrainingTool.Run(Path.Combine(tools, "mllr_solve"),
        [
            "-meanfn", Path.Combine(AcousticModel, "means"), "-varfn", Path.Combine(AcousticModel, "variances"),
            "-outmllrfn", transform, "-accumdir", accumulators,
        ], limit, ct);
        // bw aligns nothing when no utterance matches its audio, and mllr_solve then writes a transform of NaNs.
        if (!File.Exists(transform) || File.ReadAllText(transform).Contains("nan", StringComparison.OrdinalIgnoreCase))
            throw new AdaptationFailedException("mllr_solve wrote no usable transform.");
        return transform;
    }

    private static byte[] ReadAll(Stream pcm)
    {
        using var copy = new MemoryStream();
        pcm.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The dictionary's words, variants ("word(2)") folded into their word.</summary>
    private static HashSet<string> DictionaryWords(string path)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var end = line.IndexOfAny([' ', '\t']);
            if (end <= 0) continue;
            var word = line[..end];
            var paren = word.IndexOf('(');
            words.Add(paren > 0 && word.EndsWith(')') ? word[..paren] : word);
        }
        return words;
    }

    public void Dispose()
    {
        if (_model.IsValueCreated) _model.Value.Dispose();
    }
}
