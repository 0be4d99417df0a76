using MedGrpc.Core.Errors;
using MedGrpc.Core.Validation;

namespace MedGrpc.Tests.Validation;

/// <summary>AWS's four-hour limit on a stream's audio (the server checks it after every chunk; four hours can't be streamed in a test).</summary>
public sealed class StreamLengthRuleTests
{
    [Fact]
    public void Four_hours_of_audio_are_allowed()
    {
        RequestValidator.CheckStreamLength(4 * 3600);
    }

    [Fact]
    public void Audio_past_four_hours_is_LimitExceeded()
    {
        var e = Assert.Throws<ServiceException>(() => RequestValidator.CheckStreamLength(4 * 3600 + 0.01));

        Assert.Equal(AwsError.LimitExceededException, e.Error);
        Assert.Contains("4 hours", e.Message);
    }
}
