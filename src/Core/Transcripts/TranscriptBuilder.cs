using System.Text;
using MedGrpc.Core.Clinical.Formatting;
using MedGrpc.Core.Clinical.Phi;
using MedGrpc.Core.Diarization;
using MedGrpc.Core.Ports;

namespace MedGrpc.Core.Transcripts;

/// <summary>What a transcript is built from: one recognition per channel transcribed, and what the job asked for.</summary>
/// <param name="Channels">One recognition, or one per channel with channel identification.</param>
/// <param name="ChannelIdentification">Label items by channel and add channel_labels.</param>
/// <param name="ShowAlternatives">Add segments with alternative transcriptions.</param>
/// <param name="SpeakerTurns">Who spoke when, with ShowSpeakerLabels; null otherwise.</param>
/// <param name="IdentifyPhi">Add entities for the PHI found (ContentIdentificationType PHI).</param>
public sealed record TranscriptInput(
    IReadOnlyList<Recognition> Channels,
    bool ChannelIdentification = false,
    bool ShowAlternatives = false,
    IReadOnlyList<SpeakerTurn>? SpeakerTurns = null,
    bool IdentifyPhi = false);

/// <summary>
/// Builds the transcript once from what the engine heard: words are written in medical style
/// (Clinical/Formatting: numbers, units, blood pressures…) and become pronunciation items, each
/// utterance (speech between pauses) ends a sentence with a punctuation item, sentences start with a
/// capital, and the text is assembled from the items so the two always agree. An engine that
/// punctuates itself (Whisper) keeps its own marks, as punctuation items after their words, and its casing. Channels are merged in
/// time order; speakers, alternatives and PHI entities (Clinical/Phi) are added when asked for.
/// </summary>
public static class TranscriptBuilder
{
    public static TranscriptDocument Build(string jobName, string accountId, Recognition recognition) =>
        Build(jobName, accountId, new TranscriptInput([recognition]));

    public static TranscriptDocument Build(string jobName, string accountId, TranscriptInput input)
    {
        // Per channel, per utterance: the items of that utterance.
        var channels = input.Channels
            .Select((recognition, c) => recognition.Utterances
                .Select(u => new UtteranceItems(u, ItemsOf(u.Words, input.ChannelIdentification ? ChannelLabel(c) : null, u.Punctuated)))
                .ToList())
            .ToList();
        var utterances = channels.SelectMany(c => c).OrderBy(u => u.Start).ToList();
        var items = utterances.SelectMany(u => u.Items).ToList();

        SpeakerLabels? speakers = null;
        if (input.SpeakerTurns is { } turns)
        {
            items = LabelSpeakers(items, turns);
            speakers = SpeakerLabelsOf(items);
        }

        var results = new TranscriptResults([new TranscriptText(TextOf(items))], items)
        {
            SpeakerLabels = speakers,
            ChannelLabels = input.ChannelIdentification
                ? new ChannelLabels(channels.Count, channels.Select((c, i) => new ChannelTranscript(ChannelLabel(i), c.SelectMany(u => u.Items).ToList())).ToList())
                : null,
            Segments = input.ShowAlternatives ? utterances.Select(SegmentOf).ToList() : null,
            Entities = input.IdentifyPhi ? EntitiesOf(input.Channels) : null,
        };
        return new TranscriptDocument(jobName, accountId, "COMPLETED", results);
    }

    /// <summary>The transcript text of items: words separated by spaces, punctuation attached to the word before it.</summary>
    public static string TextOf(IEnumerable<TranscriptItem> items)
    {
        var text = new StringBuilder();
        foreach (var item in items)
        {
            if (item.Type == TranscriptItem.Pronunciation && text.Length > 0) text.Append(' ');
            text.Append(item.Alternatives[0].Content);
        }
        return text.ToString();
    }

    public static string ChannelLabel(int channel) => $"ch_{channel}";

    public static string SpeakerLabel(int speaker) => $"spk_{speaker}";

    /// <summary>
    /// The words in medical style. Unpunctuated (PocketSphinx): one sentence, capitalised, then a full
    /// stop. Punctuated (Whisper): each engine mark after the word it follows, casing as the engine wrote it.
    /// </summary>
    private static List<TranscriptItem> ItemsOf(IReadOnlyList<RecognizedWord> spoken, string? channelLabel, bool punctuated)
    {
        var words = ClinicalFormatter.Format(spoken);
        var items = new List<TranscriptItem>(words.Count + 1);
        for (var i = 0; i < words.Count; i++)
        {
            var content = i == 0 && !punctuated ? Capitalize(words[i].Text) : words[i].Text;
            items.Add(new TranscriptItem(
                TranscriptNumbers.Time(words[i].StartSeconds),
                TranscriptNumbers.Time(words[i].EndSeconds),
                TranscriptItem.Pronunciation,
                [new ItemAlternative(TranscriptNumbers.Confidence(words[i].Confidence), content)]) { ChannelLabel = channelLabel });
            // A formatted word that joins several spoken ones takes the mark of the last of them.
            if (punctuated && spoken[words[i].First + words[i].Count - 1].Punctuation is { } mark)
                items.Add(PunctuationItem(mark, channelLabel));
        }
        if (items.Count > 0 && !punctuated)
            items.Add(PunctuationItem(".", channelLabel));
        return items;
    }

