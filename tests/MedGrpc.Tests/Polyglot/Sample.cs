using System.Diagnostics;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.Polyglot;

/// <summary>
/// A sample client of samples/ as a user runs it: ADDRESS MEDIA_URI OUTPUT_BUCKET JOB_NAME, the API key
/// (if any) in MEDGRPC_API_KEY.
/// </summary>
public abstract class Sample
{
    protected static string Samples => Path.Combine(S3Server.RepositoryRoot(), "samples");

    /// <summary>The command, without the sample's own arguments.</summary>
    protected abstract ProcessStartInfo Command();

    public Task<SampleRun> RunAsync(TestServer server, string mediaUri, string outputBucket, string jobName, string? apiKey = null)
    {
        var start = Command();
        // The samples take host:port, as grpcurl and the gRPC libraries of Python and Node do.
        foreach (var arg in new[] { new Uri(server.Address).Authority, mediaUri, outputBucket, jobName }) start.ArgumentList.Add(arg);
        start.Environment.Remove("MEDGRPC_API_KEY");
        if (apiKey is not null) start.Environment["MEDGRPC_API_KEY"] = apiKey;
        return SampleRun.RunAsync(start, TimeSpan.FromMinutes(3));
    }
}
