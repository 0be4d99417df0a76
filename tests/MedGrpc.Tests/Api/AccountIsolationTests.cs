using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Grpc.Core.Interceptors;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Api;

/// <summary>
/// Two accounts on one service, each with its API key: names are unique per account, and one
/// account can neither see, watch, delete, tag nor use another's jobs and vocabularies.
/// </summary>
[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class AccountIsolationTests : IAsyncLifetime
{
    private const string AccountA = "111122223333";
    private const string AccountB = "444455556666";
    private const string KeyA = "api-key-of-account-a-for-tests";
    private const string KeyB = "api-key-of-account-b-for-tests";

    private readonly TestServer _server = new(1, settings:
    [
        $"--MedGrpc:Auth:ApiKeys:0:AccountId={AccountA}", $"--MedGrpc:Auth:ApiKeys:0:Sha256={Hash(KeyA)}",
        $"--MedGrpc:Auth:ApiKeys:1:AccountId={AccountB}", $"--MedGrpc:Auth:ApiKeys:1:Sha256={Hash(KeyB)}",
    ]);

    private MedicalTranscription.MedicalTranscriptionClient A => Client(KeyA);
    private MedicalTranscription.MedicalTranscriptionClient B => Client(KeyB);

    public async Task InitializeAsync()
    {
        await _server.StartAppAsync();
        _server.CreateBucket("out");
        _server.CreateBucket("out-b");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private MedicalTranscription.MedicalTranscriptionClient Client(string key) =>
        new(_server.Channel.Intercept(headers =>
        {
            headers.Add("x-api-key", key);
            return headers;
        }));

    private StartMedicalTranscriptionJobRequest Job(string name, string outputBucket = "out") =>
        // A media object of its own: two accounts uploading one key at once would overwrite it under the other's running job.
        Requests.Dictation(name, _server.PutFile("media", $"{name}-{Guid.NewGuid():N}.wav", MediaFiles.GoForward), outputBucket);

    private static async Task<JobEvent> FinalEventAsync(MedicalTranscription.MedicalTranscriptionClient client, string name) =>
        (await client.WatchToEndAsync(name))[^1];

    private static async Task<MedicalTranscriptionJob> FinishedAsync(MedicalTranscription.MedicalTranscriptionClient client, string name) =>
        (await FinalEventAsync(client, name)).MedicalTranscriptionJob;

    private async Task CreateVocabularyAsync(MedicalTranscription.MedicalTranscriptionClient client, string name)
    {
        var file = _server.PutTable($"vocabularies/{name}-{Guid.NewGuid():N}.txt", "metformin\t\t\t");
        await client.CreateMedicalVocabularyAsync(Support.Vocabularies.Create(name, file));
        await client.WaitUntilSettledAsync(name);
    }

    private static string JobArn(string account, string name) => $"arn:aws:transcribe:us-east-1:{account}:medical-transcription-job/{name}";

    [Fact]
    public async Task Two_accounts_may_each_start_a_job_of_the_same_name()
    {
        await A.StartMedicalTranscriptionJobAsync(Job("same-name"));
        await B.StartMedicalTranscriptionJobAsync(Job("same-name", outputBucket: "out-b"));

        Assert.Equal("s3://out/same-name.json", (await FinishedAsync(A, "same-name")).Transcript.TranscriptFileUri);
        Assert.Equal("s3://out-b/same-name.json", (await FinishedAsync(B, "same-name")).Transcript.TranscriptFileUri);
    }

    [Fact]
    public async Task A_name_is_still_unique_within_one_account()
    {
        await A.StartMedicalTranscriptionJobAsync(Job("taken"));
        await JobAssertions.RefusedAsync(() => A.StartMedicalTranscriptionJobAsync(Job("taken")).ResponseAsync,
            StatusCode.AlreadyExists, "ConflictException");
    }

    [Fact]
    public async Task A_NextToken_issued_to_another_account_is_a_bad_request()
    {
        await A.StartMedicalTranscriptionJobAsync(Job("token-first"));
        await A.StartMedicalTranscriptionJobAsync(Job("token-second"));
        var page = await A.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest { JobNameContains = "token-", MaxResults = 1 });

        await JobAssertions.RefusedAsync(
            () => B.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest { JobNameContains = "token-", MaxResults = 1, NextToken = page.NextToken }).ResponseAsync,
            StatusCode.InvalidArgument, "BadRequestException");
    }

    [Fact]
    public async Task Another_accounts_job_is_not_found_by_get()
    {
        await A.StartMedicalTranscriptionJobAsync(Job("private-get"));
        await JobAssertions.RefusedAsync(
            () => B.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "private-get" }).ResponseAsync,
            StatusCode.InvalidArgument, "BadRequestException");
    }

    [Fact]
    public async Task Another_accounts_job_cannot_be_watched()
    {
        await A.StartMedicalTranscriptionJobAsync(Job("private-watch"));
        var stream = B.WatchJob(new WatchJobRequest { MedicalTranscriptionJobName = "private-watch" }).ResponseStream;
        var e = await Assert.ThrowsAsync<RpcException>(() => stream.MoveNext(CancellationToken.None));
        Assert.Contains("couldn't be found", e.Status.Detail);
    }

    [Fact]
    public async Task Another_accounts_job_cannot_be_deleted()
    {
        await A.StartMedicalTranscriptionJobAsync(Job("private-delete"));
        await FinishedAsync(A, "private-delete");
        await JobAssertions.RefusedAsync(
            () => B.DeleteMedicalTranscriptionJobAsync(new DeleteMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "private-delete" }).ResponseAsync,
            StatusCode.InvalidArgument, "BadRequestException");
        await A.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "private-delete" });
    }

    [Fact]
    public async Task List_shows_only_the_callers_jobs()
    {
        await A.StartMedicalTranscriptionJobAsync(Job("listed-a"));
        await B.StartMedicalTranscriptionJobAsync(Job("listed-b", outputBucket: "out-b"));
        var names = (await B.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest { MaxResults = 100 }))
            .MedicalTranscriptionJobSummaries.Select(s => s.MedicalTranscriptionJobName);
        Assert.Contains("listed-b", names);
        Assert.DoesNotContain("listed-a", names);
    }

    [Fact]
    public async Task Another_accounts_job_cannot_be_tagged_or_its_tags_listed()
    {
        await A.StartMedicalTranscriptionJobAsync(Job("private-tags"));
        var tag = new TagResourceRequest { ResourceArn = JobArn(AccountA, "private-tags") };
        tag.Tags.Add(new Tag { Key = "owner", Value = "b" });
        await JobAssertions.RefusedAsync(() => B.TagResourceAsync(tag).ResponseAsync, StatusCode.NotFound, "NotFoundException");
        await JobAssertions.RefusedAsync(
            () => B.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = JobArn(AccountA, "private-tags") }).ResponseAsync,
            StatusCode.NotFound, "NotFoundException");
    }

    [Fact]
    public async Task A_job_is_tagged_under_its_own_accounts_arn()
    {
        await A.StartMedicalTranscriptionJobAsync(Job("own-tags"));
        var tag = new TagResourceRequest { ResourceArn = JobArn(AccountA, "own-tags") };
        tag.Tags.Add(new Tag { Key = "clinic", Value = "north" });
        await A.TagResourceAsync(tag);
        var tags = await A.ListTagsForResourceAsync(new ListTagsForResourceRequest { ResourceArn = JobArn(AccountA, "own-tags") });
        Assert.Equal("north", Assert.Single(tags.Tags).Value);
    }

    [Fact]
    public async Task The_transcript_carries_the_callers_account()
    {
        await B.StartMedicalTranscriptionJobAsync(Job("whose-transcript", outputBucket: "out-b"));
        var final = await FinalEventAsync(B, "whose-transcript");
        Assert.Equal(TranscriptionJobStatus.Completed, final.MedicalTranscriptionJob.TranscriptionJobStatus);
        Assert.Equal(AccountB, final.Transcript.AccountId);
        Assert.Contains($"\"accountId\":\"{AccountB}\"", _server.ReadObjectText("out-b", "whose-transcript.json")!.Replace(" ", ""));
    }

    [Fact]
    public async Task Two_accounts_may_each_have_a_vocabulary_of_the_same_name()
    {
        await CreateVocabularyAsync(A, "shared-name");
        await CreateVocabularyAsync(B, "shared-name");
        var names = (await B.ListMedicalVocabulariesAsync(new ListMedicalVocabulariesRequest())).Vocabularies.Select(v => v.VocabularyName);
        Assert.Equal(["shared-name"], names);
    }

    [Fact]
    public async Task Another_accounts_vocabulary_is_not_found()
    {
        await CreateVocabularyAsync(A, "private-vocabulary");
        await JobAssertions.RefusedAsync(
            () => B.GetMedicalVocabularyAsync(new GetMedicalVocabularyRequest { VocabularyName = "private-vocabulary" }).ResponseAsync,
            StatusCode.NotFound, "NotFoundException");
        await JobAssertions.RefusedAsync(
            () => B.DeleteMedicalVocabularyAsync(new DeleteMedicalVocabularyRequest { VocabularyName = "private-vocabulary" }).ResponseAsync,
            StatusCode.NotFound, "NotFoundException");
        Assert.DoesNotContain("private-vocabulary",
            (await B.ListMedicalVocabulariesAsync(new ListMedicalVocabulariesRequest())).Vocabularies.Select(v => v.VocabularyName));
    }

    [Fact]
    public async Task A_job_cannot_use_another_accounts_vocabulary()
    {
        await CreateVocabularyAsync(A, "a-only");
        var request = Job("borrowing", outputBucket: "out-b");
        request.Settings = new MedicalTranscriptionSetting { VocabularyName = "a-only" };
        var e = await JobAssertions.RefusedAsync(() => B.StartMedicalTranscriptionJobAsync(request).ResponseAsync,
            StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("couldn't be found", e.Status.Detail);
    }
}
