using System.Security.Cryptography;
using System.Text;

namespace MedGrpc.Core.Transcripts;

/// <summary>
/// A transcript sealed with AES-256-GCM (.NET's AesGcm): the KMSEncryptionContext is the associated
/// data, so the object opens only with the context it was sealed with. Layout: "MGE1", the key id's
/// length (1 byte) and UTF-8 bytes, a 12-byte nonce, the 16-byte tag, the ciphertext.
/// </summary>
public static class TranscriptEncryption
{
    private static readonly byte[] Magic = "MGE1"u8.ToArray();
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] Seal(byte[] plaintext, string keyId, byte[] key, IReadOnlyDictionary<string, string>? context)
    {
        var id = Encoding.UTF8.GetBytes(keyId);
        if (id.Length > 255) throw new ArgumentException("key id longer than 255 bytes", nameof(keyId));
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var tag = new byte[TagSize];
        var ciphertext = new byte[plaintext.Length];
        using (var aes = new AesGcm(key, TagSize)) aes.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData(context));
        return [.. Magic, (byte)id.Length, .. id, .. nonce, .. tag, .. ciphertext];
    }

    public static bool IsSealed(ReadOnlySpan<byte> content) => content.StartsWith(Magic);

    /// <summary>The key id an object was sealed with.</summary>
    public static string KeyIdOf(ReadOnlySpan<byte> content) => Encoding.UTF8.GetString(content.Slice(Magic.Length + 1, content[Magic.Length]));

    /// <summary>The plaintext; a wrong key or context throws <see cref="AuthenticationTagMismatchException"/>.</summary>
    public static byte[] Open(ReadOnlySpan<byte> content, byte[] key, IReadOnlyDictionary<string, string>? context)
    {
        var at = Magic.Length + 1 + content[Magic.Length];
        var nonce = content.Slice(at, NonceSize);
        var tag = content.Slice(at + NonceSize, TagSize);
        var ciphertext = content[(at + NonceSize + TagSize)..];
        var plaintext = new byte[ciphertext.Length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(nonce, ciphertext, tag, plaintext, AssociatedData(context));
        return plaintext;
    }

    /// <summary>The context in one canonical form: pairs sorted by key (ordinal), each length-prefixed, so no two contexts share it.</summary>
    private static byte[] AssociatedData(IReadOnlyDictionary<string, string>? context)
    {
        using var data = new MemoryStream();
        using var writer = new BinaryWriter(data, Encoding.UTF8);
        foreach (var (k, v) in (context ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            writer.Write(k);
            writer.Write(v);
        }
        writer.Flush();
        return data.ToArray();
    }
}
