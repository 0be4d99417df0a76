using MedGrpc.Service.Api;
using MedGrpc.Service.Diarization;
using MedGrpc.Service.Engines;
using MedGrpc.Service.Engines.PocketSphinx;
using MedGrpc.Service.Health;
using MedGrpc.Service.Jobs;
using MedGrpc.Service.Media;
using MedGrpc.Service.Options;
using MedGrpc.Service.Storage;
using MedGrpc.Service.Tags;
using MedGrpc.Service.Transcripts;
using MedGrpc.Service.Vocabularies;
using MedGrpc.Service.Vocabularies.Pronunciation;

namespace MedGrpc.Service;

/// <summary>Builds the service: the one place that says which implementation serves which interface.</summary>
public static class ServiceHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Content root is the build output, so appsettings.json is found from any working directory;
        // relative paths in configuration (DataDir) stay relative to the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);

        builder.Services.AddOptions<MedGrpcOptions>().Bind(builder.Configuration.GetSection(MedGrpcOptions.Section));
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<ErrorInterceptor>());
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<JobStoreHealthCheck>("job-store");

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SqliteDatabase>();
        builder.Services.AddSingleton<IJobStore, SqliteJobStore>();
        builder.Services.AddSingleton<IVocabularyStore, SqliteVocabularyStore>();
        builder.Services.AddSingleton<ITagStore, SqliteTagStore>();
        builder.Services.AddSingleton<IObjectStore, FolderObjectStore>();
        builder.Services.AddSingleton<IJobEvents, InProcessJobEvents>();
        builder.Services.AddSingleton<ITranscriptionEngine, PocketSphinxEngine>();
        builder.Services.AddSingleton<ISpeakerDiarizer, BicDiarizer>();
        builder.Services.AddSingleton<JobQueue>();
        builder.Services.AddSingleton<JobLifecycle>();
        builder.Services.AddSingleton<JobService>();
        builder.Services.AddSingleton<JobWatch>();
        builder.Services.AddSingleton<JobProcessor>();
        builder.Services.AddSingleton<MediaProbe>();
        builder.Services.AddSingleton<MediaDecoder>();
        builder.Services.AddSingleton<TranscriptWriter>();
        builder.Services.AddHostedService<JobWorkers>();
        builder.Services.AddSingleton<ResourceArns>();
        builder.Services.AddSingleton<TagService>();
        builder.Services.AddSingleton<VocabularyLifecycle>();
        builder.Services.AddSingleton<VocabularyQueue>();
        builder.Services.AddSingleton<VocabularyService>();
        builder.Services.AddSingleton<VocabularyProcessor>();
        builder.Services.AddSingleton<PronunciationDictionary>();
        builder.Services.AddSingleton<GraphemeToPhoneme>();
        builder.Services.AddSingleton<VocabularyPronouncer>();
        builder.Services.AddHostedService<VocabularyWorker>();

        var app = builder.Build();
        app.MapGrpcService<MedicalTranscriptionApi>();
        app.MapGrpcService<ObjectStoreApi>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        return app;
    }
}
