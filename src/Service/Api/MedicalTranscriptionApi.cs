using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Jobs;
using MedGrpc.Core.Model;
using MedGrpc.Core.Options;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Streaming;
using MedGrpc.Core.Tags;
using MedGrpc.Core.Transcripts;
using MedGrpc.Core.Vocabularies;
using MedGrpc.Transcribe.V1;
using Microsoft.Extensions.Options;
using Job = MedGrpc.Core.Model.Job;

namespace MedGrpc.Service.Api;

/// <summary>
/// The MedicalTranscription gRPC service: a thin edge over <see cref="JobService"/> and <see cref="JobWatch"/>;
/// its vocabulary and tag operations are in the files beside this one.
/// </summary>
public sealed partial class MedicalTranscriptionApi(
    JobService jobs, JobWatch watch, TranscriptWriter transcripts, VocabularyService vocabularies, TagService tags,
    CallerAccount callers, IHostApplicationLifetime lifetime, StreamTranscriber streams, IOptions<MedGrpcOptions> options,
    ILogger<MedicalTranscriptionApi> log)
    : MedicalTranscription.MedicalTranscriptionBase
{
    private readonly VocabularyService _vocabularies = vocabularies;
    private readonly TagService _tags = tags;
    private readonly CallerAccount _callers = callers;
    private readonly StreamTranscriber _streams = streams;
    private readonly LimitsOptions _limits = options.Value.Limits;
    private readonly ILogger<MedicalTranscriptionApi> _streamLog = log;

    public override async Task<StartMedicalTranscriptionJobResponse> StartMedicalTranscriptionJob(
        StartMedicalTranscriptionJobRequest request, ServerCallContext context)
    {
        var job = await jobs.StartAsync(_callers.Of(context), ProtoMapping.ToDomain(request), context.CancellationToken);
        return new StartMedicalTranscriptionJobResponse { MedicalTranscriptionJob = ProtoMapping.ToProto(job) };
    }

    public override async Task<GetMedicalTranscriptionJobResponse> GetMedicalTranscriptionJob(
        GetMedicalTranscriptionJobRequest request, ServerCallContext context)
    {
        var job = await jobs.GetAsync(_callers.Resource(context, request.MedicalTranscriptionJobName), context.CancellationToken);
        return new GetMedicalTranscriptionJobResponse { MedicalTranscriptionJob = ProtoMapping.ToProto(job) };
    }

    public override async Task<ListMedicalTranscriptionJobsResponse> ListMedicalTranscriptionJobs(
        ListMedicalTranscriptionJobsRequest request, ServerCallContext context)
    {
        var page = await jobs.ListAsync(_callers.Of(context), ProtoMapping.ToDomain(request), context.CancellationToken);
        var response = new ListMedicalTranscriptionJobsResponse { Status = request.Status };
        response.MedicalTranscriptionJobSummaries.AddRange(page.Jobs.Select(ProtoMapping.ToSummary));
        if (page.NextToken is { } token) response.NextToken = token;
        return response;
    }

    public override async Task<DeleteMedicalTranscriptionJobResponse> DeleteMedicalTranscriptionJob(
        DeleteMedicalTranscriptionJobRequest request, ServerCallContext context)
    {
        await jobs.DeleteAsync(_callers.Resource(context, request.MedicalTranscriptionJobName), context.CancellationToken);
        return new DeleteMedicalTranscriptionJobResponse();
    }

    public override async Task WatchJob(WatchJobRequest request, IServerStreamWriter<JobEvent> responseStream, ServerCallContext context)
    {
        // A server shutting down ends its streams with UNAVAILABLE, the status that tells a client to call again (elsewhere).
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await foreach (var job in watch.WatchAsync(_callers.Resource(context, request.MedicalTranscriptionJobName), watching.Token))
            {
                var jobEvent = new JobEvent
                {
                    MedicalTranscriptionJob = ProtoMapping.ToProto(job),
                    ProgressPercent = job.ProgressPercent,
                    Stage = job.Stage,
                    EventTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
                };
                if (job.Status == JobStatus.Completed) jobEvent.Transcript = await ReadTranscriptAsync(job, watching.Token);
                await responseStream.WriteAsync(jobEvent, watching.Token);
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            throw new ServiceException(AwsError.ServiceUnavailableException,
                "The server is shutting down. Watch the job again to follow it on; it is not lost.");
        }
    }

    // The JSON object in the bucket is the transcript; the message is parsed from it (TranscriptMessage).
    private async Task<Transcript?> ReadTranscriptAsync(Job job, CancellationToken ct)
    {
        if (job.TranscriptFileUri is null || !S3Location.TryParse(job.TranscriptFileUri, out var location)) return null;
        var json = await transcripts.ReadJsonAsync(location, TranscriptWriter.Sealing.For(job.Request), ct);
        return json is null ? null : TranscriptMessage.Parse(json);
    }
}
