namespace MedGrpc.Service.Options;

/// <summary>
/// "MedGrpc:Auth": API keys, each belonging to an account. Keys are kept as SHA-256 hashes only
/// (`printf %s "$KEY" | sha256sum`). With no keys configured the service is open, to loopback callers only.
/// </summary>
public sealed class AuthOptions
{
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];
}

public sealed class ApiKeyOptions
{
    /// <summary>The account the key's caller acts for.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>The key's SHA-256, 64 hex digits.</summary>
    public string Sha256 { get; set; } = "";
}
