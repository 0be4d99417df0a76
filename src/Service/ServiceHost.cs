using Microsoft.Extensions.Options;
using MedGrpc.Core.Diarization;
using MedGrpc.Core.Engines;
using MedGrpc.Core.Jobs;
using MedGrpc.Core.Options;
using MedGrpc.Core.Paging;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Streaming;
using MedGrpc.Core.Resources;
using MedGrpc.Core.Tags;
using MedGrpc.Core.Transcripts;
using MedGrpc.Core.Vocabularies;
using MedGrpc.Engines.PocketSphinx;
using MedGrpc.Engines.Whisper;
using MedGrpc.Ffmpeg;
using MedGrpc.Service.Api;
using MedGrpc.Service.AwsApi;
using MedGrpc.Service.Health;
using MedGrpc.Service.Telemetry;
using MedGrpc.Service.Tls;
using MedGrpc.Service.Options;
using MedGrpc.Storage.Embedded;
using MedGrpc.Storage.ScaleOut;

namespace MedGrpc.Service;

/// <summary>Builds the service: the one place that says which implementation serves which interface.</summary>
public static class ServiceHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Content root is the build output, so appsettings.json is found from any working directory;
        // relative paths in configuration (DataDir) stay relative to the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        // The site's settings file, read again when it changes: before anything reads the configuration.
        var settingsFile = SettingsFile.Add(builder);
        configure?.Invoke(builder);

        // One configuration section, each key read by the project that owns it.
        builder.Services.AddOptions<MedGrpcOptions>().Bind(builder.Configuration.GetSection(MedGrpcOptions.Section));
        builder.Services.AddOptions<ServiceOptions>().Bind(builder.Configuration.GetSection(ServiceOptions.Section));
        builder.Services.AddOptions<PostgresOptions>().Bind(builder.Configuration.GetSection(PostgresOptions.Section));
        builder.Services.AddOptions<S3Options>().Bind(builder.Configuration.GetSection(S3Options.Section));
        builder.Services.AddOptions<PocketSphinxOptions>().Bind(builder.Configuration.GetSection(PocketSphinxOptions.Section));
        builder.Services.AddOptions<WhisperOptions>().Bind(builder.Configuration.GetSection(WhisperOptions.Section));
        builder.Services.AddOptions<MediaOptions>().Bind(builder.Configuration.GetSection(MediaOptions.Section));
        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<AuditInterceptor>();
            grpc.Interceptors.Add<MetricsInterceptor>();
            grpc.Interceptors.Add<ErrorInterceptor>();
            grpc.Interceptors.Add<AuthInterceptor>();
            grpc.Interceptors.Add<RateLimitInterceptor>();
        });
        builder.Services.AddSingleton<UnreadableMessageLog>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<AuditInterceptor>();
        // gRPC logs at Information, with the parser's stack trace, every request message it can't read; the service
        // refuses and logs those itself (UnreadableMessageLog: once per caller and minute, no stack trace).
        builder.Logging.AddFilter("Grpc.AspNetCore.Server.ServerCallHandler", LogLevel.Warning);
        builder.Services.AddSingleton<AuthInterceptor>();
        builder.Services.AddSingleton<RateLimitInterceptor>();
        builder.Services.AddSingleton<CallerRateLimits>();
        builder.Services.AddGrpcReflection();
        builder.Services.AddMedGrpcHealthChecks();

        builder.Services.AddSingleton(TimeProvider.System);
        var core = builder.Configuration.GetSection(MedGrpcOptions.Section).Get<MedGrpcOptions>() ?? new MedGrpcOptions();
        var service = builder.Configuration.GetSection(ServiceOptions.Section).Get<ServiceOptions>() ?? new ServiceOptions();
        // The host waits for the workers' grace period, and a little more for the hand-back itself.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(Math.Max(0, core.ShutdownGraceSeconds) + 5));
        builder.Services.AddMedGrpcTelemetry(service);
        builder.AddAwsApi(service.AwsApi);
        builder.Services.AddSingleton<ClientCertificates>();
        builder.AddTls();
        builder.Services.AddSingleton<MetricsInterceptor>();
        AddStore(builder.Services, service.Store);
        AddObjects(builder.Services, service.Objects);
        AddEngine(builder.Services, service.Engine);
        builder.Services.AddSingleton<ISpeakerDiarizer, BicDiarizer>();
        builder.Services.AddSingleton<JobLifecycle>();
        builder.Services.AddSingleton<JobService>();
        builder.Services.AddSingleton<JobWatch>();
        builder.Services.AddSingleton<JobProcessor>();
        // The engine's capacity, shared by every job's pieces (and to be shared by live streams).
        builder.Services.AddSingleton<DecoderPool>();
        builder.Services.AddSingleton<IMediaProbe, MediaProbe>();
        builder.Services.AddSingleton(sp => new MediaDecoder(sp.GetRequiredService<IOptions<MediaOptions>>()));
        builder.Services.AddSingleton<IMediaDecoder>(sp => sp.GetRequiredService<MediaDecoder>());
        builder.Services.AddSingleton<ILiveAudioDecoder, LiveAudioDecoder>();
        builder.Services.AddSingleton<IEngineCapacity, StreamSlots>();
        builder.Services.AddSingleton<StreamTranscriber>();
        builder.Services.AddSingleton<TranscriptWriter>();
        builder.Services.AddSingleton<KeyRing>();
        builder.Services.AddSingleton<PageTokens>();
        builder.Services.AddHostedService<JobWorkers>();
        builder.Services.AddSingleton<JobRetention>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<JobRetention>());
        builder.Services.AddSingleton<ResourceArns>();
        builder.Services.AddSingleton<CallerAccount>();
        builder.Services.AddSingleton<TagService>();
        builder.Services.AddSingleton<VocabularyLifecycle>();
        builder.Services.AddSingleton<VocabularyQueue>();
        builder.Services.AddSingleton<VocabularyService>();
        builder.Services.AddSingleton<VocabularyProcessor>();
        builder.Services.AddSingleton<PronunciationDictionary>();
        builder.Services.AddSingleton<GraphemeToPhoneme>();
        // Vocabulary phrases are pronounced in PocketSphinx's phone set whichever engine transcribes.
        builder.Services.AddSingleton<IPronouncer, VocabularyPronouncer>();
        builder.Services.AddHostedService<VocabularyWorker>();

        var app = builder.Build();
        settingsFile?.LogTo(app.Services.GetRequiredService<ILogger<SettingsFile>>());
        // Built now, so a bad key list stops the start and "authentication is off" is said at start, not at the first call.
        app.Services.GetRequiredService<AuthInterceptor>();
        app.Services.GetRequiredService<KeyRing>();
        app.Services.GetRequiredService<PageTokens>();
        app.Services.GetRequiredService<MediaDecoder>().CheckNoiseReduction();
        // And the engine: a missing or unreadable Whisper model stops the start with the file and the command that fetches it.
        try
        {
            app.Services.GetRequiredService<ITranscriptionEngine>();
        }
        catch
        {
            ((IDisposable)app).Dispose(); // what was built so far (the job store) is let go
            throw;
        }
        app.UseUnreadableMessageRefusal();
        app.MapGrpcService<MedicalTranscriptionApi>();
        app.MapGrpcService<ObjectStoreApi>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        app.MapAwsApi(service.AwsApi);
        return app;
    }

    /// <summary>MedGrpc:Store: jobs, vocabularies, tags, the queue and watch events, all in one place.</summary>
    private static void AddStore(IServiceCollection services, string kind)
    {
        switch (kind.ToLowerInvariant())
        {
            case StoreKinds.Sqlite:
                services.AddSingleton<SqliteDatabase>();
                services.AddSingleton<IJobStore, SqliteJobStore>();
                services.AddSingleton<IVocabularyStore, SqliteVocabularyStore>();
                services.AddSingleton<ITagStore, SqliteTagStore>();
                services.AddSingleton<IServiceSecrets, SqliteServiceSecrets>();
                services.AddSingleton<IJobQueue, InProcessJobQueue>();
                services.AddSingleton<IJobEvents, InProcessJobEvents>();
                break;
            case StoreKinds.Postgres:
                services.AddSingleton<PostgresDatabase>();
                services.AddSingleton<IJobStore, PostgresJobStore>();
                services.AddSingleton<IVocabularyStore, PostgresVocabularyStore>();
                services.AddSingleton<ITagStore, PostgresTagStore>();
                services.AddSingleton<IServiceSecrets, PostgresServiceSecrets>();
                services.AddSingleton<PostgresNotifications>();
                // Started before the job workers, so the first LISTEN is in place when they look for work.
                services.AddHostedService(sp => sp.GetRequiredService<PostgresNotifications>());
                services.AddSingleton<IJobQueue, PostgresJobQueue>();
                services.AddSingleton<IJobEvents, PostgresJobEvents>();
                break;
            default:
                throw new InvalidOperationException($"MedGrpc:Store is '{kind}': use '{StoreKinds.Sqlite}' or '{StoreKinds.Postgres}'.");
        }
    }

    /// <summary>MedGrpc:Engine: what turns speech into words. PocketSphinx needs nothing beyond Debian's packages; Whisper a model file.</summary>
    private static void AddEngine(IServiceCollection services, string kind)
    {
        switch (kind.ToLowerInvariant())
        {
            case EngineKinds.PocketSphinx:
                services.AddSingleton<ITranscriptionEngine, PocketSphinxEngine>();
                break;
            case EngineKinds.Whisper:
                services.AddSingleton<ITranscriptionEngine, WhisperEngine>();
                break;
            default:
                throw new InvalidOperationException($"MedGrpc:Engine is '{kind}': use '{EngineKinds.PocketSphinx}' or '{EngineKinds.Whisper}'.");
        }
    }

    /// <summary>MedGrpc:Objects: where buckets live.</summary>
    private static void AddObjects(IServiceCollection services, string kind)
    {
        switch (kind.ToLowerInvariant())
        {
            case ObjectKinds.Folder:
                services.AddSingleton<IObjectStore, FolderObjectStore>();
                break;
            case ObjectKinds.S3:
                services.AddSingleton<IObjectStore, S3ObjectStore>();
                break;
            default:
                throw new InvalidOperationException($"MedGrpc:Objects is '{kind}': use '{ObjectKinds.Folder}' or '{ObjectKinds.S3}'.");
        }
    }
}
