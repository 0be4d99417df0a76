namespace MedGrpc.Service.Tls;

/// <summary>
/// Kestrel:Certificates:Default as Kestrel reads it: a PKCS#12 file (Path, Password), or a PEM certificate and its key
/// (Path, KeyPath, and Password when the key is encrypted); relative paths from the content root, as Kestrel takes them.
/// </summary>
public sealed record CertificateSource(string Path, string? KeyPath, string? Password)
{
    public const string Section = "Kestrel:Certificates:Default";

    /// <summary>Null when the section names no file (a certificate from a store, or none).</summary>
    public static CertificateSource? From(IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection(Section);
        var path = section["Path"];
        if (string.IsNullOrWhiteSpace(path)) return null;
        var keyPath = section["KeyPath"];
        return new CertificateSource(
            System.IO.Path.Combine(contentRoot, path),
            string.IsNullOrWhiteSpace(keyPath) ? null : System.IO.Path.Combine(contentRoot, keyPath),
            section["Password"] is { Length: > 0 } password ? password : null);
    }

    /// <summary>The files as they are now: a certificate renewed in place changes this.</summary>
    public FileStamp Stamp() => new(FileStamp.Of(Path), KeyPath is null ? default : FileStamp.Of(KeyPath));

    /// <summary>Never the password, whoever prints the source.</summary>
    public override string ToString() => KeyPath is null ? Path : $"{Path} (key {KeyPath})";
}

/// <summary>When the certificate's files were last written and their lengths: read at every TLS handshake, a stat each.</summary>
public readonly record struct FileStamp((DateTime Written, long Length) Certificate, (DateTime Written, long Length) Key)
{
    public static (DateTime Written, long Length) Of(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? (file.LastWriteTimeUtc, file.Length) : default;
    }
}
