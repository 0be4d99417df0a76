using MedGrpc.Core.Diarization;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Transcripts;

namespace MedGrpc.Core.Streaming;

/// <summary>
/// One channel of a live stream: feeds its recognizer and turns what it reports into results. A partial result is
/// sent when the open utterance's text changes; a final one when a pause ends it, built by <see cref="TranscriptBuilder"/>
/// as a batch transcript's items are (clinical formatting, PHI over the utterances before it too, speakers over the
/// whole session so far), so that a stream's finals read as the batch transcript of the same audio.
/// </summary>
internal sealed class ChannelTranscriber(ILiveRecognizer recognizer, string? channelId, StreamFeatures features) : IDisposable
{
    // PHI may follow its cue across a pause ("the patient's name is … John Smith"): the final and the seven before it are read together.
    private const int PhiContextUtterances = 8;
    private readonly List<RecognizedUtterance> _finished = [];
    private string? _openId;
    private string? _lastPartial;

    public IReadOnlyList<RecognizedUtterance> Finished => _finished;

    public List<StreamResult> Accept(ReadOnlySpan<short> samples)
    {
        features.Speakers?.Add(System.Runtime.InteropServices.MemoryMarshal.AsBytes(samples));
        return Results(recognizer.Accept(samples));
    }

    public List<StreamResult> Finish() => Results(recognizer.Finish());

    private List<StreamResult> Results(LiveUpdate update)
    {
        var results = new List<StreamResult>();
        foreach (var utterance in update.Ended)
        {
            if (utterance.Words.Count == 0) continue;
            var id = _openId ?? NewId();
            _openId = null;
            _lastPartial = null;
            _finished.Add(utterance);
            results.Add(Final(id, utterance));
        }
        if (update.Partial is { Count: > 0 } words)
        {
            var items = Items([new RecognizedUtterance(words)], identifyPhi: false, turns: null).Items;
            var text = TranscriptBuilder.TextOf(items);
            if (text != _lastPartial)
            {
                _lastPartial = text;
                _openId ??= NewId();
                results.Add(new StreamResult(_openId, words[0].StartSeconds, words[^1].EndSeconds, true, channelId, text, items, []));
            }
        }
        return results;
    }

    private StreamResult Final(string id, RecognizedUtterance utterance)
    {
        IReadOnlyList<SpeakerTurn>? turns = null;
        var context = _finished;
        if (features.Speakers is { } speakers)
        {
            speakers.CatchUp();
            turns = features.Diarizer.Diarize(speakers, new Recognition(_finished), StreamFeatures.MaxSpeakers);
        }
        else
            context = _finished.Skip(Math.Max(0, _finished.Count - PhiContextUtterances)).ToList();
        // The whole context is built so that speaker numbers and PHI cues run across utterances; this utterance's
        // items are the last ones (the context is in time order and this utterance ends it).
        var built = Items(context, features.IdentifyPhi, turns);
        var own = Items([utterance], identifyPhi: false, turns: null).Items.Count;
        var items = built.Items.Skip(built.Items.Count - own).ToList();
        var start = utterance.Words[0].StartSeconds;
        var entities = built.Entities.Where(e => e.StartTime >= start - 1e-6).ToList();
        return new StreamResult(id, start, utterance.Words[^1].EndSeconds, false, channelId, TranscriptBuilder.TextOf(items), items, entities);
    }

    private (IReadOnlyList<TranscriptItem> Items, IReadOnlyList<Entity> Entities) Items(
        IReadOnlyList<RecognizedUtterance> utterances, bool identifyPhi, IReadOnlyList<SpeakerTurn>? turns)
    {
        var results = TranscriptBuilder.Build("", "", new TranscriptInput([new Recognition(utterances)], SpeakerTurns: turns, IdentifyPhi: identifyPhi)).Results;
        var items = channelId is null ? results.Items : results.Items.Select(i => i with { ChannelLabel = channelId }).ToList();
        return (items, results.Entities ?? []);
    }

    private static string NewId() => Guid.NewGuid().ToString();

    public void Dispose() => recognizer.Dispose();
}

/// <summary>What a channel needs beyond its recognizer: speaker features (with ShowSpeakerLabel) and whether to find PHI.</summary>
internal sealed record StreamFeatures(AcousticFeatures? Speakers, ISpeakerDiarizer Diarizer, bool IdentifyPhi)
{
    /// <summary>A stream has no MaxSpeakerLabels (AWS's streams have none): a clinician and a patient.</summary>
    public const int MaxSpeakers = 2;
}
