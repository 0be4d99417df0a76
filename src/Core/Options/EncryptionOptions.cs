namespace MedGrpc.Core.Options;

/// <summary>
/// "MedGrpc:Encryption": the service's key ring. A job whose OutputEncryptionKMSKeyId names one of
/// these keys gets its transcript encrypted at rest with it. Give keys through the environment or a
/// secrets file (MedGrpc__Encryption__Keys__0__Key=…), never in a committed appsettings.json.
/// </summary>
public sealed class EncryptionOptions
{
    public List<EncryptionKeyOptions> Keys { get; set; } = [];
}

public sealed class EncryptionKeyOptions
{
    /// <summary>The name a request gives as OutputEncryptionKMSKeyId (a key id, ARN or alias).</summary>
    public string Id { get; set; } = "";

    /// <summary>The AES-256 key: 32 bytes, base64.</summary>
    public string Key { get; set; } = "";
}
