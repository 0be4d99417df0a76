using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MedGrpc.Service.Tls;

/// <summary>
/// The server certificate in force, from Kestrel:Certificates:Default, given to each TLS handshake of the listeners
/// that serve Kestrel's default certificate (the gRPC edge's https:// URLs, the AWS endpoint with Https). Kestrel loads
/// that certificate once for them (it reloads only Kestrel:Endpoints' certificates, and by rebinding the endpoint, a
/// moment without a listener): this reads it again when its setting names other files or its files change (a renewal
/// written over them), so the next connection gets the new certificate while open connections carry on. A certificate
/// that doesn't load (a file half written, a key not the certificate's) is refused and the one in force stays.
/// </summary>
public sealed class ServerCertificate
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private readonly IConfiguration _configuration;
    private readonly string _contentRoot;
    private readonly ILogger<ServerCertificate> _log;
    private readonly Lock _gate = new();
    private volatile Served _served;
    private (CertificateSource Source, FileStamp Stamp)? _refused;

    /// <summary>A loaded certificate with its chain, and the settings and files it was loaded from.</summary>
    private sealed record Served(CertificateSource Source, FileStamp Stamp, SslStreamCertificateContext Context, X509Certificate2 Certificate);

    public ServerCertificate(IConfiguration configuration, IWebHostEnvironment environment, ILogger<ServerCertificate> log)
    {
        _configuration = configuration;
        _contentRoot = environment.ContentRootPath;
        _log = log;
        var source = CertificateSource.From(configuration, _contentRoot)
            ?? throw new InvalidOperationException($"{CertificateSource.Section}:Path names no certificate file.");
        _served = Load(source, source.Stamp());
        Log(_served);
    }

    /// <summary>Kestrel's OnAuthenticate: this handshake presents the certificate in force.</summary>
    public void Apply(SslServerAuthenticationOptions ssl)
    {
        ssl.ServerCertificateContext = Current().Context;
        ssl.ServerCertificate = null;
        ssl.ServerCertificateSelectionCallback = null;
    }

    /// <summary>The certificate in force: reloaded first when its setting or its files changed since it was loaded.</summary>
    private Served Current()
    {
        var served = _served;
        // The setting removed: the certificate in force stays until another is named.
        var source = CertificateSource.From(_configuration, _contentRoot);
        if (source is null) return served;
        var stamp = source.Stamp();
        if (source == served.Source && stamp == served.Stamp) return served;
        lock (_gate)
        {
            served = _served;
            if (source == served.Source && stamp == served.Stamp) return served;
            // Tried already as the files are now: tried again when they change.
            if (_refused == (source, stamp)) return served;
            try
            {
                _served = Load(source, stamp);
                _refused = null;
                Log(_served);
            }
            catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                _refused = (source, stamp);
                _log.LogWarning("The server certificate {Source} doesn't load, so the one in force ({Thumbprint}) is still served: {Reason}",
                    source.ToString(), served.Certificate.GetCertHashString(HashAlgorithmName.SHA256), e.Message);
            }
            // The one replaced isn't disposed: a handshake begun a moment ago may still be presenting it.
            return _served;
        }
    }

    private static Served Load(CertificateSource source, FileStamp stamp)
    {
        X509Certificate2 certificate;
        var chain = new X509Certificate2Collection();
        if (source.KeyPath is null)
        {
            // PKCS#12: the certificate with the private key, and the chain beside it.
            var all = X509CertificateLoader.LoadPkcs12CollectionFromFile(source.Path, source.Password);
            certificate = all.FirstOrDefault(c => c.HasPrivateKey)
                ?? throw new InvalidOperationException($"{source.Path} holds no certificate with its private key.");
            chain.AddRange(all.Where(c => !ReferenceEquals(c, certificate)).ToArray());
        }
        else
        {
            // PEM: the first certificate of the file goes with the key, the rest are its chain (a fullchain.pem).
            certificate = source.Password is null
                ? X509Certificate2.CreateFromPemFile(source.Path, source.KeyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(source.Path, source.Password, source.KeyPath);
            var all = new X509Certificate2Collection();
            all.ImportFromPemFile(source.Path);
            chain.AddRange(all.Where(c => c.Thumbprint != certificate.Thumbprint).ToArray());
        }
        // As Kestrel checks its certificates: one whose key usage excludes serving TLS would fail every client.
        if (certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault() is { } usage
            && !usage.EnhancedKeyUsages.Cast<Oid>().Any(o => o.Value == ServerAuthentication.Value))
            throw new InvalidOperationException($"The certificate {certificate.Subject} isn't for server authentication (its enhanced key usage).");
        // Offline: the chain is what the files hold, never fetched in the middle of serving.
        return new Served(source, stamp, SslStreamCertificateContext.Create(certificate, chain, offline: true), certificate);
    }

    private void Log(Served served) =>
        _log.LogInformation("Serving the TLS certificate {Subject} ({Thumbprint}), valid until {NotAfter:O}, from {Source}",
            served.Certificate.Subject, served.Certificate.GetCertHashString(HashAlgorithmName.SHA256), served.Certificate.NotAfter.ToUniversalTime(), served.Source.ToString());
}
