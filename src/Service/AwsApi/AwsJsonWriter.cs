using System.Buffers;
using System.Collections;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using MedGrpc.Service.Api;

namespace MedGrpc.Service.AwsApi;

/// <summary>
/// A proto response → the body AWS's JSON 1.1 protocol sends, read off the message's descriptor: PascalCase members,
/// enum values by their AWS names, timestamps as epoch seconds with milliseconds. Unset members are left out: a
/// field with presence (proto3 optional, a message) when it has none, any other when it holds its zero value, an
/// empty map, and an empty list inside a resource (a job without tags). A response's own lists are always sent: an
/// empty page is [], as AWS sends it and as callers that index the member expect.
/// </summary>
public static class AwsJsonWriter
{
    public static byte[] Write(IMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer)) WriteMessage(writer, message, response: true);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteMessage(Utf8JsonWriter writer, IMessage message, bool response = false)
    {
        writer.WriteStartObject();
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                var map = (IDictionary)value;
                if (map.Count == 0) continue;
                var valueField = field.MessageType.FindFieldByName("value");
                writer.WriteStartObject(AwsMemberNames.Of(field));
                foreach (DictionaryEntry entry in map)
                {
                    writer.WritePropertyName((string)entry.Key);
                    WriteValue(writer, valueField, entry.Value!);
                }
                writer.WriteEndObject();
            }
            else if (field.IsRepeated)
            {
                var list = (IList)value;
                if (list.Count == 0 && !response) continue;
                writer.WriteStartArray(AwsMemberNames.Of(field));
                foreach (var element in list) WriteValue(writer, field, element!);
                writer.WriteEndArray();
            }
            else if (field.HasPresence ? field.Accessor.HasValue(message) : !IsZero(field, value))
            {
                writer.WritePropertyName(AwsMemberNames.Of(field));
                WriteValue(writer, field, value);
            }
        }
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, FieldDescriptor field, object value)
    {
        switch (field.FieldType)
        {
            case FieldType.String: writer.WriteStringValue((string)value); break;
            case FieldType.Bool: writer.WriteBooleanValue((bool)value); break;
            case FieldType.Int32: writer.WriteNumberValue((int)value); break;
            case FieldType.Int64: writer.WriteNumberValue((long)value); break;
            case FieldType.Double: writer.WriteNumberValue((double)value); break;
            case FieldType.Enum: writer.WriteStringValue(AwsEnumNames.ToAws(field.EnumType, Convert.ToInt32(value))); break;
            case FieldType.Message when value is Timestamp timestamp:
                // Epoch seconds to the millisecond, as AWS sends them (1765016100.123); SDKs read them as dates. Cut, not
                // rounded, as .NET's milliseconds are: a time never moves later than it was.
                writer.WriteNumberValue(timestamp.Seconds + timestamp.Nanos / 1_000_000 / 1000m);
                break;
            case FieldType.Message: WriteMessage(writer, (IMessage)value); break;
            default: throw new NotSupportedException($"{field.FullName}: {field.FieldType} isn't transcoded.");
        }
    }

    private static bool IsZero(FieldDescriptor field, object value) => field.FieldType switch
    {
        FieldType.String => ((string)value).Length == 0,
        FieldType.Bool => !(bool)value,
        FieldType.Enum => Convert.ToInt32(value) == 0,
        FieldType.Int32 => (int)value == 0,
        FieldType.Int64 => (long)value == 0,
        FieldType.Double => (double)value == 0,
        _ => false,
    };
}
