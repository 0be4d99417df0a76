using System.Collections;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace MedGrpc.Bench.Fuzz;

/// <summary>
/// Request messages of any method, made from its descriptor alone (so a new RPC or field is fuzzed without a line
/// here): every field filled with a value the service should accept — names from a small pool so that Gets, Deletes
/// and Tags meet real jobs and vocabularies, URIs of objects the bench put there — and, for a near-valid request,
/// then exactly one field (anywhere in the tree) replaced by a value just outside the contract.
/// </summary>
public sealed class MessageGenerator(Random random, FuzzWorld world)
{
    private const int MaxDepth = 6;

    /// <summary>Optional in proto3 (AWS's shapes mark them required elsewhere), so always set in a valid request.</summary>
    private static readonly HashSet<string> AlwaysSet = ["media_file_uri", "vocabulary_file_uri"];

    /// <summary>The enum values most requests use: the one language and the one batch specialty the service takes.</summary>
    private static readonly HashSet<string> UsualValues = ["EN_US", "SPECIALTY_PRIMARYCARE", "PRIMARYCARE"];

    /// <summary>A well-formed message; <paramref name="leaves"/> collects each field set, for <see cref="MutateOne"/>.</summary>
    public IMessage Valid(MessageDescriptor type, List<(IMessage Message, FieldDescriptor Field)>? leaves = null, int depth = 0)
    {
        var message = (IMessage)Activator.CreateInstance(type.ClrType)!;
        var oneofChoice = type.Oneofs.Where(o => !o.IsSynthetic).ToDictionary(o => o, o => o.Fields[random.Next(o.Fields.Count)]);
        foreach (var field in type.Fields.InFieldNumberOrder())
        {
            if (field.RealContainingOneof is { } oneof && oneofChoice[oneof] != field) continue;
            // Optional members are left out about half the time, as callers leave them out; lists and the URIs AWS requires are always there.
            if (field.HasPresence && field.RealContainingOneof is null && !AlwaysSet.Contains(field.Name) && random.Next(2) == 0) continue;
            if (field.FieldType == FieldType.Message && !field.IsMap && !field.IsRepeated && depth >= MaxDepth) continue;
            Set(message, field, depth, leaves);
        }
        return message;
    }

    /// <summary>The messages a client-streaming call sends: the first sets its oneof's first member (settings, the object's location), the rest the second (audio, bytes).</summary>
    public IReadOnlyList<IMessage> ValidStream(MessageDescriptor type, List<(IMessage, FieldDescriptor)>? leaves = null)
    {
        var oneof = type.Oneofs.FirstOrDefault(o => !o.IsSynthetic);
        if (oneof is null || oneof.Fields.Count < 2) return [Valid(type, leaves)];
        var messages = new List<IMessage>();
        var count = 1 + random.Next(4);
        for (var i = 0; i < count; i++)
        {
            var message = (IMessage)Activator.CreateInstance(type.ClrType)!;
            Set(message, oneof.Fields[i == 0 ? 0 : 1], 0, leaves);
            messages.Add(message);
        }
        return messages;
    }

