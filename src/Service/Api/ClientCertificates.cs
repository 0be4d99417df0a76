using MedGrpc.Service.Options;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace MedGrpc.Service.Api;

/// <summary>
/// mTLS: with MedGrpc:Auth:ClientCertificates configured, Kestrel's TLS endpoints ask callers for a certificate
/// (a caller without one still connects, to use an API key). The handshake proves the caller holds the certificate's
/// key; <see cref="AuthInterceptor"/> then admits it by its pinned thumbprint, so the TLS layer doesn't also require a
/// chain to a trusted root: who issued a pinned certificate grants nothing either way.
/// </summary>
public static class ClientCertificates
{
    public static void AddClientCertificates(this WebApplicationBuilder builder, AuthOptions auth)
    {
        if (auth.ClientCertificates.Count == 0) return;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
        {
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            https.ClientCertificateValidation = (_, _, _) => true;
        }));
    }
}
