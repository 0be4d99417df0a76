using System.Text.Json;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using MedGrpc.Service.Api;
using MedGrpc.Service.AwsApi;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.AwsApi;

/// <summary>
/// The transcoder's names and types against AWS's own service model, as botocore ships it (Debian's python3-botocore,
/// which python3-boto3 brings): every operation the endpoint serves is Transcribe's, and every member of its input and
/// output, at every depth, is the model's member of the model's type, both ways.
/// </summary>
public sealed class AwsModelConformanceTests
{
    private const string ModelPath = "/usr/lib/python3/dist-packages/botocore/data/transcribe/2017-10-26/service-2.json";
    private static readonly Lazy<JsonDocument> Model = new(() => JsonDocument.Parse(File.ReadAllText(ModelPath)));

    private static JsonElement Shapes => Model.Value.RootElement.GetProperty("shapes");

    private static IEnumerable<string> OperationNames =>
        MedicalTranscriptionReflection.Descriptor.Services.Single().Methods.Where(m => !m.IsServerStreaming).Select(m => m.Name);

    public static TheoryData<string> Operations() => new(OperationNames);

    [Fact]
    public void The_endpoint_serves_the_twelve_medical_operations()
    {
        Assert.Equal(
            ["CreateMedicalVocabulary", "DeleteMedicalTranscriptionJob", "DeleteMedicalVocabulary", "GetMedicalTranscriptionJob", "GetMedicalVocabulary",
             "ListMedicalTranscriptionJobs", "ListMedicalVocabularies", "ListTagsForResource", "StartMedicalTranscriptionJob", "TagResource",
             "UntagResource", "UpdateMedicalVocabulary"],
            OperationNames.Order());
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Each_member_of_input_and_output_is_the_models_by_name_and_type(string operation)
    {
        var method = MedicalTranscriptionReflection.Descriptor.Services.Single().Methods.Single(m => m.Name == operation);
        var model = Model.Value.RootElement.GetProperty("operations").GetProperty(operation);
        var problems = new List<string>();
        Compare(method.InputType, model.GetProperty("input").GetProperty("shape").GetString()!, operation + " input", problems);
        if (model.TryGetProperty("output", out var output)) Compare(method.OutputType, output.GetProperty("shape").GetString()!, operation + " output", problems);
        else if (method.OutputType.Fields.InFieldNumberOrder().Count > 0) problems.Add($"{operation}: the model has no output, the proto has fields");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static void Compare(MessageDescriptor message, string shapeName, string path, List<string> problems)
    {
        var shape = Shapes.GetProperty(shapeName);
        var modelMembers = shape.GetProperty("members").EnumerateObject().ToDictionary(m => m.Name, m => m.Value.GetProperty("shape").GetString()!);
        var protoMembers = AwsMemberNames.FieldsOf(message);
        foreach (var missing in modelMembers.Keys.Except(protoMembers.Keys)) problems.Add($"{path}.{missing}: in the model, not in {message.Name}");
        foreach (var extra in protoMembers.Keys.Except(modelMembers.Keys)) problems.Add($"{path}.{extra}: in {message.Name}, not in the model's {shapeName}");
        foreach (var (name, field) in protoMembers)
            if (modelMembers.TryGetValue(name, out var memberShape)) CompareField(field, memberShape, $"{path}.{name}", problems);
    }

    private static void CompareField(FieldDescriptor field, string shapeName, string path, List<string> problems)
    {
        var shape = Shapes.GetProperty(shapeName);
        var type = shape.GetProperty("type").GetString();
        if (field.IsMap)
        {
            if (type != "map") problems.Add($"{path}: a map in the proto, {type} in the model");
            return;
        }
        if (field.IsRepeated)
        {
            if (type != "list") { problems.Add($"{path}: a list in the proto, {type} in the model"); return; }
            type = Shapes.GetProperty(shape.GetProperty("member").GetProperty("shape").GetString()!).GetProperty("type").GetString();
            shapeName = shape.GetProperty("member").GetProperty("shape").GetString()!;
            shape = Shapes.GetProperty(shapeName);
        }
        switch (field.FieldType)
        {
            case FieldType.Message when field.MessageType.FullName == Timestamp.Descriptor.FullName:
                if (type != "timestamp") problems.Add($"{path}: a timestamp in the proto, {type} in the model");
                break;
            case FieldType.Message:
                if (type != "structure") problems.Add($"{path}: a structure in the proto, {type} in the model");
                else Compare(field.MessageType, shapeName, path, problems);
                break;
            case FieldType.Enum:
                if (type != "string" || !shape.TryGetProperty("enum", out var values)) { problems.Add($"{path}: an enum in the proto, not in the model"); break; }
                var unknown = values.EnumerateArray().Select(v => v.GetString()!).Except(AwsEnumNames.AwsValues(field.EnumType)).ToList();
                if (unknown.Count > 0) problems.Add($"{path}: the model's values {string.Join(", ", unknown)} have no proto value");
                break;
            case FieldType.String:
                if (type != "string" || shape.TryGetProperty("enum", out _)) problems.Add($"{path}: a string in the proto, {type} in the model");
                break;
            case FieldType.Int32:
                if (type != "integer") problems.Add($"{path}: an integer in the proto, {type} in the model");
                break;
            case FieldType.Bool:
                if (type != "boolean") problems.Add($"{path}: a boolean in the proto, {type} in the model");
                break;
            default:
                problems.Add($"{path}: {field.FieldType} in the proto");
                break;
        }
    }
}