    /// <summary>Replaces one field set by <see cref="Valid"/> with a value outside the contract; says which, for the samples.</summary>
    public string MutateOne(List<(IMessage Message, FieldDescriptor Field)> leaves)
    {
        if (leaves.Count == 0) return "nothing to mutate";
        var (message, field) = leaves[random.Next(leaves.Count)];
        if (field.IsMap)
        {
            var map = (IDictionary)field.Accessor.GetValue(message);
            for (var i = 0; i < 60; i++) map[Pick(HostileStrings()) + i] = Pick(HostileStrings());
            return $"{field.FullName}: 60 hostile entries";
        }
        if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(message);
            var extra = Pick([0, 51, 101, 201, 1001]);
            if (extra == 0) list.Clear();
            for (var i = 0; i < extra; i++) list.Add(field.FieldType == FieldType.Message ? Valid(field.MessageType, null, MaxDepth) : ScalarValue(field, message.Descriptor));
            return $"{field.FullName}: {extra} elements";
        }
        object value = field.FieldType switch
        {
            FieldType.String => Pick(HostileStrings()),
            FieldType.Enum => Pick([-1, 999, int.MaxValue, field.EnumType.Values.Max(v => v.Number) + 1, 0]),
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Pick([int.MinValue, -1, 0, 1, 7999, 48001, 65536, int.MaxValue]),
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Pick([long.MinValue, -1L, 0L, long.MaxValue]),
            FieldType.UInt32 or FieldType.Fixed32 => Pick([0u, 1u, uint.MaxValue]),
            FieldType.UInt64 or FieldType.Fixed64 => Pick([0ul, ulong.MaxValue]),
            FieldType.Bool => !(bool)field.Accessor.GetValue(message),
            FieldType.Double => Pick([double.NaN, double.PositiveInfinity, -1.0, 1e308]),
            FieldType.Float => Pick([float.NaN, float.NegativeInfinity, -1f]),
            FieldType.Bytes => ByteString.CopyFrom(RandomBytes(Pick([0, 1, 7, 4096, 300_000]))),
            FieldType.Message => Valid(field.MessageType, null, MaxDepth),
            _ => field.Accessor.GetValue(message),
        };
        if (field.FieldType == FieldType.Message && random.Next(2) == 0)
        {
            field.Accessor.Clear(message);
            return $"{field.FullName}: cleared";
        }
        field.Accessor.SetValue(message, value);
        return $"{field.FullName}: {Describe(value)}";
    }

    private void Set(IMessage message, FieldDescriptor field, int depth, List<(IMessage, FieldDescriptor)>? leaves)
    {
        if (field.IsMap)
        {
            var map = (IDictionary)field.Accessor.GetValue(message);
            for (var i = random.Next(3); i > 0; i--) map[$"ctx{random.Next(10)}"] = $"value{random.Next(10)}";
        }
        else if (field.IsRepeated)
        {
            var list = (IList)field.Accessor.GetValue(message);
            for (var i = 1 + random.Next(3); i > 0; i--)
                list.Add(field.FieldType == FieldType.Message ? Valid(field.MessageType, leaves, depth + 1) : ScalarValue(field, message.Descriptor));
        }
        else if (field.FieldType == FieldType.Message)
        {
            if (field.MessageType.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal)) return;
            field.Accessor.SetValue(message, Valid(field.MessageType, leaves, depth + 1));
        }
        else field.Accessor.SetValue(message, ScalarValue(field, message.Descriptor));
        leaves?.Add((message, field));
    }

    /// <summary>A value the contract accepts, chosen by the field's name where its name says what it holds.</summary>
    private object ScalarValue(FieldDescriptor field, MessageDescriptor owner)
    {
        var name = field.Name;
        switch (field.FieldType)
        {
            case FieldType.String:
                return name switch
                {
                    _ when name.Contains("vocabulary_name") => world.VocabularyName(random),
                    _ when name.Contains("job_name") => world.JobName(random),
                    "redacted_media_file_uri" or "media_file_uri" => world.MediaUri(random),
                    "vocabulary_file_uri" => world.VocabularyFileUri(random),
                    "output_bucket_name" => FuzzWorld.OutputBucket,
                    "output_key" => $"out/{random.Next(10)}/",
                    "output_encryption_kms_key_id" => "alias/fuzz",
                    "next_token" => world.NextToken(random),
                    "resource_arn" => world.Arn(random),
                    "bucket" => Pick([FuzzWorld.MediaBucket, FuzzWorld.OutputBucket, "fuzz-scratch"]),
                    "key" when owner.Name == "Tag" => $"tag{random.Next(100)}",
                    "value" when owner.Name == "Tag" => $"value{random.Next(5)}",
                    "tag_keys" => $"tag{random.Next(5)}",
                    "key" => world.ObjectKey(random),
                    "prefix" => Pick(["", "a", "fuzz/"]),
                    "session_id" => Guid.NewGuid().ToString(),
                    _ => $"fuzz{random.Next(100)}",
                };
            case FieldType.Enum:
                // Mostly the usual value (en-US, PRIMARYCARE), else the first after UNSPECIFIED; now and then any other.
                var values = field.EnumType.Values.Where(v => v.Number != 0).ToList();
                var usual = values.FirstOrDefault(v => UsualValues.Contains(v.Name) || UsualValues.Any(u => v.Name.EndsWith("_" + u, StringComparison.Ordinal))) ?? values.FirstOrDefault();
                return values.Count == 0 ? 0 : random.Next(8) == 0 ? values[random.Next(values.Count)].Number : usual!.Number;
            case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32:
                return name switch
                {
                    "max_results" => 1 + random.Next(100),
                    "media_sample_rate_hertz" => Pick([16000, 22050, 44100, 48000]),
                    "max_speaker_labels" or "max_alternatives" => 2 + random.Next(9),
                    "number_of_channels" => 2,
                    _ => random.Next(10),
                };
            case FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64: return (long)random.Next(1000);
            case FieldType.UInt32 or FieldType.Fixed32: return (uint)random.Next(1000);
            case FieldType.UInt64 or FieldType.Fixed64: return (ulong)random.Next(1000);
            case FieldType.Bool: return random.Next(2) == 0;
            case FieldType.Double: return random.NextDouble();
            case FieldType.Float: return (float)random.NextDouble();
            case FieldType.Bytes:
                // Quiet 16-bit PCM for audio (recognised in a blink), a few bytes for an object.
                return name == "audio_chunk" ? ByteString.CopyFrom(QuietPcm(1600 * (1 + random.Next(4)))) : ByteString.CopyFrom(RandomBytes(random.Next(512)));
            default: throw new NotSupportedException($"{field.FullName}: {field.FieldType}");
        }
    }

    public string[] HostileStrings() =>
    [
        "", " ", "\0", "a\0b", "\t\n\r", new('a', 201), new('a', 257), new('a', 1025), new('a', 2049), new('x', 70_000),
        "../../../../etc/passwd", "s3://", "s3:///", "s3://b", "s3://fuzz-media/", "s3://fuzz-media/../secret", "s3://FUZZ/x",
        "s3://fuzz-media/%2e%2e/x", "http://127.0.0.1:1/fuzz-media/x", "https://s3.amazonaws.com/fuzz-media/tiny.wav?versionId=1",
        "file:///etc/passwd", "arn:aws:transcribe:::", "arn:aws:transcribe:us-east-1:000000000000:medical-transcription-job/",
        "arn:aws:transcribe:us-east-1:111111111111:medical-vocabulary/x", "arn:aws:s3:::b/k", "arn:" + new string(':', 300),
        "arn:aws:transcribe:us-east-1:000000000000:medical-transcription-job/" + new string('n', 300),
        "AAAA", "!!!!", "eyJub3QiOiJhIHRva2VuIn0", Convert.ToBase64String(RandomBytes(48)), Convert.ToBase64String(RandomBytes(700)),
        "name with spaces", "名前", "😀😀😀", "\u202eevil", "\uFEFF", "%00", "'; DROP TABLE jobs; --", "{{7*7}}", "${jndi:x}",
        "-", ".", "..", "--", "a--b", "\\", "/", "A:B", Encoding.UTF8.GetString(RandomBytes(64)),
    ];

    private T Pick<T>(T[] choices) => choices[random.Next(choices.Length)];

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private byte[] QuietPcm(int bytes)
    {
        var pcm = new byte[bytes & ~1];
        for (var i = 0; i < pcm.Length; i += 2)
        {
            var sample = (short)random.Next(-200, 200);
            pcm[i] = (byte)sample;
            pcm[i + 1] = (byte)(sample >> 8);
        }
        return pcm;
    }

    private static string Describe(object value) => value switch
    {
        string s when s.Length > 40 => $"string of {s.Length} chars '{s[..20]}…'",
        string s => $"'{s}'",
        ByteString b => $"{b.Length} bytes",
        _ => value.ToString() ?? "?",
    };
}
