using MedGrpc.Core.Resources;
using MedGrpc.Service.Options;
using Microsoft.Extensions.Options;

namespace MedGrpc.Service.AwsApi;

/// <summary>
/// The AWS endpoint's access keys (MedGrpc:Auth:AccessKeys), by access key id. Without any, the endpoint is open to
/// loopback callers only, acting for MedGrpc:AccountId, and says so at start. Secrets stay in here and are never logged.
/// </summary>
public sealed class AccessKeys
{
    private readonly Dictionary<string, AccessKeyOptions> _byId = new(StringComparer.Ordinal);

    public AccessKeys(IOptions<ServiceOptions> options, ILogger<AccessKeys> log)
    {
        foreach (var key in options.Value.Auth.AccessKeys)
        {
            // Access key ids are letters and digits (AKIA…); '/' would break the Credential of a signature.
            if (key.AccessKeyId.Length is < 16 or > 128 || !key.AccessKeyId.All(char.IsAsciiLetterOrDigit)
                || key.SecretAccessKey.Length == 0 || !AccountIds.IsValid(key.AccountId))
                throw new InvalidOperationException(
                    "Each MedGrpc:Auth:AccessKeys entry needs an AccessKeyId of 16 to 128 letters and digits, a SecretAccessKey and an AccountId of twelve digits.");
            if (!_byId.TryAdd(key.AccessKeyId, key))
                throw new InvalidOperationException($"MedGrpc:Auth:AccessKeys names the access key id {key.AccessKeyId} twice.");
        }
        var aws = options.Value.AwsApi;
        if (aws.Port != 0 && _byId.Count == 0)
            log.LogWarning("The AWS endpoint on {Host}:{Port} has no MedGrpc:Auth:AccessKeys configured, so only loopback callers are served, as MedGrpc:AccountId.",
                aws.Host, aws.Port);
    }

    /// <summary>No keys: the open, loopback-only mode.</summary>
    public bool None => _byId.Count == 0;

    public AccessKeyOptions? Find(string accessKeyId) => _byId.GetValueOrDefault(accessKeyId);
}
