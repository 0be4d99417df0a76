namespace MedGrpc.Analyzers;

/// <summary>Keys of <c>Diagnostic.Properties</c>: what an analyzer tells its code fix.</summary>
public static class DiagnosticProperties
{
    /// <summary>The static member of the value's type that holds the one supported value (EnUs, EnUS, PRIMARYCARE).</summary>
    public const string SupportedMember = "SupportedMember";

    /// <summary>The nearest valid bound of an out-of-range number.</summary>
    public const string Bound = "Bound";

    /// <summary>The bucket name with its s3:// prefix removed.</summary>
    public const string BareBucketName = "BareBucketName";

    /// <summary>The property a paired setting lacks (MaxSpeakerLabels), and the C# literal to give it.</summary>
    public const string MissingMember = "MissingMember";
    public const string MissingValue = "MissingValue";
}
