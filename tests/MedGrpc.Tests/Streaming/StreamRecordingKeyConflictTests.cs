using Google.Protobuf;
using Grpc.Core;
using MedGrpc.Client;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Streaming;

/// <summary>
/// A recorded stream whose key a folder bucket can no longer hold when the stream ends (an object now sits where the key
/// needs a folder). Folder buckets only, so not in the integration suite: S3 holds "a" and "a/b" side by side.
/// </summary>
public sealed class StreamRecordingKeyConflictTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_key_running_through_an_object_ends_the_stream_with_BadRequestException_and_a_FAILED_job()
    {
        await PutAsync("out", "occupied", [1]);
        var settings = StreamAudio.Settings();
        settings.OutputBucketName = "out";
        settings.OutputKey = "occupied/";
        settings.MedicalTranscriptionJobName = "key-conflict-note";

        var e = await Assert.ThrowsAsync<MedicalTranscriptionException>(() =>
            fixture.Server.StreamAllAsync(settings, StreamAudio.Encode(SpeechSet.Audio("dev-real-goforward.wav"), "pcm", 3)));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("BadRequestException", e.AwsError);
        Assert.Contains(e.FieldViolations, v => v.Field == "outputKey");
        var job = (await fixture.Server.Jobs.GetMedicalTranscriptionJobAsync(
            new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "key-conflict-note" })).MedicalTranscriptionJob;
        Assert.Equal(TranscriptionJobStatus.Failed, job.TranscriptionJobStatus);
        Assert.Contains("runs through", job.FailureReason);
    }

    private async Task PutAsync(string bucket, string key, byte[] content)
    {
        using var call = fixture.Server.Objects.PutObject();
        await call.RequestStream.WriteAsync(new PutObjectRequest { Location = new ObjectLocation { Bucket = bucket, Key = key } });
        await call.RequestStream.WriteAsync(new PutObjectRequest { Chunk = ByteString.CopyFrom(content) });
        await call.RequestStream.CompleteAsync();
        await call;
    }
}
