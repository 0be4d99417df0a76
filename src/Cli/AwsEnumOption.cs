using System.CommandLine;

namespace MedGrpc.Cli;

/// <summary>An option whose value is an AWS enum value (--language-code en-US); anything else is a usage error, not a request.</summary>
internal static class AwsEnumOption
{
    // Short enums list their values in help and errors; LanguageCode's 117 would drown both.
    private const int ListedValues = 10;

    public static Option<T?> Create<T>(string name, AwsEnum<T> values, string description) where T : struct, Enum
    {
        var listed = values.Values.Count <= ListedValues;
        var option = new Option<T?>(name)
        {
            Description = description,
            HelpName = listed ? string.Join('|', values.Values) : "code",
            CustomParser = result =>
            {
                var token = result.Tokens.Single().Value;
                if (values.TryParse(token, out var value)) return value;
                result.AddError(listed
                    ? $"'{token}' is not a {values.Name} for {name}; expected one of: {string.Join(", ", values.Values)}."
                    : $"'{token}' is not an AWS {values.Name} for {name}.");
                return null;
            },
        };
        option.CompletionSources.Add(values.Values.ToArray());
        return option;
    }
}
