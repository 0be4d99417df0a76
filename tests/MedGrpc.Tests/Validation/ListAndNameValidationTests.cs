using MedGrpc.Core.Errors;
using MedGrpc.Core.Model;
using MedGrpc.Core.Validation;

namespace MedGrpc.Tests.Validation;

public sealed class ListAndNameValidationTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void List_max_results_outside_1_to_100_is_rejected(int max)
    {
        var e = Assert.Throws<ServiceException>(() => RequestValidator.ValidateList(new JobQuery(null, null, null, max)));
        Assert.Contains("'maxResults'", e.Message);
    }

    [Fact]
    public void List_job_name_filter_outside_the_name_pattern_is_rejected()
    {
        var e = Assert.Throws<ServiceException>(() => RequestValidator.ValidateList(new JobQuery(null, "a b", null, null)));
        Assert.Contains("'jobNameContains'", e.Message);
    }

    [Fact]
    public void An_empty_next_token_is_rejected()
    {
        var e = Assert.Throws<ServiceException>(() => RequestValidator.ValidateList(new JobQuery(null, null, "", null)));
        Assert.Contains("'nextToken'", e.Message);
    }

    [Fact]
    public void A_list_request_with_nothing_set_passes() => RequestValidator.ValidateList(new JobQuery(null, null, null, null));

    [Fact]
    public void An_empty_job_name_in_get_is_rejected()
    {
        var e = Assert.Throws<ServiceException>(() => RequestValidator.ValidateJobName(""));
        Assert.Equal(AwsError.BadRequestException, e.Error);
        Assert.Contains("'medicalTranscriptionJobName'", e.Message);
    }
}
