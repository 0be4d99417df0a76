using System.Text.Json;

namespace MedGrpc.Core.Ports;

/// <summary>
/// The JSON form in which every store keeps a job or a vocabulary whole, and in which PostgreSQL
/// notifications carry a job: one codec, so each backend reads exactly what another wrote.
/// </summary>
public static class StoredRecords
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static string Serialize<T>(T record) => JsonSerializer.Serialize(record, Json);

    public static T Deserialize<T>(string body) =>
        JsonSerializer.Deserialize<T>(body, Json) ?? throw new InvalidDataException($"empty {typeof(T).Name.ToLowerInvariant()} record");
}
