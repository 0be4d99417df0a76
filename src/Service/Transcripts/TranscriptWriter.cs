using System.Text.Json;
using System.Text.Json.Serialization;
using MedGrpc.Service.Storage;

namespace MedGrpc.Service.Transcripts;

/// <summary>Writes a transcript as AWS JSON into its output bucket, and reads it back.</summary>
public sealed class TranscriptWriter(IObjectStore objects)
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task WriteAsync(S3Location location, TranscriptDocument transcript, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await JsonSerializer.SerializeAsync(buffer, transcript, Json, ct);
        buffer.Position = 0;
        await objects.WriteAsync(location, buffer, ct);
    }

    /// <summary>The transcript JSON as written, or null when the object is gone.</summary>
    public async Task<string?> ReadJsonAsync(S3Location location, CancellationToken ct)
    {
        if (await objects.GetSizeAsync(location, ct) is null) return null;
        await using var stream = await objects.OpenReadAsync(location, ct);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync(ct);
    }
}
