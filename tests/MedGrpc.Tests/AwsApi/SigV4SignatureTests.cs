using Amazon.Runtime.Internal.Auth;
using MedGrpc.Service.AwsApi;

namespace MedGrpc.Tests.AwsApi;

/// <summary>The endpoint's own SigV4 signature code (the host references no AWSSDK) against AWS's: its published example and AWSSDK.Core's AWS4Signer.</summary>
public sealed class SigV4SignatureTests
{
    [Fact]
    public void The_signature_of_AWS_published_get_vanilla_example_is_AWS_own()
    {
        // AWS's Signature Version 4 test suite, "get-vanilla".
        const string canonical = "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            SigV4Signature.Compute("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20150830T123600Z", "20150830", "us-east-1", "service", canonical));
    }

    [Theory]
    [InlineData("secret", "us-east-1", "POST\n/\n\nhost:localhost:8050\n\nhost\nabc")]
    [InlineData("wJalrXUtnFEMI/K7MDENG+bPxRfiCYMEDGRPCKEY", "eu-west-2", "POST\n/\n\ncontent-type:application/x-amz-json-1.1\nhost:127.0.0.1:8050\n\ncontent-type;host\n44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a")]
    [InlineData("ünïcode-secret", "ap-southeast-2", "POST\n/\n\nhost:h\n\nhost\n")]
    public void The_signature_is_AWSSDK_Cores(string secret, string region, string canonical)
    {
        var at = new DateTime(2026, 12, 6, 10, 15, 0, DateTimeKind.Utc);
        var expected = AWS4Signer.ComputeSignature("AKIDEXAMPLE", secret, region, at, "transcribe", "host", canonical).Signature;

        Assert.Equal(expected, SigV4Signature.Compute(secret, "20261206T101500Z", "20261206", region, "transcribe", canonical));
    }
}
