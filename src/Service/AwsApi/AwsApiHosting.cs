using System.Net;
using MedGrpc.Service.Options;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace MedGrpc.Service.AwsApi;

/// <summary>
/// The AWS endpoint in the host: its services, its HTTP/1.1 listener (MedGrpc:AwsApi:Host and Port) beside the gRPC
/// edge's address (--urls), and its route, taken only on that listener's port.
/// </summary>
public static class AwsApiHosting
{
    public static void AddAwsApi(this WebApplicationBuilder builder, AwsApiOptions aws)
    {
        builder.Services.AddSingleton<AccessKeys>();
        builder.Services.AddSingleton<SigV4Verifier>();
        builder.Services.AddSingleton<AwsOperations>();
        builder.Services.AddSingleton<AwsEndpoint>();
        if (aws.Port == 0) return;
        if (aws.Port is < 0 or > 65535) throw new InvalidOperationException($"MedGrpc:AwsApi:Port is {aws.Port}: give a port from 1 to 65535, or 0 for no AWS endpoint.");

        var endpoints = builder.Configuration.GetSection("Kestrel:Endpoints").Exists();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // SDKs speak HTTP/1.1 to JSON services; the gRPC edge's endpoints keep their protocols (h2c by default).
            kestrel.ConfigureEndpointDefaults(listen =>
            {
                if (listen.IPEndPoint?.Port == aws.Port) listen.Protocols = HttpProtocols.Http1;
            });
            // Kestrel binds either the URLs or the endpoints of Kestrel:Endpoints and code. With Kestrel:Endpoints
            // configured, the AWS listener joins them in code; otherwise it is one more URL (MapAwsApi).
            if (endpoints) Listen(kestrel, aws);
        });
    }

    public static void MapAwsApi(this WebApplication app, AwsApiOptions aws)
    {
        // Built now, so bad access keys stop the start and "loopback only" is said at start.
        var endpoint = app.Services.GetRequiredService<AwsEndpoint>();
        app.Services.GetRequiredService<AccessKeys>();
        if (aws.Port == 0) return;
        if (!app.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            // The host fills the server's addresses from --urls only when nobody has: so the URLs go first, as they
            // are (https:// ones with Kestrel's default certificate, as ever), then the AWS endpoint's.
            var urls = (app.Configuration[WebHostDefaults.ServerUrlsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var url in urls.Length > 0 ? urls : ["http://localhost:5000"]) app.Urls.Add(url);
            app.Urls.Add(UrlOf(aws));
        }
        app.MapWhen(http => http.Connection.LocalPort == aws.Port, branch => branch.Run(endpoint.HandleAsync));
    }

    /// <summary>"*" → http://*:8050, "::1" → http://[::1]:8050; https:// with MedGrpc:AwsApi:Https.</summary>
    private static string UrlOf(AwsApiOptions aws)
    {
        var host = IPAddress.TryParse(aws.Host, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? $"[{aws.Host}]"
            : aws.Host;
        return $"{(aws.Https ? "https" : "http")}://{host}:{aws.Port}";
    }

    private static void Listen(KestrelServerOptions kestrel, AwsApiOptions aws)
    {
        Action<ListenOptions> configure = listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            if (aws.Https) listen.UseHttps();
        };
        if (string.Equals(aws.Host, "localhost", StringComparison.OrdinalIgnoreCase)) kestrel.ListenLocalhost(aws.Port, configure);
        else if (IPAddress.TryParse(aws.Host, out var address)) kestrel.Listen(address, aws.Port, configure);
        else kestrel.ListenAnyIP(aws.Port, configure);
    }
}
