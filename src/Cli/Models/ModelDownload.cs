using System.Security.Cryptography;

namespace MedGrpc.Cli.Models;

/// <summary>
/// Downloads a model file over HTTP(S) and keeps it only if it hashes to what is expected: the bytes go
/// to a ".partial" file beside the target while SHA-1 and SHA-256 are computed as they arrive, and only
/// a verified file is renamed into place. A failed or interrupted download leaves nothing behind.
/// </summary>
internal sealed class ModelDownload(HttpClient http, TextWriter progress)
{
    private const long ReportEveryBytes = 100L * 1024 * 1024;

    public async Task<long> DownloadAsync(Uri source, string target, ExpectedChecksums expected, CancellationToken ct)
    {
        var partial = target + ".partial";
        try
        {
            using var response = await http.GetAsync(source, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
                throw new ModelDownloadException($"the download of {source} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
            var total = response.Content.Headers.ContentLength;
            progress.WriteLine($"Downloading {source} ({Size(total)}) to {target}");

            using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
            using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long received = 0;
            await using (var body = await response.Content.ReadAsStreamAsync(ct))
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new byte[1 << 16];
                var nextReport = ReportEveryBytes;
                int read;
                while ((read = await body.ReadAsync(buffer, ct)) > 0)
                {
                    sha1.AppendData(buffer, 0, read);
                    sha256.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                    received += read;
                    if (received >= nextReport)
                    {
                        progress.WriteLine($"  {Size(received)}{(total is > 0 ? $" of {Size(total)}" : "")}");
                        nextReport += ReportEveryBytes;
                    }
                }
            }
            if (total is { } length && received != length)
                throw new ModelDownloadException($"the download of {source} ended after {received} of {length} bytes.");
            var mismatch = expected.Mismatch(Convert.ToHexStringLower(sha1.GetHashAndReset()), Convert.ToHexStringLower(sha256.GetHashAndReset()));
            if (mismatch is not null)
                throw new ModelDownloadException($"{source} does not match its checksum: {mismatch}. Nothing was kept; try again, or check the mirror.");
            File.Move(partial, target, overwrite: true);
            return received;
        }
        catch (HttpRequestException e)
        {
            throw new ModelDownloadException($"the download of {source} failed: {e.Message}", e);
        }
        finally
        {
            // Whatever went wrong (a checksum, the network, Ctrl+C), no half-downloaded model stays behind.
            File.Delete(partial);
        }
    }

    /// <summary>The checksums of a file already on disk.</summary>
    public static async Task<(string Sha1, string Sha256)> HashFileAsync(string path, CancellationToken ct)
    {
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var file = File.OpenRead(path);
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await file.ReadAsync(buffer, ct)) > 0)
        {
            sha1.AppendData(buffer, 0, read);
            sha256.AppendData(buffer, 0, read);
        }
        return (Convert.ToHexStringLower(sha1.GetHashAndReset()), Convert.ToHexStringLower(sha256.GetHashAndReset()));
    }

    public static string Size(long? bytes) => bytes switch
    {
        null => "size unknown",
        >= 1L << 30 => $"{bytes / (double)(1L << 30):F1} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):F1} MiB",
        _ => $"{bytes} bytes",
    };
}
