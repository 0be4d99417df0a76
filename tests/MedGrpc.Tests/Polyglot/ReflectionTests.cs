using MedGrpc.Tests.Support;
using Xunit.Abstractions;

namespace MedGrpc.Tests.Polyglot;

/// <summary>
/// "grpcurl list" and "grpcurl describe" through the service's reflection, with nothing compiled in
/// on the client side. Each prints its answer in grpcurl's layout: docs/clients.md's grpcurl session shows it.
/// </summary>
public sealed class ReflectionTests(ServerFixture fixture, ITestOutputHelper output) : IClassFixture<ServerFixture>
{
    private const string WatchJob = "medgrpc.transcribe.v1.MedicalTranscription.WatchJob";

    [Fact]
    public async Task Listing_names_the_transcription_object_store_health_and_reflection_services()
    {
        await using var reflection = new ReflectionClient(fixture.Server.Channel);

        var services = await reflection.ListServicesAsync();

        foreach (var name in services.Order(StringComparer.Ordinal)) output.WriteLine(name);
        Assert.Contains("medgrpc.transcribe.v1.MedicalTranscription", services);
        Assert.Contains("medgrpc.transcribe.v1.ObjectStore", services);
        Assert.Contains("grpc.health.v1.Health", services);
        Assert.Contains("grpc.reflection.v1.ServerReflection", services);
    }

    [Fact]
    public async Task Describing_WatchJob_gives_a_server_stream_of_JobEvent_for_a_WatchJobRequest()
    {
        await using var reflection = new ReflectionClient(fixture.Server.Channel);

        var files = await reflection.FilesForSymbolAsync(WatchJob);

        var method = files.SelectMany(f => f.Services).Single(s => s.FullName == "medgrpc.transcribe.v1.MedicalTranscription")
            .FindMethodByName("WatchJob");
        output.WriteLine($"{WatchJob} is a method:");
        output.WriteLine($"rpc {method.Name} ( {(method.IsClientStreaming ? "stream " : "")}.{method.InputType.FullName} ) returns ( {(method.IsServerStreaming ? "stream " : "")}.{method.OutputType.FullName} );");
        Assert.True(method.IsServerStreaming);
        Assert.False(method.IsClientStreaming);
        Assert.Equal("medgrpc.transcribe.v1.WatchJobRequest", method.InputType.FullName);
        Assert.Equal("medgrpc.transcribe.v1.JobEvent", method.OutputType.FullName);
        Assert.Equal("medgrpc.transcribe.v1.Transcript", method.OutputType.FindFieldByName("transcript").MessageType.FullName);
    }
}
