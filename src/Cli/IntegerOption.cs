using System.CommandLine;
using System.Globalization;

namespace MedGrpc.Cli;

/// <summary>An optional whole-number option: absent is "not set" (proto3 optional), and a non-number reads as a usage error in words.</summary>
internal static class IntegerOption
{
    public static Option<int?> Create(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            var token = result.Tokens.Single().Value;
            if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
            result.AddError($"'{token}' is not a whole number for {name}.");
            return null;
        },
    };
}
