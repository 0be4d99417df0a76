using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using MedGrpc.Core.Transcripts;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Transcripts;

/// <summary>Transcripts encrypted at rest with a key of the service's key ring, bound to the job's encryption context.</summary>
public sealed class TranscriptEncryptionTests : IAsyncLifetime
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly Dictionary<string, string> Context = new() { ["clinic"] = "north", ["purpose"] = "visit-notes" };
    private readonly TestServer _server = new(1, settings: ["--MedGrpc:Encryption:Keys:0:Id=alias/transcripts", $"--MedGrpc:Encryption:Keys:0:Key={Convert.ToBase64String(Key)}"]);

    public async Task InitializeAsync()
    {
        await _server.StartAppAsync();
        _server.CreateBucket("out");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private StartMedicalTranscriptionJobRequest Encrypted(string name)
    {
        var request = Requests.Dictation(name, _server.PutFile("media", $"{name}.wav", MediaFiles.GoForward));
        request.OutputEncryptionKmsKeyId = "alias/transcripts";
        request.KmsEncryptionContext.Add(Context);
        return request;
    }

    [Fact]
    public void A_sealed_transcript_opens_with_its_key_and_context()
    {
        var sealedBytes = TranscriptEncryption.Seal("{\"jobName\":\"x\"}"u8.ToArray(), "alias/transcripts", Key, Context);
        Assert.Equal("{\"jobName\":\"x\"}", Encoding.UTF8.GetString(TranscriptEncryption.Open(sealedBytes, Key, new Dictionary<string, string>(Context))));
        Assert.Equal("alias/transcripts", TranscriptEncryption.KeyIdOf(sealedBytes));
    }

    [Fact]
    public void A_sealed_transcript_does_not_open_with_another_context()
    {
        var sealedBytes = TranscriptEncryption.Seal("{}"u8.ToArray(), "alias/transcripts", Key, Context);
        Assert.ThrowsAny<CryptographicException>(() => TranscriptEncryption.Open(sealedBytes, Key, new Dictionary<string, string> { ["clinic"] = "south", ["purpose"] = "visit-notes" }));
        Assert.ThrowsAny<CryptographicException>(() => TranscriptEncryption.Open(sealedBytes, Key, null));
    }

    [Fact]
    public void A_sealed_transcript_does_not_open_with_another_key()
    {
        var sealedBytes = TranscriptEncryption.Seal("{}"u8.ToArray(), "alias/transcripts", Key, Context);
        Assert.ThrowsAny<CryptographicException>(() => TranscriptEncryption.Open(sealedBytes, RandomNumberGenerator.GetBytes(32), Context));
    }

    [Fact]
    public async Task The_object_in_the_bucket_is_ciphertext_and_the_watcher_still_gets_the_transcript()
    {
        var events = await _server.WatchToEndAsync((await _server.Jobs.StartMedicalTranscriptionJobAsync(Encrypted("sealed"))).MedicalTranscriptionJob.MedicalTranscriptionJobName);
        Assert.Equal(TranscriptionJobStatus.Completed, events[^1].MedicalTranscriptionJob.TranscriptionJobStatus);
        Assert.Contains("forward", string.Join(" ", events[^1].Transcript.Results.Transcripts.Select(t => t.Transcript)), StringComparison.OrdinalIgnoreCase);

        var stored = _server.ReadObject("out", "sealed.json")!;
        Assert.True(TranscriptEncryption.IsSealed(stored));
        Assert.DoesNotContain("forward", Encoding.UTF8.GetString(stored), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("forward", Encoding.UTF8.GetString(TranscriptEncryption.Open(stored, Key, Context)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_key_outside_the_key_ring_is_a_bad_request_at_start()
    {
        var request = Encrypted("unknown-key");
        request.OutputEncryptionKmsKeyId = "alias/someone-elses";
        var e = await JobAssertions.RefusedAsync(async () => await _server.Jobs.StartMedicalTranscriptionJobAsync(request), StatusCode.InvalidArgument, "BadRequestException");
        Assert.Contains("outputEncryptionKMSKeyId", e.Status.Detail);
    }
}
