namespace MedGrpc.Core.Clinical.Phi;

/// <summary>AWS's PHI categories, as written in a transcript's entities.</summary>
public static class PhiCategories
{
    public const string Personal = "PHI-Personal";
    public const string Geographic = "PHI-Geographic";
    public const string Account = "PHI-Account";
    public const string Vehicle = "PHI-Vehicle";
    public const string Other = "PHI-Other";

    public static readonly IReadOnlyList<string> All = [Personal, Geographic, Account, Vehicle, Other];
}

/// <summary>
/// A stretch of PHI in the spoken words: its category, what kind of PHI it is (name, age, phone…),
/// the words it covers (First, Count) and how sure the rule that found it is, before the words' own confidences.
/// </summary>
public sealed record PhiSpan(string Category, string Kind, int First, int Count, double RuleConfidence)
{
    public int End => First + Count;

    public bool Overlaps(PhiSpan other) => First < other.End && other.First < End;
}

/// <summary>One way of finding PHI in spoken words.</summary>
public interface IPhiRecognizer
{
    IEnumerable<PhiSpan> Find(PhiWords words);
}
