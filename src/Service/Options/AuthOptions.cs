namespace MedGrpc.Service.Options;

/// <summary>
/// "MedGrpc:Auth": API keys, each belonging to an account. Keys are kept as SHA-256 hashes only
/// (`printf %s "$KEY" | sha256sum`). With no keys configured the service is open, to loopback callers only.
/// The AWS endpoint's access keys sit beside them; neither kind changes who the other edge lets in.
/// </summary>
public sealed class AuthOptions
{
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>The AWS endpoint's Signature Version 4 credentials.</summary>
    public List<AccessKeyOptions> AccessKeys { get; set; } = [];

    /// <summary>TLS client certificates (mTLS) on the gRPC edge: a credential beside the API keys.</summary>
    public List<ClientCertificateOptions> ClientCertificates { get; set; } = [];
}

/// <summary>
/// A client certificate pinned by its SHA-256 thumbprint (the hash of its DER encoding, as
/// `openssl x509 -noout -fingerprint -sha256` prints it, colons or not): the certificate itself is the credential,
/// as an SSH key is, whoever issued it.
/// </summary>
public sealed class ClientCertificateOptions
{
    public string Thumbprint { get; set; } = "";

    /// <summary>The account the certificate's caller acts for.</summary>
    public string AccountId { get; set; } = "";
}

public sealed class ApiKeyOptions
{
    /// <summary>The account the key's caller acts for.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>The key's SHA-256, 64 hex digits.</summary>
    public string Sha256 { get; set; } = "";
}

/// <summary>
/// An AWS access key: SigV4 needs the secret itself to recompute a signature, so it is kept as it is. It comes from a
/// configuration source a site keeps out of the repository (environment, a file) and is never logged.
/// </summary>
public sealed class AccessKeyOptions
{
    public string AccessKeyId { get; set; } = "";

    public string SecretAccessKey { get; set; } = "";

    /// <summary>The account the key's caller acts for.</summary>
    public string AccountId { get; set; } = "";

    /// <summary>Never the secret, whoever prints the options.</summary>
    public override string ToString() => $"{AccessKeyId} ({AccountId})";
}
