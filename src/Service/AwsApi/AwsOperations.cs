using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using MedGrpc.Service.Api;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Service.AwsApi;

/// <summary>
/// The operations the AWS endpoint serves, read off the MedicalTranscription service's descriptor: every unary method
/// (the twelve AWS operations; WatchJob streams and is gRPC's alone), under its AWS name. Each is the very method of
/// the gRPC edge (<see cref="MedicalTranscriptionApi"/>), so both edges share one mapping to the core and can't drift.
/// </summary>
public sealed class AwsOperations
{
    /// <summary>The X-Amz-Target prefix of Transcribe's operations.</summary>
    public const string TargetPrefix = "Transcribe.";

    private readonly Dictionary<string, AwsOperation> _byName;

    public AwsOperations(IServiceProvider services)
    {
        // Stateless (singletons injected), so one instance serves every call.
        var api = ActivatorUtilities.CreateInstance<MedicalTranscriptionApi>(services);
        _byName = MedicalTranscriptionReflection.Descriptor.Services.Single(s => s.Name == "MedicalTranscription").Methods
            .Where(m => !m.IsClientStreaming && !m.IsServerStreaming)
            .Select(m => new AwsOperation(m.Name, m.InputType, Invoker(api, m)))
            .ToDictionary(o => o.Name, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Names => _byName.Keys;

    /// <summary>The operation an X-Amz-Target names ("Transcribe.GetMedicalTranscriptionJob"), or null.</summary>
    public AwsOperation? Find(string? target) =>
        target is not null && target.StartsWith(TargetPrefix, StringComparison.Ordinal) && _byName.TryGetValue(target[TargetPrefix.Length..], out var operation)
            ? operation
            : null;

    private static Func<IMessage, ServerCallContext, Task<IMessage>> Invoker(MedicalTranscriptionApi api, MethodDescriptor method)
    {
        var implementation = typeof(MedicalTranscriptionApi).GetMethod(method.Name, [method.InputType.ClrType, typeof(ServerCallContext)])
            ?? throw new InvalidOperationException($"MedicalTranscriptionApi has no {method.Name}.");
        var bind = typeof(AwsOperations).GetMethod(nameof(Bind), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(method.InputType.ClrType, method.OutputType.ClrType);
        return (Func<IMessage, ServerCallContext, Task<IMessage>>)bind.Invoke(null, [api, implementation])!;
    }

    private static Func<IMessage, ServerCallContext, Task<IMessage>> Bind<TRequest, TResponse>(MedicalTranscriptionApi api, MethodInfo implementation)
        where TRequest : IMessage where TResponse : IMessage
    {
        var call = implementation.CreateDelegate<Func<TRequest, ServerCallContext, Task<TResponse>>>(api);
        return async (request, context) => await call((TRequest)request, context);
    }
}

/// <summary>One operation: its AWS name, its request's descriptor and the call.</summary>
public sealed record AwsOperation(string Name, MessageDescriptor Request, Func<IMessage, ServerCallContext, Task<IMessage>> InvokeAsync);
