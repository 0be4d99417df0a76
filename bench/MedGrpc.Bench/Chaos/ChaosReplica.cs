using Grpc.Net.Client;
using MedGrpc.Bench.ScaleOut;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Bench.Chaos;

/// <summary>
/// One of the two replicas, on a port of its own that every restart serves on again, as behind a load balancer: the
/// bench's clients keep one channel to it, which finds the new process by itself. Each start has a fresh data dir
/// (a replica keeps nothing of its own: jobs are in PostgreSQL, objects in s3rver).
/// </summary>
public sealed class ChaosReplica : IDisposable
{
    private readonly Func<int, Task<ServiceProcess>> _start;
    private ServiceProcess? _process;

    private ChaosReplica(string name, int port, Func<int, Task<ServiceProcess>> start)
    {
        Name = name;
        Port = port;
        _start = start;
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        Log = new ReplicaLog(name);
    }

    public string Name { get; }

    public int Port { get; }

    /// <summary>The bench's own channel: it outlives the processes, reconnecting to each one in turn.</summary>
    public GrpcChannel Channel { get; }

    public MedicalTranscription.MedicalTranscriptionClient Jobs => new(Channel);

    public ObjectStore.ObjectStoreClient Objects => new(Channel);

    /// <summary>Counts over every process this replica has been.</summary>
    public ReplicaLog Log { get; }

    /// <summary>The process serving now.</summary>
    public int Pid => _process?.Pid ?? 0;

    /// <param name="start">Starts the service on the given port, with the given log.</param>
    public static async Task<ChaosReplica> StartAsync(string name, Func<int, ReplicaLog, Task<ServiceProcess>> start)
    {
        ChaosReplica? replica = null;
        replica = new ChaosReplica(name, ServiceProcess.FreePort(), port => start(port, replica!.Log));
        await replica.StartProcessAsync();
        return replica;
    }

    /// <summary>SIGKILL: the process ends at once, finishing nothing, holding its leases until they run out.</summary>
    public void Kill()
    {
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts the service again; returns once it serves. A start that never serves (the load) is tried again.</summary>
    public async Task StartProcessAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                _process = await _start(Port);
                return;
            }
            catch (Exception e) when (attempt < 3 && e is Grpc.Core.RpcException or InvalidOperationException)
            {
                Console.Error.WriteLine($"chaos: replica {Name} did not serve ({e.Message}); starting it again");
            }
        }
    }

    public void Dispose()
    {
        Kill();
        Channel.Dispose();
    }
}
