namespace MedGrpc.Scoring;

/// <summary>
/// Which half of the development set an item belongs to: settings are tuned on <see cref="Tune"/> and reported on
/// <see cref="HeldOut"/>, so that a gain that only fits the items it was tuned on shows up as a gap between them.
/// </summary>
public enum DevelopmentHalf
{
    Tune,
    HeldOut,
}

public static class HalfNames
{
    /// <summary>The name used in DevelopmentHalves.txt, on the command line and in reports.</summary>
    public static string Name(this DevelopmentHalf half) => half == DevelopmentHalf.Tune ? "tune" : "held-out";

    public static DevelopmentHalf? Parse(string? name) => name switch
    {
        "tune" => DevelopmentHalf.Tune,
        "held-out" => DevelopmentHalf.HeldOut,
        _ => null,
    };
}
