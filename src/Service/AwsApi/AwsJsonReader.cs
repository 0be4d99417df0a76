using System.Collections;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using MedGrpc.Core.Validation;
using MedGrpc.Service.Api;

namespace MedGrpc.Service.AwsApi;

/// <summary>
/// A request body of AWS's JSON 1.1 protocol → the operation's proto request, read off the message's descriptor:
/// PascalCase members to snake_case fields, enum values by their AWS names, timestamps from epoch seconds. A member
/// left out or null stays unset (proto3 optional presence), as on the gRPC edge; an unknown member, a value of the
/// wrong JSON type or an enum value outside its set is a BadRequest naming the member (RequestValidator's wire rules).
/// </summary>
public static class AwsJsonReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    public static IMessage Read(MessageDescriptor request, string operation, ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            // SDKs send {} for an input without members; an empty body means the same.
            document = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body, Options);
        }
        catch (JsonException e)
        {
            throw RequestValidator.MalformedBody($"it doesn't parse as JSON ({e.Message})");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw RequestValidator.MalformedBody($"it is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}");
            try
            {
                return ReadMessage(request, document.RootElement, "", operation);
            }
            catch (InvalidOperationException e)
            {
                // System.Text.Json checks escapes only when a string is read: a lone surrogate (\ud800) in a name or value
                // throws here, and is the caller's malformed JSON.
                throw RequestValidator.MalformedBody($"a string in it isn't valid Unicode ({e.Message})");
            }
        }
    }

    private static IMessage ReadMessage(MessageDescriptor descriptor, JsonElement json, string path, string operation)
    {
        var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        var fields = AwsMemberNames.FieldsOf(descriptor);
        foreach (var member in json.EnumerateObject())
        {
            var memberPath = AwsMemberNames.Path(path, member.Name);
            if (!fields.TryGetValue(member.Name, out var field)) throw RequestValidator.UnknownMember(memberPath, operation);
            if (member.Value.ValueKind == JsonValueKind.Null) continue;
            if (field.IsMap) ReadMap(field, (IDictionary)field.Accessor.GetValue(message), member.Value, memberPath, operation);
            else if (field.IsRepeated) ReadList(field, (IList)field.Accessor.GetValue(message), member.Value, memberPath, operation);
            else field.Accessor.SetValue(message, ReadValue(field, member.Value, memberPath, operation));
        }
        return message;
    }

    private static void ReadList(FieldDescriptor field, IList list, JsonElement json, string path, string operation)
    {
        if (json.ValueKind != JsonValueKind.Array) throw RequestValidator.WrongType(path, "a JSON array");
        var i = 0;
        foreach (var element in json.EnumerateArray())
            list.Add(ReadValue(field, element, $"{path}.{++i}.member", operation));
    }

    private static void ReadMap(FieldDescriptor field, IDictionary map, JsonElement json, string path, string operation)
    {
        if (json.ValueKind != JsonValueKind.Object) throw RequestValidator.WrongType(path, "a JSON object");
        var valueField = field.MessageType.FindFieldByName("value");
        foreach (var entry in json.EnumerateObject())
            map[entry.Name] = ReadValue(valueField, entry.Value, $"{path}.{entry.Name}", operation);
    }

    private static object ReadValue(FieldDescriptor field, JsonElement json, string path, string operation)
    {
        switch (field.FieldType)
        {
            case FieldType.String:
                return json.ValueKind == JsonValueKind.String ? json.GetString()! : throw RequestValidator.WrongType(path, "a string");
            case FieldType.Bool:
                return json.ValueKind is JsonValueKind.True or JsonValueKind.False ? json.GetBoolean() : throw RequestValidator.WrongType(path, "a boolean");
            case FieldType.Int32:
                return json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out var int32) ? int32 : throw RequestValidator.WrongType(path, "an integer");
            case FieldType.Int64:
                return json.ValueKind == JsonValueKind.Number && json.TryGetInt64(out var int64) ? int64 : throw RequestValidator.WrongType(path, "an integer");
            case FieldType.Double:
                return json.ValueKind == JsonValueKind.Number ? json.GetDouble() : throw RequestValidator.WrongType(path, "a number");
            case FieldType.Enum:
                if (json.ValueKind != JsonValueKind.String) throw RequestValidator.WrongType(path, "a string");
                var aws = json.GetString()!;
                if (!AwsEnumNames.TryFromAws(field.EnumType, aws, out var number))
                    RequestValidator.CheckEnum(aws, path, AwsEnumNames.AwsValues(field.EnumType));
                return System.Enum.ToObject(field.EnumType.ClrType, number);
            case FieldType.Message when field.MessageType.FullName == Timestamp.Descriptor.FullName:
                // Timestamps are epoch seconds, fractions allowed.
                if (json.ValueKind != JsonValueKind.Number || !json.TryGetDecimal(out var seconds) || seconds < 0 || seconds > 253402300799m)
                    throw RequestValidator.WrongType(path, "a timestamp in epoch seconds");
                return Timestamp.FromDateTimeOffset(DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond)));
            case FieldType.Message:
                return json.ValueKind == JsonValueKind.Object
                    ? ReadMessage(field.MessageType, json, path, operation)
                    : throw RequestValidator.WrongType(path, "a JSON object");
            default:
                // The protos of the AWS shapes hold none of the other types.
                throw new NotSupportedException($"{field.FullName}: {field.FieldType} isn't transcoded.");
        }
    }
}
