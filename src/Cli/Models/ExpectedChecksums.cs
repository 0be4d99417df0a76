namespace MedGrpc.Cli.Models;

/// <summary>What the downloaded bytes must hash to: whisper.cpp's published SHA-1, a SHA-256 given by the user, or both.</summary>
internal sealed record ExpectedChecksums(string? Sha1, string? Sha256)
{
    /// <summary>The first checksum the hashes fail, as "SHA-1 abc… (expected def…)", or null when all match.</summary>
    public string? Mismatch(string sha1, string sha256)
    {
        if (Sha1 is not null && !string.Equals(Sha1, sha1, StringComparison.OrdinalIgnoreCase)) return $"SHA-1 {sha1} (expected {Sha1.ToLowerInvariant()})";
        if (Sha256 is not null && !string.Equals(Sha256, sha256, StringComparison.OrdinalIgnoreCase)) return $"SHA-256 {sha256} (expected {Sha256.ToLowerInvariant()})";
        return null;
    }

    public string Describe() => string.Join(" and ", new[] { Sha1 is null ? null : "SHA-1", Sha256 is null ? null : "SHA-256" }.Where(s => s is not null));
}
