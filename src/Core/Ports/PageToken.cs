using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using MedGrpc.Core.Model;

namespace MedGrpc.Core.Ports;

/// <summary>
/// The opaque NextToken of a List: the cursor after the page, signed with HMAC-SHA256 under the service's page-token
/// key over the cursor and the <see cref="PageScope"/> it was issued for. Only a token the service issued reads back,
/// and only under the same List, account and filters: one altered, forged or used elsewhere doesn't. It only issues and
/// reads; the rule that a token must read back, and its error, are the validator's (Validation/PagingRules.cs).
/// </summary>
public static class PageToken
{
    // Bumped if the layout changes, so that tokens of another layout never verify.
    private static readonly byte[] Version = Encoding.ASCII.GetBytes("medgrpc.page-token.v1\n");
    private const int MacBytes = 32;

    /// <summary>base64url of MAC (32 bytes) · ticks (8 bytes, big-endian) · the name (UTF-8).</summary>
    public static string Issue(byte[] key, PageScope scope, PageCursor cursor)
    {
        var payload = Payload(cursor);
        return Base64Url.EncodeToString([.. Mac(key, scope, payload), .. payload]);
    }

    /// <summary>The cursor of a token issued with this key for this scope; false for anything else.</summary>
    public static bool TryRead(byte[] key, PageScope scope, string token, [NotNullWhen(true)] out PageCursor? cursor)
    {
        cursor = null;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }
        if (bytes.Length < MacBytes + sizeof(long)) return false;
        var payload = bytes.AsSpan(MacBytes);
        if (!CryptographicOperations.FixedTimeEquals(bytes.AsSpan(0, MacBytes), Mac(key, scope, payload))) return false;
        cursor = new PageCursor(BinaryPrimitives.ReadInt64BigEndian(payload), Encoding.UTF8.GetString(payload[sizeof(long)..]));
        return true;
    }

    private static byte[] Payload(PageCursor cursor)
    {
        var name = Encoding.UTF8.GetBytes(cursor.Name);
        var payload = new byte[sizeof(long) + name.Length];
        BinaryPrimitives.WriteInt64BigEndian(payload, cursor.Ticks);
        name.CopyTo(payload, sizeof(long));
        return payload;
    }

    // The scope is signed, not carried: a token presented under another scope simply fails to verify.
    private static byte[] Mac(byte[] key, PageScope scope, ReadOnlySpan<byte> payload)
    {
        var canonical = scope.Canonical();
        byte[] signed = [.. Version, .. BitConverter.GetBytes(canonical.Length), .. canonical, .. payload];
        return HMACSHA256.HashData(key, signed);
    }
}
