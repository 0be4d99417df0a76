using System.Text.RegularExpressions;

namespace MedGrpc.Analyzers.Contract;

/// <summary>
/// The limits and patterns of docs/contract.md, as the service's RequestValidator enforces them
/// (the AWS patterns anchored at both ends, as the service applies them).
/// </summary>
public static class ContractRules
{
    public const int MinSampleRate = 16000;
    public const int MaxSampleRate = 48000;
    public const int MinSpeakerLabels = 2;
    public const int MaxSpeakerLabels = 30;
    public const int MinAlternatives = 2;
    public const int MaxAlternatives = 10;
    public const int MaxNameLength = 200;
    public const int MaxBucketNameLength = 64;
    public const int MaxUriLength = 2000;
    public const int MaxTagKeyLength = 128;
    public const int MaxTagValueLength = 256;

    /// <summary>The default the fixes use when a maximum is missing: the smallest valid count.</summary>
    public const int DefaultMaximum = 2;

    public const string S3Scheme = "s3://";

    /// <summary>Normalised (see <see cref="EnumKey"/>) values that Transcribe Medical accepts.</summary>
    public const string SupportedLanguageCode = "enus";
    public const string SupportedSpecialty = "primarycare";
    public const string SupportedContentIdentificationType = "phi";

    public static readonly Regex Name = new("^[0-9a-zA-Z._-]+$", RegexOptions.CultureInvariant);
    public static readonly Regex MediaUri = new("^(s3://|http(s*)://).+$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
    public static readonly Regex BucketName = new(@"^[a-z0-9][\.\-a-z0-9]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant);
    public static readonly Regex OutputKey = new(@"^[a-zA-Z0-9\-_.!*'()/]{1,1024}$", RegexOptions.CultureInvariant);

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
