namespace MedGrpc.Analyzers.Analyzers;

/// <summary>Keeps a quoted value in a diagnostic message readable when the value is long (a 2000-character URI).</summary>
internal static class Shown
{
    private const int MaxLength = 80;

    public static string Text(string value)
        => value.Length <= MaxLength ? value : value.Substring(0, MaxLength) + "...";
}
