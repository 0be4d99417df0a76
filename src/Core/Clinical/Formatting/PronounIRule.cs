namespace MedGrpc.Core.Clinical.Formatting;

/// <summary>The pronoun I and its contractions are capitalised anywhere in a sentence.</summary>
public sealed class PronounIRule : IFormatRule
{
    public RuleMatch? Match(SpokenWords words, int index) => words[index] switch
    {
        "i" => RuleMatch.One("I", 1),
        "i'm" or "i've" or "i'll" or "i'd" => RuleMatch.One("I" + words[index]![1..], 1),
        _ => null,
    };
}
