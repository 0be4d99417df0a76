using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1;

namespace MedGrpc.Tests.Polyglot;

/// <summary>
/// A server reflection client that asks what grpcurl asks (grpc.reflection.v1, one stream for every
/// question): the services for "list"; for "describe", the file holding a symbol and then, by name,
/// each file it imports that has not come yet, built into descriptors with nothing compiled in.
/// </summary>
public sealed class ReflectionClient : IAsyncDisposable
{
    private readonly AsyncDuplexStreamingCall<ServerReflectionRequest, ServerReflectionResponse> _call;

    public ReflectionClient(GrpcChannel channel) => _call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();

    public async Task<IReadOnlyList<string>> ListServicesAsync() =>
        (await AskAsync(new ServerReflectionRequest { ListServices = "" })).ListServicesResponse.Service.Select(s => s.Name).ToList();

    /// <summary>The file declaring the symbol, and every file it imports, built in dependency order.</summary>
    public async Task<IReadOnlyList<FileDescriptor>> FilesForSymbolAsync(string symbol)
    {
        var files = new Dictionary<string, ByteString>();
        var pending = new Queue<ByteString>((await AskAsync(new ServerReflectionRequest { FileContainingSymbol = symbol })).FileDescriptorResponse.FileDescriptorProto);
        while (pending.TryDequeue(out var bytes))
        {
            var proto = FileDescriptorProto.Parser.ParseFrom(bytes);
            if (!files.TryAdd(proto.Name, bytes)) continue;
            foreach (var import in proto.Dependency.Where(d => !files.ContainsKey(d)))
                foreach (var more in (await AskAsync(new ServerReflectionRequest { FileByFilename = import })).FileDescriptorResponse.FileDescriptorProto)
                    pending.Enqueue(more);
        }
        return FileDescriptor.BuildFromByteStrings(InDependencyOrder(files));
    }

    // BuildFromByteStrings resolves each file's imports among the files before it.
    private static List<ByteString> InDependencyOrder(Dictionary<string, ByteString> files)
    {
        var ordered = new List<ByteString>();
        var placed = new HashSet<string>();
        void Place(string name)
        {
            if (!placed.Add(name)) return;
            foreach (var import in FileDescriptorProto.Parser.ParseFrom(files[name]).Dependency) Place(import);
            ordered.Add(files[name]);
        }
        foreach (var name in files.Keys) Place(name);
        return ordered;
    }

    private async Task<ServerReflectionResponse> AskAsync(ServerReflectionRequest request)
    {
        await _call.RequestStream.WriteAsync(request);
        if (!await _call.ResponseStream.MoveNext(CancellationToken.None)) throw new InvalidOperationException("the reflection stream ended");
        var response = _call.ResponseStream.Current;
        if (response.ErrorResponse is { } error) throw new InvalidOperationException($"reflection: {error.ErrorMessage} ({error.ErrorCode})");
        return response;
    }

    public async ValueTask DisposeAsync()
    {
        await _call.RequestStream.CompleteAsync();
        _call.Dispose();
    }
}
