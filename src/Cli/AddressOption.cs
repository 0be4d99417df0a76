using System.CommandLine;
using System.CommandLine.Parsing;

namespace MedGrpc.Cli;

/// <summary>The global --address: the service's URL, from the command line, else MEDGRPC_ADDRESS, else the service's own default.</summary>
internal static class AddressOption
{
    public const string EnvironmentVariable = "MEDGRPC_ADDRESS";
    public const string Default = "http://localhost:50051";

    public static Option<Uri> Create() => new("--address")
    {
        Description = $"The service's address (h2c with http://, TLS with https://). Default: ${EnvironmentVariable}, else {Default}.",
        HelpName = "url",
        Recursive = true,
        CustomParser = result => Parse(result.Tokens.Single().Value, "--address", result),
        DefaultValueFactory = result => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment
            ? Parse(fromEnvironment, $"${EnvironmentVariable}", result)
            : new Uri(Default),
    };

    private static Uri Parse(string text, string source, ArgumentResult result)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return uri;
        result.AddError($"'{text}' ({source}) is not a service address; expected an http:// or https:// URL such as {Default}.");
        return new Uri(Default);
    }
}
