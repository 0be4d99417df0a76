namespace MedGrpc.Core.Model;

/// <summary>AWS VocabularyState: PENDING while the file is read, then READY or FAILED.</summary>
public enum VocabularyState
{
    Pending = 1,
    Ready = 2,
    Failed = 3,
}

public static class VocabularyStateExtensions
{
    public static string ToAws(this VocabularyState state) => state switch
    {
        VocabularyState.Pending => "PENDING",
        VocabularyState.Ready => "READY",
        VocabularyState.Failed => "FAILED",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static VocabularyState FromAws(string value) => value switch
    {
        "PENDING" => VocabularyState.Pending,
        "READY" => VocabularyState.Ready,
        "FAILED" => VocabularyState.Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "not a VocabularyState"),
    };
}
