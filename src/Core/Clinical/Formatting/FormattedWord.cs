namespace MedGrpc.Core.Clinical.Formatting;

/// <summary>
/// One word of the formatted transcript: what it reads, the span of the engine's words it replaces
/// (First, Count) and, from them, its start (the first's), end (the last's) and confidence (the lowest).
/// </summary>
public sealed record FormattedWord(string Text, double StartSeconds, double EndSeconds, double Confidence, int First, int Count);

/// <summary>A piece of a rule's output: its text and how many words it replaces; pieces follow each other.</summary>
public readonly record struct Piece(string Text, int Count);

/// <summary>What a rule made of the words at a position: pieces in order, covering Consumed words.</summary>
public sealed record RuleMatch(IReadOnlyList<Piece> Pieces)
{
    public int Consumed => Pieces.Sum(p => p.Count);

    public static RuleMatch One(string text, int count) => new([new Piece(text, count)]);
}

/// <summary>One formatting idea: given the words and a position, what to write there, or null when it does not apply.</summary>
public interface IFormatRule
{
    RuleMatch? Match(SpokenWords words, int index);
}
