using System.Net;
using System.Net.Sockets;

namespace MedGrpc.Cli.Tests.Support;

/// <summary>
/// An http:// media URI on loopback that accepts connections and never answers: a job of it stays in its first stage,
/// using no CPU, for as long as this lives. Disposing it closes the connections, and the job then FAILS at once.
/// </summary>
public sealed class SilentMediaHost : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _connections = [];
    private readonly Task _accepting;

    public SilentMediaHost()
    {
        _listener.Start();
        Uri = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/silent.wav";
        _accepting = AcceptAsync();
    }

    public string Uri { get; }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var connection = await _listener.AcceptTcpClientAsync();
                lock (_connections) _connections.Add(connection);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        lock (_connections) _connections.ForEach(c => c.Dispose());
        _accepting.Wait(TimeSpan.FromSeconds(5));
    }
}
