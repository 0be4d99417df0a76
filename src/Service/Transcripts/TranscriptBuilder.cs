using System.Text;
using MedGrpc.Service.Engines;

namespace MedGrpc.Service.Transcripts;

/// <summary>
/// Builds the transcript once from what the engine heard: words become pronunciation items,
/// each utterance (speech between pauses) ends a sentence with a punctuation item, sentences start
/// with a capital, and the text is assembled from the items so the two always agree.
/// </summary>
public static class TranscriptBuilder
{
    public static TranscriptDocument Build(string jobName, string accountId, Recognition recognition)
    {
        var items = new List<TranscriptItem>();
        foreach (var utterance in recognition.Utterances)
        {
            var sentenceStart = true;
            foreach (var word in utterance.Words)
            {
                var content = sentenceStart ? Capitalize(word.Text) : word.Text;
                if (content == "i") content = "I";
                items.Add(new TranscriptItem(
                    TranscriptNumbers.Time(word.StartSeconds),
                    TranscriptNumbers.Time(word.EndSeconds),
                    TranscriptItem.Pronunciation,
                    [new ItemAlternative(TranscriptNumbers.Confidence(word.Confidence), content)]));
                sentenceStart = false;
            }
            if (!sentenceStart) items.Add(FullStop());
        }
        var results = new TranscriptResults([new TranscriptText(TextOf(items))], items);
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

    private static TranscriptItem FullStop() =>
        new(null, null, TranscriptItem.Punctuation, [new ItemAlternative("0.0", ".")]);

    private static string Capitalize(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
