using System.Text.Json.Serialization;
using System.Text.Json;
using System.Text;
using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;

namespace MedGrpc.Core.Transcripts;

/// <summary>
/// Writes a transcript as AWS JSON into its output bucket, and reads it back; when the job names a
/// key of the key ring (OutputEncryptionKMSKeyId), the object is sealed with it (<see cref="TranscriptEncryption"/>).
/// </summary>
public sealed class TranscriptWriter(IObjectStore objects, KeyRing keys)
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task WriteAsync(S3Location location, TranscriptDocument transcript, Sealing? sealing, CancellationToken ct)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(transcript, Json);
        var content = sealing is null ? json : TranscriptEncryption.Seal(json, sealing.KeyId, keys.Get(sealing.KeyId), sealing.Context);
        await objects.WriteAsync(location, new MemoryStream(content), ct);
    }

    /// <summary>The transcript JSON as written (opened with the job's context when sealed), or null when the object is gone.</summary>
    public async Task<string?> ReadJsonAsync(S3Location location, Sealing? sealing, CancellationToken ct)
    {
        if (await objects.GetSizeAsync(location, ct) is null) return null;
        await using var stream = await objects.OpenReadAsync(location, ct);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        if (TranscriptEncryption.IsSealed(content))
            content = TranscriptEncryption.Open(content, keys.Get(TranscriptEncryption.KeyIdOf(content)), sealing?.Context);
        return Encoding.UTF8.GetString(content);
    }

    /// <summary>The key (of the key ring) and encryption context a job's transcript is sealed with.</summary>
    public sealed record Sealing(string KeyId, IReadOnlyDictionary<string, string>? Context)
    {
        public static Sealing? For(JobRequest request) =>
            request.OutputEncryptionKmsKeyId is { } id ? new Sealing(id, request.KmsEncryptionContext) : null;
    }
}
