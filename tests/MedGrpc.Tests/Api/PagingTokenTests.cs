using System.Text;
using Grpc.Core;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Api;

/// <summary>
/// NextToken is opaque and tamper-proof: only a token this service issued, for the same List, account and filters,
/// pages on; anything else is a BadRequest naming it.
/// </summary>
[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class PagingTokenTests : IAsyncLifetime
{
    private readonly TestServer _server = new(1);

    public async Task InitializeAsync()
    {
        await _server.StartAppAsync();
        _server.CreateBucket("out");
        _server.CreateBucket("media");
        var media = _server.PutFile("media", "paging.wav", MediaFiles.GoForward);
        foreach (var name in new[] { "paging-1", "paging-2", "paging-3" })
            await _server.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation(name, media));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<string> FirstTokenAsync(string contains)
    {
        var page = await _server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest { JobNameContains = contains, MaxResults = 1 });
        Assert.True(page.HasNextToken);
        return page.NextToken;
    }

    private Task<RpcException> RefusedAsync(ListMedicalTranscriptionJobsRequest request) =>
        JobAssertions.RefusedAsync(async () => await _server.Jobs.ListMedicalTranscriptionJobsAsync(request), StatusCode.InvalidArgument, "BadRequestException");

    [Fact]
    public async Task A_token_pages_on_under_the_filters_it_was_issued_for()
    {
        var token = await FirstTokenAsync("paging");
        var next = await _server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest { JobNameContains = "paging", MaxResults = 5, NextToken = token });
        Assert.Equal(["paging-2", "paging-1"], next.MedicalTranscriptionJobSummaries.Select(j => j.MedicalTranscriptionJobName));
    }

    [Fact]
    public async Task A_forged_token_is_a_bad_request_naming_NextToken()
    {
        var forged = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{DateTimeOffset.UtcNow.AddDays(1).UtcTicks}|zzz"));
        var e = await RefusedAsync(new ListMedicalTranscriptionJobsRequest { NextToken = forged });
        Assert.Contains("nextToken", e.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_token_used_with_other_filters_is_a_bad_request()
    {
        var token = await FirstTokenAsync("paging");
        await RefusedAsync(new ListMedicalTranscriptionJobsRequest { JobNameContains = "paging-", MaxResults = 1, NextToken = token });
    }

    [Fact]
    public async Task A_token_used_with_another_status_filter_is_a_bad_request()
    {
        var token = await FirstTokenAsync("paging");
        await RefusedAsync(new ListMedicalTranscriptionJobsRequest { JobNameContains = "paging", Status = TranscriptionJobStatus.Failed, NextToken = token });
    }

    [Fact]
    public async Task A_token_of_the_job_list_is_refused_by_the_vocabulary_list()
    {
        var token = await FirstTokenAsync("paging");
        await JobAssertions.RefusedAsync(async () => await _server.Jobs.ListMedicalVocabulariesAsync(new ListMedicalVocabulariesRequest { NextToken = token }),
            StatusCode.InvalidArgument, "BadRequestException");
    }

    [Fact]
    public async Task A_token_pages_on_after_a_restart()
    {
        var token = await FirstTokenAsync("paging");
        await _server.StopAppAsync();
        await _server.StartAppAsync();

        var next = await _server.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest { JobNameContains = "paging", NextToken = token });
        Assert.Equal(["paging-2", "paging-1"], next.MedicalTranscriptionJobSummaries.Select(j => j.MedicalTranscriptionJobName));
    }
}
