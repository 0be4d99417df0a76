using Grpc.Core;
using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Vocabularies;
using MedGrpc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MedGrpc.Tests.Vocabularies;

/// <summary>Vocabularies survive restarts, and the quota of 100 holds; each test has a server of its own.</summary>
[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class VocabularyRecoveryTests : IAsyncLifetime
{
    private readonly TestServer _server = new();

    public Task InitializeAsync() => _server.StartAppAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private IVocabularyStore Store => _server.Services.GetRequiredService<IVocabularyStore>();

    private static Vocabulary Pending(string name, string fileUri) => new()
    {
        AccountId = "000000000000", Name = name, LanguageCode = "en-US", FileUri = fileUri, State = VocabularyState.Pending, CreationTime = DateTimeOffset.UtcNow, LastModifiedTime = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task A_vocabulary_left_PENDING_by_a_stopped_server_is_read_at_the_next_start()
    {
        _server.CreateBucket("media");
        await Store.TryInsertAsync(Pending("interrupted", _server.PutTable("vocabularies/interrupted.txt", "metformin\t\t\t")), default);

        await _server.StopAppAsync();
        await _server.StartAppAsync();

        Assert.Equal(Transcribe.V1.VocabularyState.Ready, (await _server.WaitUntilSettledAsync("interrupted")).VocabularyState);
    }

    [Fact]
    public async Task A_vocabulary_whose_reader_died_is_read_by_a_running_server()
    {
        await using var server = new TestServer(settings: "--MedGrpc:PendingVocabularySweepSeconds=0.5");
        await server.StartAppAsync();
        server.CreateBucket("media");
        // PENDING for an hour and in no queue here: the replica that took it up died reading it.
        var orphan = Pending("orphaned", server.PutTable("vocabularies/orphaned.txt", "metformin\t\t\t")) with { LastModifiedTime = DateTimeOffset.UtcNow.AddHours(-1) };
        await server.Services.GetRequiredService<IVocabularyStore>().TryInsertAsync(orphan, default);

        Assert.Equal(Transcribe.V1.VocabularyState.Ready, (await server.WaitUntilSettledAsync("orphaned")).VocabularyState);
    }

    [Fact]
    public async Task A_READY_vocabulary_is_still_READY_after_a_restart()
    {
        _server.CreateBucket("media");
        await _server.CreateVocabularyAsync("kept", "metformin\t\t\t");

        await _server.StopAppAsync();
        await _server.StartAppAsync();

        Assert.Equal(Transcribe.V1.VocabularyState.Ready, (await _server.WaitUntilSettledAsync("kept")).VocabularyState);
    }

    [Fact]
    public async Task The_101st_vocabulary_is_a_LimitExceededException()
    {
        _server.CreateBucket("media");
        for (var i = 0; i < VocabularyService.MaxVocabularies; i++)
            await Store.TryInsertAsync(Pending($"quota-{i}", "s3://media/none.txt") with { State = VocabularyState.Failed }, default);

        var uri = _server.PutTable("vocabularies/one-more.txt", "metformin\t\t\t");
        var e = await JobAssertions.RefusedAsync(() => _server.Jobs.CreateMedicalVocabularyAsync(Support.Vocabularies.Create("one-more", uri)).ResponseAsync,
            StatusCode.ResourceExhausted, "LimitExceededException");
        Assert.Contains("limit of 100", e.Status.Detail);
    }
}
