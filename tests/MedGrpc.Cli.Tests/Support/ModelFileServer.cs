using System.Net;
using System.Net.Sockets;

namespace MedGrpc.Cli.Tests.Support;

/// <summary>
/// A real HTTP server on a loopback port that serves files by name, as whisper.cpp's model repository
/// serves ggml-NAME.bin, and 404 for anything else. It counts the requests it answered.
/// </summary>
public sealed class ModelFileServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, byte[]> _files;
    private readonly Task _serving;
    private int _requests;

    public ModelFileServer(IReadOnlyDictionary<string, byte[]> files)
    {
        _files = new Dictionary<string, byte[]>(files);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/models/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _serving = ServeAsync();
    }

    public string BaseUrl { get; }

    public int Requests => Volatile.Read(ref _requests);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return; // stopped
            }
            Interlocked.Increment(ref _requests);
            using var response = context.Response;
            var name = context.Request.Url!.AbsolutePath.Split('/').Last();
            if (_files.TryGetValue(name, out var content))
            {
                response.ContentLength64 = content.Length;
                await response.OutputStream.WriteAsync(content);
            }
            else
            {
                response.StatusCode = 404;
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        // Close alone, which stops listening too: on Unix, Stop then Close frees the port and then binds it again to
        // remove the prefix, which fails with "Address already in use" when another process took the port between.
        _listener.Close();
        try { _serving.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
