using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Api;

/// <summary>What grpcurl and orchestrators rely on: server reflection and the standard health service.</summary>
[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class HealthAndReflectionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private readonly TestServer _server = fixture.Server;

    [Fact]
    public async Task The_health_service_reports_serving_once_the_engine_is_loaded() =>
        await HealthProbe.WaitForAsync(_server.Channel, HealthCheckResponse.Types.ServingStatus.Serving);

    [Fact]
    public async Task The_liveness_service_reports_serving() =>
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await HealthProbe.CheckAsync(_server.Channel, "liveness"));

    [Fact]
    public async Task Reflection_lists_the_services_as_grpcurl_list_would()
    {
        using var call = new ServerReflection.ServerReflectionClient(_server.Channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("medgrpc.transcribe.v1.MedicalTranscription", names);
        Assert.Contains("medgrpc.transcribe.v1.ObjectStore", names);
        Assert.Contains("grpc.health.v1.Health", names);
    }

    [Fact]
    public async Task Reflection_describes_the_service_file_as_grpcurl_describe_would()
    {
        using var call = new ServerReflection.ServerReflectionClient(_server.Channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "medgrpc.transcribe.v1.MedicalTranscription" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto
            .Select(b => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(b)).ToList();
        var service = files.SelectMany(f => f.Service).Single(s => s.Name == "MedicalTranscription");
        Assert.Contains(service.Method, m => m.Name == "WatchJob" && m.ServerStreaming);
        Assert.Contains(service.Method, m => m.Name == "StartMedicalTranscriptionJob");
    }
}
