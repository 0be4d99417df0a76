namespace MedGrpc.Core.Resources;

/// <summary>
/// What names a job or a vocabulary: its account and its name. Names are unique within an account
/// only, as on AWS, so every lookup goes by both.
/// </summary>
public readonly record struct ResourceKey(string AccountId, string Name)
{
    /// <summary>"ACCOUNT/NAME": account ids are digits and names never hold '/', so the form is unambiguous.</summary>
    public override string ToString() => $"{AccountId}/{Name}";

    public static bool TryParse(string text, out ResourceKey key)
    {
        var slash = text.IndexOf('/');
        key = slash > 0 && slash < text.Length - 1 ? new ResourceKey(text[..slash], text[(slash + 1)..]) : default;
        return slash > 0 && slash < text.Length - 1;
    }
}
