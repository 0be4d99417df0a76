using MedGrpc.Core.Transcripts;

namespace MedGrpc.Tests.Transcripts;

public sealed class OutputLocationTests
{
    [Theory]
    [InlineData(null, "visit.json")]
    [InlineData("x.json", "x.json")]
    [InlineData("test-files/my-transcript.json", "test-files/my-transcript.json")]
    [InlineData("my-transcript", "my-transcript/visit.json")]
    [InlineData("test-files/my-transcript", "test-files/my-transcript/visit.json")]
    [InlineData("test-files/", "test-files/visit.json")]
    public void The_transcript_lands_where_AWS_puts_it(string? outputKey, string expectedKey)
    {
        var location = OutputLocation.For("bucket", outputKey, "visit");
        Assert.Equal("bucket", location.Bucket);
        Assert.Equal(expectedKey, location.Key);
        Assert.Equal($"s3://bucket/{expectedKey}", location.ToString());
    }
}
