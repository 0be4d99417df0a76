using Grpc.Core;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Vocabularies;

/// <summary>Create, Get, List, Update and Delete of custom medical vocabularies, with AWS's errors, against the real server.</summary>
[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class VocabularyOperationsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private MedicalTranscription.MedicalTranscriptionClient Api => fixture.Server.Jobs;

    [Fact]
    public async Task A_new_vocabulary_is_PENDING_then_READY_once_its_file_is_read()
    {
        var uri = fixture.Server.PutTable("vocabularies/ready.txt", "mavacamten\t\t\tMavacamten");

        var created = await Api.CreateMedicalVocabularyAsync(Support.Vocabularies.Create("ready", uri));
        var settled = await fixture.Server.WaitUntilSettledAsync("ready");

        Assert.Equal(VocabularyState.Pending, created.VocabularyState);
        Assert.Equal(LanguageCode.EnUs, created.LanguageCode);
        Assert.Equal(VocabularyState.Ready, settled.VocabularyState);
        Assert.Equal(uri, settled.DownloadUri);
        Assert.False(settled.HasFailureReason);
        Assert.Equal(created.LastModifiedTime, settled.LastModifiedTime);
    }

    [Fact]
    public async Task A_file_at_an_https_URL_of_the_object_store_is_read_from_its_bucket()
    {
        fixture.Server.PutTable("vocabularies/https.txt", "mavacamten\t\t\tMavacamten");
        const string uri = "https://s3.us-east-1.amazonaws.com/media/vocabularies/https.txt";

        await Api.CreateMedicalVocabularyAsync(Support.Vocabularies.Create("https-file", uri));
        var settled = await fixture.Server.WaitUntilSettledAsync("https-file");

        Assert.Equal(VocabularyState.Ready, settled.VocabularyState);
        Assert.Equal(uri, settled.DownloadUri);
    }

    [Fact]
    public async Task A_file_at_a_URL_of_the_configured_S3_endpoint_is_read_from_its_bucket()
    {
        // Only the scale-out backend (scripts/test.sh's second run) has an S3 endpoint of its own to name.
        if (fixture.Server.S3 is not { } s3) return;
        fixture.Server.PutTable("vocabularies/endpoint.txt", "mavacamten\t\t\tMavacamten");

        await Api.CreateMedicalVocabularyAsync(Support.Vocabularies.Create("endpoint-file", $"{s3.ServiceUrl}/media/vocabularies/endpoint.txt"));

        Assert.Equal(VocabularyState.Ready, (await fixture.Server.WaitUntilSettledAsync("endpoint-file")).VocabularyState);
    }

    [Fact]
    public async Task A_file_at_an_https_URL_of_another_host_is_a_BadRequest_with_the_rule()
    {
        var request = Support.Vocabularies.Create("foreign-file", "https://files.example.com/media/vocabularies/foreign.txt");

        var e = await JobAssertions.RefusedAsync(() => Api.CreateMedicalVocabularyAsync(request).ResponseAsync, StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("'vocabularyFileUri'", e.Status.Detail);
        Assert.Contains("path-style URL of this service's object store", e.Status.Detail);
    }

    [Fact]
    public async Task A_vocabulary_whose_file_breaks_a_rule_is_FAILED_with_the_line_and_the_rule()
    {
        var settled = await fixture.Server.CreateVocabularyAsync("broken", "metformin\t\t\t", "acute respiratory\t\t\t");

        Assert.Equal(VocabularyState.Failed, settled.VocabularyState);
        Assert.Contains("line 3", settled.FailureReason);
        Assert.Contains("has a space", settled.FailureReason);
    }

    [Fact]
    public async Task Creating_a_vocabulary_whose_name_exists_is_a_ConflictException()
    {
        await fixture.Server.CreateVocabularyAsync("twice", "metformin\t\t\t");
        var uri = fixture.Server.PutTable("vocabularies/twice-again.txt", "lisinopril\t\t\t");

        var e = await JobAssertions.RefusedAsync(() => Api.CreateMedicalVocabularyAsync(Support.Vocabularies.Create("twice", uri)).ResponseAsync,
            StatusCode.AlreadyExists, "ConflictException");
        Assert.Contains("vocabulary name already exists", e.Status.Detail);
    }

    [Fact]
    public async Task A_language_other_than_en_US_is_a_BadRequest_naming_languageCode()
    {
        var request = Support.Vocabularies.Create("spanish", fixture.Server.PutTable("vocabularies/spanish.txt", "metformina\t\t\t"));
        request.LanguageCode = LanguageCode.EsUs;

        var e = await JobAssertions.RefusedAsync(() => Api.CreateMedicalVocabularyAsync(request).ResponseAsync, StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("'languageCode'", e.Status.Detail);
        Assert.Contains("en-US is the only valid value", e.Status.Detail);
    }

    [Fact]
    public async Task A_name_with_a_space_is_a_BadRequest_with_the_pattern()
    {
        var request = Support.Vocabularies.Create("my drugs", fixture.Server.PutTable("vocabularies/space.txt", "metformin\t\t\t"));

        var e = await JobAssertions.RefusedAsync(() => Api.CreateMedicalVocabularyAsync(request).ResponseAsync, StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("Value 'my drugs' at 'vocabularyName' failed to satisfy constraint: Member must satisfy regular expression pattern", e.Status.Detail);
    }

    [Fact]
    public async Task A_missing_file_uri_is_a_BadRequest()
    {
        var request = new CreateMedicalVocabularyRequest { VocabularyName = "no-file", LanguageCode = LanguageCode.EnUs };

        var e = await JobAssertions.RefusedAsync(() => Api.CreateMedicalVocabularyAsync(request).ResponseAsync, StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("Value null at 'vocabularyFileUri' failed to satisfy constraint: Member must not be null", e.Status.Detail);
    }

    [Fact]
    public async Task A_file_that_does_not_exist_is_a_BadRequest_naming_vocabularyFileUri()
    {
        var e = await JobAssertions.RefusedAsync(
            () => Api.CreateMedicalVocabularyAsync(Support.Vocabularies.Create("absent", "s3://media/vocabularies/absent.txt")).ResponseAsync,
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("'vocabularyFileUri' can't be accessed", e.Status.Detail);
    }

    [Fact]
    public async Task A_file_uri_that_is_not_an_object_of_a_bucket_is_a_BadRequest()
    {
        var e = await JobAssertions.RefusedAsync(
            () => Api.CreateMedicalVocabularyAsync(Support.Vocabularies.Create("web", "https://example.com/v.txt")).ResponseAsync,
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("s3://BUCKET/KEY", e.Status.Detail);
    }

    [Fact]
    public async Task Getting_an_unknown_vocabulary_is_a_NotFoundException()
    {
        var e = await JobAssertions.RefusedAsync(
            () => Api.GetMedicalVocabularyAsync(new GetMedicalVocabularyRequest { VocabularyName = "never-made" }).ResponseAsync,
            StatusCode.NotFound, "NotFoundException");
        Assert.Contains("The requested vocabulary couldn't be found", e.Status.Detail);
    }

    [Fact]
    public async Task Update_replaces_the_whole_vocabulary_and_reads_the_new_file()
    {
        var first = await fixture.Server.CreateVocabularyAsync("replaced", "metformin\t\t\t");
        var uri = fixture.Server.PutTable("vocabularies/replaced-2.txt", "bad phrase\t\t\t");

        var updated = await Api.UpdateMedicalVocabularyAsync(new UpdateMedicalVocabularyRequest
        {
            VocabularyName = "replaced", LanguageCode = LanguageCode.EnUs, VocabularyFileUri = uri,
        });
        var settled = await fixture.Server.WaitUntilSettledAsync("replaced");

        Assert.Equal(VocabularyState.Pending, updated.VocabularyState);
        Assert.True(updated.LastModifiedTime.ToDateTimeOffset() > first.LastModifiedTime.ToDateTimeOffset());
        Assert.Equal(VocabularyState.Failed, settled.VocabularyState);
        Assert.Equal(uri, settled.DownloadUri);
    }

    [Fact]
    public async Task Updating_an_unknown_vocabulary_is_a_NotFoundException()
    {
        var uri = fixture.Server.PutTable("vocabularies/ghost.txt", "metformin\t\t\t");
        await JobAssertions.RefusedAsync(() => Api.UpdateMedicalVocabularyAsync(new UpdateMedicalVocabularyRequest
        {
            VocabularyName = "ghost", LanguageCode = LanguageCode.EnUs, VocabularyFileUri = uri,
        }).ResponseAsync, StatusCode.NotFound, "NotFoundException");
    }

    [Fact]
    public async Task A_deleted_vocabulary_is_gone()
    {
        await fixture.Server.CreateVocabularyAsync("short-lived", "metformin\t\t\t");

        await Api.DeleteMedicalVocabularyAsync(new DeleteMedicalVocabularyRequest { VocabularyName = "short-lived" });

        await JobAssertions.RefusedAsync(() => Api.GetMedicalVocabularyAsync(new GetMedicalVocabularyRequest { VocabularyName = "short-lived" }).ResponseAsync,
            StatusCode.NotFound, "NotFoundException");
    }

    [Fact]
    public async Task Deleting_an_unknown_vocabulary_is_a_NotFoundException() =>
        await JobAssertions.RefusedAsync(() => Api.DeleteMedicalVocabularyAsync(new DeleteMedicalVocabularyRequest { VocabularyName = "never-made" }).ResponseAsync,
            StatusCode.NotFound, "NotFoundException");

    [Fact]
    public async Task List_filters_by_state_and_name_and_pages_with_NextToken()
    {
        await fixture.Server.CreateVocabularyAsync("listed-ok-1", "metformin\t\t\t");
        await fixture.Server.CreateVocabularyAsync("listed-ok-2", "lisinopril\t\t\t");
        await fixture.Server.CreateVocabularyAsync("listed-bad", "bad phrase\t\t\t");

        var ready = await Api.ListMedicalVocabulariesAsync(new ListMedicalVocabulariesRequest { NameContains = "LISTED", StateEquals = VocabularyState.Ready });
        var first = await Api.ListMedicalVocabulariesAsync(new ListMedicalVocabulariesRequest { NameContains = "listed", MaxResults = 2 });
        var second = await Api.ListMedicalVocabulariesAsync(new ListMedicalVocabulariesRequest { NameContains = "listed", MaxResults = 2, NextToken = first.NextToken });

        Assert.Equal(["listed-ok-2", "listed-ok-1"], ready.Vocabularies.Select(v => v.VocabularyName));
        Assert.Equal(VocabularyState.Ready, ready.Status);
        Assert.Equal(["listed-bad", "listed-ok-2"], first.Vocabularies.Select(v => v.VocabularyName));
        Assert.Equal(["listed-ok-1"], second.Vocabularies.Select(v => v.VocabularyName));
        Assert.False(second.HasNextToken);
    }

    [Fact]
    public async Task List_with_MaxResults_over_100_is_a_BadRequest()
    {
        var e = await JobAssertions.RefusedAsync(() => Api.ListMedicalVocabulariesAsync(new ListMedicalVocabulariesRequest { MaxResults = 101 }).ResponseAsync,
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100", e.Status.Detail);
    }

    [Fact]
    public async Task List_with_a_made_up_NextToken_is_a_BadRequest() =>
        await JobAssertions.RefusedAsync(() => Api.ListMedicalVocabulariesAsync(new ListMedicalVocabulariesRequest { NextToken = "not-a-token" }).ResponseAsync,
            StatusCode.InvalidArgument, "BadRequestException");
}
