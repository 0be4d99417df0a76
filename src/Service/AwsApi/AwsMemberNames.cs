using Google.Protobuf.Reflection;

namespace MedGrpc.Service.AwsApi;

/// <summary>
/// The AWS member name of a proto field: the protos mirror AWS's shapes in snake_case, so the name is the field's
/// words in PascalCase, with AWS's one acronym in capitals (output_encryption_kms_key_id ↔ OutputEncryptionKMSKeyId).
/// Paths in errors are AWS's camelCase member paths, as the validator writes them (settings.maxSpeakerLabels).
/// </summary>
public static class AwsMemberNames
{
    private static readonly Dictionary<string, string> Acronyms = new(StringComparer.Ordinal) { ["kms"] = "KMS" };
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MessageDescriptor, IReadOnlyDictionary<string, FieldDescriptor>> Members = new();

    public static string Of(FieldDescriptor field) =>
        string.Concat(field.Name.Split('_').Select(word => Acronyms.TryGetValue(word, out var acronym) ? acronym : char.ToUpperInvariant(word[0]) + word[1..]));

    /// <summary>The message's fields by AWS member name.</summary>
    public static IReadOnlyDictionary<string, FieldDescriptor> FieldsOf(MessageDescriptor message) =>
        Members.GetOrAdd(message, m => m.Fields.InFieldNumberOrder().ToDictionary(Of, f => f, StringComparer.Ordinal));

    /// <summary>"Settings" under "" → "settings"; "MaxSpeakerLabels" under "settings" → "settings.maxSpeakerLabels".</summary>
    public static string Path(string? parent, string member)
    {
        var camel = member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];
        return string.IsNullOrEmpty(parent) ? camel : $"{parent}.{camel}";
    }
}
