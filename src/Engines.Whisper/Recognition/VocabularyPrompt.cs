using MedGrpc.Core.Ports;

namespace MedGrpc.Engines.Whisper;

/// <summary>
/// A custom vocabulary as Whisper can use one: an initial prompt, text the decoder reads as if it had
/// just been said, which makes those spellings likelier. It biases, it does not add words: Whisper has
/// no dictionary to extend, so IPA and SoundsLike cannot be used, and a phrase may still be missed or
/// written otherwise. whisper.cpp keeps only the last half of its text context (about 220 tokens) of a
/// prompt, so the prompt holds the first phrases that fit in <see cref="MaxCharacters"/>.
/// </summary>
public static class VocabularyPrompt
{
    /// <summary>
    /// About 200 tokens of clinical terms, which split into more tokens than everyday words (around three
    /// characters each): within what whisper.cpp keeps, so no phrase is cut in half.
    /// </summary>
    public const int MaxCharacters = 600;

    /// <summary>The prompt, and how many of the vocabulary's phrases it holds (the rest did not fit).</summary>
    public static (string? Prompt, int Used) For(RecognitionVocabulary? vocabulary)
    {
        if (vocabulary is null) return (null, 0);
        var phrases = new List<string>();
        var length = 0;
        // The written form (DisplayAs, or the phrase with spaces) is what the transcript should read.
        foreach (var display in vocabulary.Phrases.Select(p => p.Display.Trim()).Where(d => d.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var added = display.Length + (phrases.Count > 0 ? 2 : 0);
            if (length + added + 1 > MaxCharacters) break;
            phrases.Add(display);
            length += added;
        }
        // A list that reads as text: the decoder continues in the same style (capitals, commas).
        return phrases.Count == 0 ? (null, 0) : (string.Join(", ", phrases) + ".", phrases.Count);
    }
}
