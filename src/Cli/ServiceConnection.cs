using Grpc.Net.Client;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Cli;

/// <summary>One channel to the service at --address, and the clients of its two services.</summary>
internal sealed class ServiceConnection : IDisposable
{
    private readonly GrpcChannel _channel;

    public ServiceConnection(Uri address)
    {
        Address = address;
        _channel = GrpcChannel.ForAddress(address);
        Jobs = new MedicalTranscription.MedicalTranscriptionClient(_channel);
        Objects = new ObjectStore.ObjectStoreClient(_channel);
    }

    public Uri Address { get; }

    public MedicalTranscription.MedicalTranscriptionClient Jobs { get; }

    public ObjectStore.ObjectStoreClient Objects { get; }

    public void Dispose() => _channel.Dispose();
}
