using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MedGrpc.Core.Resources;
using MedGrpc.Service.Options;
using Microsoft.Extensions.Options;

namespace MedGrpc.Service.Api;

/// <summary>
/// mTLS: the client certificates of MedGrpc:Auth:ClientCertificates, pinned by SHA-256 thumbprint, each acting for its
/// account on both edges (<see cref="AuthInterceptor"/>, the AWS endpoint). The TLS handshake proved the caller holds
/// the certificate's key (Kestrel's TLS endpoints always ask for one: <see cref="Tls.TlsHosting"/>), so no chain to a
/// trusted root is asked for: who issued a pinned certificate grants nothing either way. Read again when the
/// configuration changes.
/// </summary>
public sealed class ClientCertificates : IDisposable
{
    private readonly ReloadingSetting<Dictionary<string, string>> _accountsByThumbprint;

    public ClientCertificates(IOptionsMonitor<ServiceOptions> options, ILogger<ClientCertificates> log)
    {
        _accountsByThumbprint = new ReloadingSetting<Dictionary<string, string>>(options, "MedGrpc:Auth:ClientCertificates", Pinned,
            pinned => string.Join(',', pinned.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
            pinned => $"{pinned.Count} certificates, of accounts {string.Join(", ", pinned.Values.Distinct().Order())}", log);
    }

    /// <summary>Any configured: a certificate then is a credential, and the edges are no longer open to loopback callers.</summary>
    public bool Any => _accountsByThumbprint.Current.Count > 0;

    /// <summary>The account of a pinned certificate; null for one not pinned.</summary>
    public string? AccountOf(X509Certificate2 certificate) =>
        _accountsByThumbprint.Current.GetValueOrDefault(certificate.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant());

    private static Dictionary<string, string> Pinned(ServiceOptions options)
    {
        var pinned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var certificate in options.Auth.ClientCertificates)
        {
            var thumbprint = NormalizedThumbprint(certificate.Thumbprint);
            if (thumbprint.Length != 64 || !thumbprint.All(Uri.IsHexDigit) || !AccountIds.IsValid(certificate.AccountId))
                throw new InvalidOperationException("Each MedGrpc:Auth:ClientCertificates entry needs an AccountId of twelve digits and the certificate's SHA-256 thumbprint as 64 hex digits.");
            pinned[thumbprint] = certificate.AccountId;
        }
        return pinned;
    }

    /// <summary>"AB:CD:…" or "abcd…" → "abcd…".</summary>
    private static string NormalizedThumbprint(string thumbprint) => thumbprint.Replace(":", "").Trim().ToLowerInvariant();

    public void Dispose() => _accountsByThumbprint.Dispose();
}
