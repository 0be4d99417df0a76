using System.Security.Cryptography;
using System.Text;

namespace MedGrpc.Service.AwsApi;

/// <summary>
/// Signature Version 4's string to sign, signing key and signature. Written here with the framework's HMAC-SHA256,
/// not taken from AWSSDK.Core's AWS4Signer, because the host references no store driver (AWSSDK is the S3 adapter's,
/// tests/…/ArchitectureTests) and these are five HMACs; the tests hold it to AWS4Signer's result.
/// </summary>
public static class SigV4Signature
{
    public static string Compute(string secretAccessKey, string amzDate, string scopeDate, string region, string service, string canonicalRequest)
    {
        var scope = $"{scopeDate}/{region}/{service}/aws4_request";
        var stringToSign = $"{SigV4Authorization.Algorithm}\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), scopeDate);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Convert.ToHexStringLower(Hmac(key, stringToSign));
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
