using MedGrpc.Core.Options;
using MedGrpc.Core.Resources;
using Microsoft.Extensions.Options;

namespace MedGrpc.Tests.Tags;

/// <summary>What a tag's ResourceArn names: only an ARN this service would write parses to a resource.</summary>
public sealed class ResourceArnParseTests
{
    private static readonly ResourceArns Arns = new(Options.Create(new MedGrpcOptions()));

    // Found by coverage-guided fuzzing (scripts/fuzz.sh arn): any partition parsed, so "arn:a`s:…" named job-1.
    [Theory]
    [InlineData("arn:a`s:transcribe:us-east-1:000000000000:medical-transcription-job/job-1")]
    [InlineData("arn:aws-cn:transcribe:us-east-1:000000000000:medical-vocabulary/cardio")]
    [InlineData("arn::transcribe:us-east-1:000000000000:medical-vocabulary/cardio")]
    public void An_ARN_of_another_partition_names_no_resource(string arn) => Assert.Null(Arns.Parse(arn, "000000000000"));

    [Fact]
    public void The_ARN_the_service_writes_parses_back_to_its_resource()
    {
        var arn = Arns.Job(new ResourceKey("000000000000", "job-1"));
        var parsed = Arns.Parse(arn, "000000000000");
        Assert.Equal(ResourceType.MedicalTranscriptionJob, parsed?.Type);
        Assert.Equal("job-1", parsed?.Key.Name);
    }
}
