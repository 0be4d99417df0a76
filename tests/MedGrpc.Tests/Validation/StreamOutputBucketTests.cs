using MedGrpc.Core.Errors;
using MedGrpc.Core.Model;
using MedGrpc.Core.Validation;

namespace MedGrpc.Tests.Validation;

/// <summary>Found by the fuzz bench: a stream recorded to an empty output bucket reached the folder store's own check (INTERNAL).</summary>
public sealed class StreamOutputBucketTests
{
    [Fact]
    public void An_empty_output_bucket_of_a_stream_is_refused_naming_the_field()
    {
        var request = new StreamRequest
        {
            LanguageCode = "en-US", MediaSampleRateHertz = 16000, MediaEncoding = "pcm", Specialty = "PRIMARYCARE", Type = "DICTATION",
            OutputBucketName = "",
        };

        var refused = Assert.Throws<ServiceException>(() => RequestValidator.ValidateStream(request));

        Assert.Equal(AwsError.BadRequestException, refused.Error);
        Assert.Contains("outputBucketName", refused.Message);
    }
}
