using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Google.Protobuf;
using Grpc.Net.Client;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Bench;

/// <summary>The real service, started from its build output with a fresh data dir on a free loopback port.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;

    private readonly bool _ownsDataDir;

    private ServiceProcess(Process process, string address, string dataDir, bool ownsDataDir)
    {
        _process = process;
        Address = address;
        DataDir = dataDir;
        _ownsDataDir = ownsDataDir;
        Channel = GrpcChannel.ForAddress(address);
    }

    public string Address { get; }
    public string DataDir { get; }
    public GrpcChannel Channel { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    public MedicalTranscription.MedicalTranscriptionClient Jobs => new(Channel);

    /// <summary>Copies a file into one of the service's buckets (folders under its data dir) and returns its s3:// URI.</summary>
    public string PutFile(string bucket, string key, string source)
    {
        var target = Path.Combine(DataDir, "buckets", bucket, key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(source, target, overwrite: true);
        return $"s3://{bucket}/{key}";
    }
    public ObjectStore.ObjectStoreClient Objects => new(Channel);

    /// <summary>Uploads a file over the ObjectStore API (the bucket is made if need be) and returns its s3:// URI.</summary>
    public async Task<string> PutObjectAsync(string bucket, string key, string source, CancellationToken ct = default)
    {
        using var put = Objects.PutObject(cancellationToken: ct);
        await put.RequestStream.WriteAsync(new PutObjectRequest { Location = new ObjectLocation { Bucket = bucket, Key = key } }, ct);
        await put.RequestStream.WriteAsync(new PutObjectRequest { Chunk = ByteString.CopyFrom(await File.ReadAllBytesAsync(source, ct)) }, ct);
        await put.RequestStream.CompleteAsync();
        return (await put.ResponseAsync).Uri;
    }

    /// <param name="output">Takes each line the service prints; without it, lines go to stderr marked [service].</param>
    /// <param name="dataDir">A data dir to keep (a restart's); without it, a fresh one removed at Dispose.</param>
    /// <param name="port">The port to serve on (a restart's, so that clients' channels find it again); without it, a free one.</param>
    /// <param name="environment">More environment variables for the service (e.g. TMPDIR, for what a kill leaves there).</param>
    public static async Task<ServiceProcess> StartAsync(string serviceDll, int workers, IEnumerable<string>? settings = null, Action<string>? output = null,
        string? dataDir = null, int? port = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        port ??= FreePort();
        var ownsDataDir = dataDir is null;
        dataDir ??= Path.Combine(Path.GetTempPath(), "medgrpc-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(dataDir, "buckets", "bench-out"));
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(serviceDll)!,
        };
        foreach (var arg in new[]
                 {
                     serviceDll, $"--urls=http://127.0.0.1:{port}", $"--MedGrpc:DataDir={dataDir}",
                     $"--MedGrpc:Workers={workers}", "--Logging:LogLevel:Default=Warning",
                     // The benches measure the service, not the per-caller throttle: one bench client is every caller.
                     "--MedGrpc:Limits:StartRequestsPerSecond=100000", "--MedGrpc:Limits:GetRequestsPerSecond=100000",
                     "--MedGrpc:Limits:ListRequestsPerSecond=100000",
                     "--MedGrpc:Metrics:Port=0",
                     "--MedGrpc:AwsApi:Port=0",
                 }.Concat(settings ?? []))
            start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the service");
        output ??= line => Console.Error.WriteLine($"[service] {line}");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var service = new ServiceProcess(process, $"http://127.0.0.1:{port}", dataDir, ownsDataDir);
        try
        {
            await service.WaitUntilServingAsync();
        }
        catch
        {
            service.Dispose(); // a service that never served is not left running
            throw;
        }
        return service;
    }

    private async Task WaitUntilServingAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest());
                return;
            }
            catch (Grpc.Core.RpcException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>A loopback port nothing listens on now (the OS picks it).</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>SIGKILL: the process ends at once, finishing nothing; its data dir stays.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Channel.Dispose();
        Kill();
        _process.Dispose();
        if (!_ownsDataDir) return;
        try { Directory.Delete(DataDir, recursive: true); } catch (IOException) { }
    }
}
