using MedGrpc.Transcribe.V1;

namespace MedGrpc.Cli;

/// <summary>
/// AWS values of one protobuf enum (en-US, wav, DICTATION, IN_PROGRESS), read off its descriptor as the service
/// does (docs/contract.md, "Enum values"), so that the command line speaks AWS and no list of 117 language codes is kept by hand.
/// </summary>
internal sealed class AwsEnum<T> where T : struct, Enum
{
    private readonly Dictionary<string, T> _byAws;
    private readonly Dictionary<T, string> _byValue;

    /// <param name="style">Turns the suffix after the enum's prefix (EN_US) into the AWS value (en-US).</param>
    public AwsEnum(Func<string, string> style)
    {
        var descriptor = EnumsReflection.Descriptor.EnumTypes.Single(e => e.Name == typeof(T).Name);
        var prefix = descriptor.Values.Single(v => v.Number == 0).Name[..^"UNSPECIFIED".Length];
        var values = descriptor.Values.Where(v => v.Number != 0)
            .Select(v => (Aws: style(v.Name[prefix.Length..]), Value: (T)Enum.ToObject(typeof(T), v.Number)))
            .ToList();
        Values = values.Select(v => v.Aws).ToList();
        // Case-insensitive on input (wav, WAV; en-us, en-US): no two AWS values differ only in case.
        _byAws = values.ToDictionary(v => v.Aws, v => v.Value, StringComparer.OrdinalIgnoreCase);
        _byValue = values.ToDictionary(v => v.Value, v => v.Aws);
    }

    /// <summary>The enum's name as the command line shows it in errors.</summary>
    public string Name => typeof(T).Name;

    /// <summary>Every AWS value, in the order of the proto.</summary>
    public IReadOnlyList<string> Values { get; }

    public bool TryParse(string aws, out T value) => _byAws.TryGetValue(aws, out value);

    /// <summary>The AWS value; null for UNSPECIFIED ("not set"); the number for a value newer than this tool.</summary>
    public string? ToAws(T value)
    {
        if (_byValue.TryGetValue(value, out var aws)) return aws;
        var number = Convert.ToInt32(value);
        return number == 0 ? null : number.ToString();
    }
}
