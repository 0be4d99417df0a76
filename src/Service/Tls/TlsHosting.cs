using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace MedGrpc.Service.Tls;

/// <summary>
/// What the host adds to Kestrel's TLS endpoints (both edges): each asks its caller for a client certificate, and, when
/// they serve Kestrel's default certificate, each handshake takes the certificate in force (<see cref="ServerCertificate"/>).
/// </summary>
public static class TlsHosting
{
    public static void AddTls(this WebApplicationBuilder builder)
    {
        // Kestrel:Endpoints name their certificates endpoint by endpoint, and Kestrel reloads those itself (by rebinding
        // the endpoint): the certificate in force is for the listeners that serve Kestrel:Certificates:Default.
        var reload = !builder.Configuration.GetSection("Kestrel:Endpoints").Exists()
            && !string.IsNullOrWhiteSpace(builder.Configuration[$"{CertificateSource.Section}:Path"]);
        if (reload) builder.Services.AddSingleton<ServerCertificate>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ConfigureHttpsDefaults(https =>
            {
                var served = reload ? kestrel.ApplicationServices.GetRequiredService<ServerCertificate>() : null;
                // Always asked, though optional (a caller without one connects, to use a key), so certificates pinned in
                // MedGrpc:Auth:ClientCertificates after the start are taken without a restart. Their chain isn't
                // judged here: a certificate is admitted by its pinned thumbprint (Api/ClientCertificates).
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                https.ClientCertificateValidation = (_, _, _) => true;
                if (served is not null) https.OnAuthenticate = (_, ssl) => served.Apply(ssl);
            });
        });
    }
}
