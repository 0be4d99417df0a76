using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MedGrpc.Tests.Support;

/// <summary>Certificates made by the test itself (System.Security.Cryptography's CertificateRequest), none from the machine's stores.</summary>
public static class TestCertificates
{
    /// <summary>A server certificate for localhost and 127.0.0.1, written as a PKCS#12 file Kestrel reads (Kestrel:Certificates:Default).</summary>
    public static X509Certificate2 Server(string pfxPath, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false)); // server authentication
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllBytes(pfxPath, certificate.Export(X509ContentType.Pkcs12, password));
        return X509CertificateLoader.LoadPkcs12FromFile(pfxPath, password);
    }

    /// <summary>A client certificate (mTLS) with its private key.</summary>
    public static X509Certificate2 Client(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false)); // client authentication
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12, so the key is one TLS on Linux can sign the handshake with.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Writes the certificate as PEM, and its private key as PKCS#8 PEM when a path is given: what OpenSSL-based clients (Python's ssl) read.</summary>
    public static void WritePem(X509Certificate2 certificate, string certificatePath, string? keyPath = null)
    {
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        if (keyPath is not null) File.WriteAllText(keyPath, certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>SHA-256 thumbprint as MedGrpc:Auth:ClientCertificates takes it.</summary>
    public static string Thumbprint(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>
    /// A client handler that trusts exactly this server certificate (pinned: the machine's roots don't know it) and
    /// records the one the server presented; optionally presents a client certificate.
    /// </summary>
    public static HttpClientHandler PinnedHandler(X509Certificate2 server, List<string> presented, X509Certificate2? client = null)
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                if (certificate is null) return false;
                lock (presented) presented.Add(Thumbprint(certificate));
                return Thumbprint(certificate) == Thumbprint(server);
            },
        };
        if (client is not null) handler.ClientCertificates.Add(client);
        return handler;
    }
}