    private static TranscriptItem PunctuationItem(string mark, string? channelLabel) =>
        new(null, null, TranscriptItem.Punctuation, [new ItemAlternative("0.0", mark)]) { ChannelLabel = channelLabel };

    /// <summary>The utterance as a segment: the best reading first (as in the transcript), then the engine's others.</summary>
    private static AlternativeSegment SegmentOf(UtteranceItems utterance)
    {
        var words = utterance.Utterance.Words;
        var channel = utterance.Items[0].ChannelLabel;
        var alternatives = new List<SegmentAlternative> { new(TextOf(utterance.Items), utterance.Items.Select(SegmentItem.Of).ToList()) };
        foreach (var hypothesis in utterance.Utterance.Alternatives)
        {
            var items = ItemsOf(hypothesis.Words.Select(w => w with { Confidence = hypothesis.Confidence }).ToList(), channel, utterance.Utterance.Punctuated);
            alternatives.Add(new SegmentAlternative(TextOf(items), items.Select(SegmentItem.Of).ToList()));
        }
        return new AlternativeSegment(TranscriptNumbers.Time(words[0].StartSeconds), TranscriptNumbers.Time(words[^1].EndSeconds), alternatives);
    }

    /// <summary>
    /// PHI over each channel's words as one stream (a name may follow its cue after a pause), formatted
    /// per utterance as the items are, so that an entity's content and times are those of its items.
    /// </summary>
    private static List<Entity> EntitiesOf(IReadOnlyList<Recognition> channels)
    {
        var entities = new List<Entity>();
        foreach (var recognition in channels)
        {
            var words = new List<RecognizedWord>();
            var formatted = new List<FormattedWord>();
            foreach (var utterance in recognition.Utterances)
            {
                var offset = words.Count;
                words.AddRange(utterance.Words);
                formatted.AddRange(ClinicalFormatter.Format(utterance.Words).Select(f => f with { First = f.First + offset }));
            }
            entities.AddRange(PhiEntities.Find(words, formatted));
        }
        return entities.OrderBy(e => e.StartTime).ToList();
    }

    /// <summary>Each word gets the speaker whose turn overlaps it most (or the nearest turn); punctuation that of its word.</summary>
    private static List<TranscriptItem> LabelSpeakers(List<TranscriptItem> items, IReadOnlyList<SpeakerTurn> turns)
    {
        if (turns.Count == 0) return items;
        var labelled = new List<TranscriptItem>(items.Count);
        string? last = null;
        foreach (var item in items)
        {
            if (item.Type == TranscriptItem.Pronunciation)
            {
                var start = double.Parse(item.StartTime!, System.Globalization.CultureInfo.InvariantCulture);
                var end = double.Parse(item.EndTime!, System.Globalization.CultureInfo.InvariantCulture);
                var turn = turns.MaxBy(t => Math.Min(end, t.End) - Math.Max(start, t.Start))!;
                last = SpeakerLabel(turn.Speaker);
            }
            labelled.Add(item with { SpeakerLabel = last });
        }
        // Number speakers by first appearance among the words actually labelled.
        var order = new Dictionary<string, string>();
        foreach (var item in labelled)
            if (item.SpeakerLabel is { } label) order.TryAdd(label, SpeakerLabel(order.Count));
        return labelled.Select(i => i.SpeakerLabel is { } l ? i with { SpeakerLabel = order[l] } : i).ToList();
    }

    /// <summary>Runs of words by one speaker become the speaker segments.</summary>
    private static SpeakerLabels SpeakerLabelsOf(List<TranscriptItem> items)
    {
        var segments = new List<SpeakerSegment>();
        var run = new List<SpeakerItem>();
        void Close()
        {
            if (run.Count == 0) return;
            segments.Add(new SpeakerSegment(run[0].StartTime, run[^1].EndTime, run[0].SpeakerLabel, run.ToList()));
            run.Clear();
        }
        foreach (var item in items.Where(i => i.Type == TranscriptItem.Pronunciation))
        {
            if (run.Count > 0 && run[0].SpeakerLabel != item.SpeakerLabel) Close();
            run.Add(new SpeakerItem(item.StartTime!, item.EndTime!, item.SpeakerLabel!));
        }
        Close();
        return new SpeakerLabels(segments.Select(s => s.SpeakerLabel).Distinct().Count(), segments);
    }

    private static string Capitalize(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private sealed record UtteranceItems(RecognizedUtterance Utterance, List<TranscriptItem> Items)
    {
        public double Start => Utterance.Words[0].StartSeconds;
    }
}
