using System.CommandLine;

namespace MedGrpc.Cli;

/// <summary>A repeatable KEY=VALUE option (--tag, --kms-encryption-context). The split is the command line's job; the AWS rules on keys and values are the service's.</summary>
internal static class KeyValueOption
{
    public static Option<KeyValuePair<string, string>[]> Create(string name, string description) => new(name)
    {
        Description = $"{description} KEY=VALUE (the value may be empty); repeat the option for more.",
        HelpName = "key=value",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
        CustomParser = result =>
        {
            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var token in result.Tokens)
            {
                var separator = token.Value.IndexOf('=');
                if (separator < 0) result.AddError($"'{token.Value}' is not KEY=VALUE for {name}.");
                else pairs.Add(new(token.Value[..separator], token.Value[(separator + 1)..]));
            }
            return [.. pairs];
        },
    };
}
