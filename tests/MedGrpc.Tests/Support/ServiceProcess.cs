using System.Diagnostics;
using Grpc.Net.Client;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Support;

/// <summary>
/// The service as a process of its own (the build's MedGrpc.Service.dll), for what only a process
/// can undergo: SIGKILL mid-transcription, SIGTERM.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly GrpcChannel _channel;

    private ServiceProcess(Process process, string address)
    {
        _process = process;
        Address = address;
        _channel = GrpcChannel.ForAddress(address);
    }

    public string Address { get; }

    public MedicalTranscription.MedicalTranscriptionClient Jobs => new(_channel);

    public static async Task<ServiceProcess> StartAsync(params string[] settings)
    {
        var address = $"http://127.0.0.1:{FreePort.Next()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MedGrpc.Service.dll"));
        foreach (var a in new[] { $"--urls={address}", "--Kestrel:EndpointDefaults:Protocols=Http2", "--Logging:LogLevel:Default=Warning", "--MedGrpc:Metrics:Port=0", "--MedGrpc:AwsApi:Port=0" })
            start.ArgumentList.Add(a);
        foreach (var s in settings) start.ArgumentList.Add(s);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, address);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                await service.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest());
                return service;
            }
            catch (Grpc.Core.RpcException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100); // waiting for the process to serve, not for anything under test
            }
        }
    }

    /// <summary>SIGKILL: the process ends at once, finishing nothing.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: the host's graceful shutdown.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await kill.WaitForExitAsync();
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }
}
