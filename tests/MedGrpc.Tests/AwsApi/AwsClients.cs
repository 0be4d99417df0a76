using System.Diagnostics;
using System.Text.Json.Nodes;
using MedGrpc.Tests.Polyglot;
using MedGrpc.Tests.Support;

namespace MedGrpc.Tests.AwsApi;

/// <summary>
/// The real AWS clients as processes: boto3 and the AWS CLI v2 from Debian (python3-boto3, awscli; /usr/bin, not
/// whatever else is on PATH) and the AWS SDK for JavaScript v3 from npm (tests/aws-clients/js), each given the
/// fixture's endpoint and credentials as an AWS user would give them.
/// </summary>
public static class AwsClients
{
    public const string Python = "/usr/bin/python3";
    public const string Cli = "/usr/bin/aws";

    private static string Folder => Path.Combine(S3Server.RepositoryRoot(), "tests", "aws-clients");

    /// <summary>tests/aws-clients/python/transcribe_client.py SCENARIO ARGS: its JSON report.</summary>
    public static Task<JsonNode> Boto3Async(AwsEndpointFixture fixture, string scenario, params string[] args) =>
        RunJsonAsync(fixture.ClientEnvironment(), Python, [Path.Combine(Folder, "python", "transcribe_client.py"), scenario, .. args]);

    /// <summary>As above, against a server of the test's own (an HTTPS endpoint, client certificates).</summary>
    public static Task<JsonNode> Boto3Async(IReadOnlyDictionary<string, string> environment, string scenario, params string[] args) =>
        RunJsonAsync(environment, Python, [Path.Combine(Folder, "python", "transcribe_client.py"), scenario, .. args]);

    /// <summary>tests/aws-clients/js/transcribe_client.mjs SCENARIO ARGS: its JSON report.</summary>
    public static Task<JsonNode> JavaScriptAsync(AwsEndpointFixture fixture, string scenario, params string[] args) =>
        RunJsonAsync(fixture.ClientEnvironment(), "node", [Path.Combine(Folder, "js", "transcribe_client.mjs"), scenario, .. args]);

    /// <summary>aws transcribe COMMAND ARGS --endpoint-url ENDPOINT, with the given credentials.</summary>
    public static Task<SampleRun> CliAsync(AwsEndpointFixture fixture, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(environment, Cli, ["transcribe", .. args, "--endpoint-url", fixture.Endpoint, "--output", "json", "--cli-read-timeout", "30"]);

    public static Task<SampleRun> CliAsync(AwsEndpointFixture fixture, params string[] args) => CliAsync(fixture, fixture.ClientEnvironment(), args);

    public static async Task<JsonNode> RunJsonAsync(IReadOnlyDictionary<string, string> environment, string command, string[] args)
    {
        var run = await RunAsync(environment, command, args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(run.Output) ?? throw new InvalidOperationException(run.ToString());
    }

    public static Task<SampleRun> RunAsync(IReadOnlyDictionary<string, string> environment, string command, string[] args)
    {
        var start = new ProcessStartInfo(command);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList()) start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return SampleRun.RunAsync(start, TimeSpan.FromMinutes(5));
    }
}
