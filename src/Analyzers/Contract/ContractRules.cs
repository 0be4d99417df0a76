using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using MedGrpc.Core.Contract;

namespace MedGrpc.Analyzers.Contract;

/// <summary>
/// The limits and patterns of docs/contract.md, read from the service's own ContractLimits (src/Core/Contract,
/// compiled into this assembly too), in the shapes the rules use.
/// </summary>
public static class ContractRules
{
    public const int MinSampleRate = ContractLimits.MinSampleRate;
    public const int MaxSampleRate = ContractLimits.MaxSampleRate;
    public const int MinSpeakerLabels = ContractLimits.MinSpeakerLabels;
    public const int MaxSpeakerLabels = ContractLimits.MaxSpeakerLabels;
    public const int MinAlternatives = ContractLimits.MinAlternatives;
    public const int MaxAlternatives = ContractLimits.MaxAlternatives;
    public const int MaxNameLength = ContractLimits.MaxNameLength;
    public const int MaxBucketNameLength = ContractLimits.MaxBucketNameLength;
    public const int MaxUriLength = ContractLimits.MaxUriLength;
    public const int MaxTagKeyLength = ContractLimits.MaxTagKeyLength;
    public const int MaxTagValueLength = ContractLimits.MaxTagValueLength;

    /// <summary>The default the fixes use when a maximum is missing: the smallest valid count.</summary>
    public const int DefaultMaximum = 2;

    public const string S3Scheme = "s3://";

    /// <summary>Normalised (see <see cref="EnumKey"/>) values that Transcribe Medical accepts.</summary>
    public static readonly string SupportedLanguageCode = EnumKey(ContractLimits.SupportedLanguageCode);
    public static readonly string SupportedSpecialty = EnumKey(ContractLimits.SupportedSpecialty);
    public static readonly string SupportedContentIdentificationType = EnumKey(ContractLimits.SupportedContentIdentificationType);

    /// <summary>The specialties a stream accepts (the validator's SpecialtyRules.Streaming), normalised.</summary>
    public static readonly ImmutableArray<string> StreamingSpecialties = ContractLimits.StreamingSpecialties.Select(EnumKey).ToImmutableArray();

    /// <summary>The channels a stream with channel identification carries.</summary>
    public const int StreamChannels = ContractLimits.StreamChannels;

    public static readonly Regex SessionId = new(ContractLimits.SessionIdPattern, RegexOptions.CultureInvariant);

    public static readonly Regex Name = new(ContractLimits.NamePattern, RegexOptions.CultureInvariant);
    public static readonly Regex MediaUri = new(ContractLimits.UriPattern, RegexOptions.CultureInvariant | RegexOptions.Singleline);
    public static readonly Regex BucketName = new(ContractLimits.BucketNamePattern, RegexOptions.CultureInvariant);
    public static readonly Regex OutputKey = new(ContractLimits.OutputKeyPattern, RegexOptions.CultureInvariant);

    /// <summary>
    /// One spelling for an enum value across flavours: letters and digits, lower case.
    /// "en-US", AWS's field EnUS and our member EnUs all become "enus".
    /// </summary>
    public static string EnumKey(string spelling)
    {
        var chars = new char[spelling.Length];
        var length = 0;
        foreach (var c in spelling)
        {
            if (char.IsLetterOrDigit(c))
                chars[length++] = char.ToLowerInvariant(c);
        }

        return new string(chars, 0, length);
    }
}
