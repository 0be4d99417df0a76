using MedGrpc.Core.Resources;
using MedGrpc.Service.Options;
using Microsoft.Extensions.Options;

namespace MedGrpc.Service.AwsApi;

/// <summary>
/// The AWS endpoint's access keys (MedGrpc:Auth:AccessKeys), by access key id, read again when the configuration
/// changes (<see cref="ReloadingSetting{T}"/>): a key added to the settings file signs from the next request, one
/// removed is refused from then on. Without any keys (and no client certificates), the endpoint is open to loopback
/// callers only, acting for MedGrpc:AccountId, and says so. Secrets stay in here and are never logged.
/// </summary>
public sealed class AccessKeys : IDisposable
{
    private readonly ReloadingSetting<Dictionary<string, AccessKeyOptions>> _byId;

    public AccessKeys(IOptionsMonitor<ServiceOptions> options, ILogger<AccessKeys> log)
    {
        var aws = options.CurrentValue.AwsApi;
        _byId = new ReloadingSetting<Dictionary<string, AccessKeyOptions>>(options, "MedGrpc:Auth:AccessKeys", KeysOf,
            // The secrets are compared, never shown: a secret changed under the same id is a change.
            keys => string.Join('\n', keys.Values.OrderBy(k => k.AccessKeyId, StringComparer.Ordinal).Select(k => $"{k.AccessKeyId}\t{k.SecretAccessKey}\t{k.AccountId}")),
            keys => $"{keys.Count} keys: {string.Join(", ", keys.Values.OrderBy(k => k.AccessKeyId, StringComparer.Ordinal))}", log,
            keys => { if (keys.Count == 0 && aws.Port != 0) WarnOpen(log, aws); });
        if (None && aws.Port != 0) WarnOpen(log, aws);
    }

    private static void WarnOpen(ILogger log, AwsApiOptions aws) =>
        log.LogWarning("The AWS endpoint on {Host}:{Port} has no MedGrpc:Auth:AccessKeys configured: without MedGrpc:Auth:ClientCertificates either, only loopback callers are served, as MedGrpc:AccountId.",
            aws.Host, aws.Port);

    private static Dictionary<string, AccessKeyOptions> KeysOf(ServiceOptions options)
    {
        var byId = new Dictionary<string, AccessKeyOptions>(StringComparer.Ordinal);
        foreach (var key in options.Auth.AccessKeys)
        {
            // Access key ids are letters and digits (AKIA…); '/' would break the Credential of a signature.
            if (key.AccessKeyId.Length is < 16 or > 128 || !key.AccessKeyId.All(char.IsAsciiLetterOrDigit)
                || key.SecretAccessKey.Length == 0 || !AccountIds.IsValid(key.AccountId))
                throw new InvalidOperationException(
                    "Each MedGrpc:Auth:AccessKeys entry needs an AccessKeyId of 16 to 128 letters and digits, a SecretAccessKey and an AccountId of twelve digits.");
            if (!byId.TryAdd(key.AccessKeyId, key))
                throw new InvalidOperationException($"MedGrpc:Auth:AccessKeys names the access key id {key.AccessKeyId} twice.");
        }
        return byId;
    }

    /// <summary>No keys: without client certificates either, the open, loopback-only mode.</summary>
    public bool None => _byId.Current.Count == 0;

    public AccessKeyOptions? Find(string accessKeyId) => _byId.Current.GetValueOrDefault(accessKeyId);

    public void Dispose() => _byId.Dispose();
}
