using Grpc.Core;
using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MedGrpc.Tests.Vocabularies;

/// <summary>A job may name only a READY vocabulary; anything else is refused at Start with BadRequest.</summary>
[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class VocabularyJobRulesTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private Transcribe.V1.StartMedicalTranscriptionJobRequest JobNaming(string job, string vocabulary)
    {
        var request = Requests.Dictation(job, fixture.Server.PutFile("media", $"{job}.wav", MediaFiles.GoForward));
        request.Settings = new Transcribe.V1.MedicalTranscriptionSetting { VocabularyName = vocabulary };
        return request;
    }

    [Fact]
    public async Task A_job_naming_an_unknown_vocabulary_is_a_BadRequest()
    {
        var e = await JobAssertions.RefusedAsync(() => fixture.Server.Jobs.StartMedicalTranscriptionJobAsync(JobNaming("vocab-unknown", "never-made")).ResponseAsync,
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("The vocabulary 'never-made' at 'settings.vocabularyName' couldn't be found", e.Status.Detail);
    }

    [Fact]
    public async Task A_job_naming_a_FAILED_vocabulary_is_a_BadRequest_with_its_reason()
    {
        await fixture.Server.CreateVocabularyAsync("failed-one", "bad phrase\t\t\t");

        var e = await JobAssertions.RefusedAsync(() => fixture.Server.Jobs.StartMedicalTranscriptionJobAsync(JobNaming("vocab-failed", "failed-one")).ResponseAsync,
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("is FAILED: only a READY vocabulary can be used", e.Status.Detail);
        Assert.Contains("line 2", e.Status.Detail);
    }

    [Fact]
    public async Task A_job_naming_a_PENDING_vocabulary_is_a_BadRequest()
    {
        // Stored without being queued, so it stays PENDING for as long as the test needs.
        var store = fixture.Server.Services.GetRequiredService<IVocabularyStore>();
        await store.TryInsertAsync(new Vocabulary
        {
            AccountId = "000000000000", Name = "still-pending", LanguageCode = "en-US", FileUri = "s3://media/x.txt", State = VocabularyState.Pending, CreationTime = DateTimeOffset.UtcNow, LastModifiedTime = DateTimeOffset.UtcNow,
        }, default);

        var e = await JobAssertions.RefusedAsync(() => fixture.Server.Jobs.StartMedicalTranscriptionJobAsync(JobNaming("vocab-pending", "still-pending")).ResponseAsync,
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("is PENDING", e.Status.Detail);
    }
}
