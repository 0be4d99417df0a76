using MedGrpc.Core.Options;
using Microsoft.Extensions.Options;

namespace MedGrpc.Core.Transcripts;

/// <summary>The AES-256 keys the service encrypts transcripts with, by the id a request names.</summary>
public sealed class KeyRing
{
    private readonly Dictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public KeyRing(IOptions<MedGrpcOptions> options)
    {
        foreach (var key in options.Value.Encryption.Keys)
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(key.Key);
            }
            catch (FormatException)
            {
                bytes = [];
            }
            if (string.IsNullOrWhiteSpace(key.Id) || bytes.Length != 32)
                throw new InvalidOperationException("Each MedGrpc:Encryption:Keys entry needs an Id and a 32-byte AES-256 Key in base64.");
            _keys[key.Id] = bytes;
        }
    }

    public bool Contains(string id) => _keys.ContainsKey(id);

    public byte[] Get(string id) =>
        _keys.TryGetValue(id, out var key) ? key : throw new InvalidOperationException($"The key '{id}' isn't in the service's key ring.");
}
