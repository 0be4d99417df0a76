using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Cli;

/// <summary>
/// One channel to the service at --address, and the clients of its two services. A key in
/// MEDGRPC_API_KEY goes with every call (an environment variable, so it stays out of shell history).
/// </summary>
internal sealed class ServiceConnection : IDisposable
{
    private readonly GrpcChannel _channel;

    public ServiceConnection(Uri address)
    {
        Address = address;
        _channel = GrpcChannel.ForAddress(address);
        var apiKey = Environment.GetEnvironmentVariable("MEDGRPC_API_KEY");
        var invoker = string.IsNullOrEmpty(apiKey)
            ? _channel.CreateCallInvoker()
            : _channel.Intercept(headers =>
            {
                headers.Add("authorization", $"Bearer {apiKey}");
                return headers;
            });
        Jobs = new MedicalTranscription.MedicalTranscriptionClient(invoker);
        Objects = new ObjectStore.ObjectStoreClient(invoker);
    }

    public Uri Address { get; }

    public MedicalTranscription.MedicalTranscriptionClient Jobs { get; }

    public ObjectStore.ObjectStoreClient Objects { get; }

    public void Dispose() => _channel.Dispose();
}
