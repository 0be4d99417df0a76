using System.Text;
using Google.Protobuf;
using MedGrpc.Core.Errors;
using MedGrpc.Core.Model;
using MedGrpc.Core.Options;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Resources;
using MedGrpc.Core.Validation;
using MedGrpc.Core.Vocabularies;
using MedGrpc.Service.Api;
using MedGrpc.Service.AwsApi;
using MedGrpc.Transcribe.V1;
using SharpFuzz;

// One target a parser of outside input. Each may refuse its input only the way the service refuses it (a BadRequest
// ServiceException, a VocabularyFileException, a protobuf that doesn't parse); any other exception is a crash AFL++ keeps.
// Usage: MedGrpc.Fuzz TARGET            (under afl-fuzz, through scripts/fuzz.sh)
//        MedGrpc.Fuzz TARGET FILE|DIR  (replays inputs without AFL: a corpus, or a crash to reproduce)
var targets = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
{
    ["vocabulary-table"] = input => Refusing(() => VocabularyTable.Parse(input)),
    ["page-token"] = input => PageTokenTarget(Encoding.UTF8.GetString(input)),
    ["arn"] = input => ArnTarget(Encoding.UTF8.GetString(input)),
    ["s3-uri"] = input => S3UriTarget(Encoding.UTF8.GetString(input)),
    ["request-validator"] = input => Refusing(() => RequestTarget(input)),
    ["sigv4-header"] = input => Refusing(() => SigV4Authorization.Parse(Encoding.UTF8.GetString(input))),
    ["aws-json"] = input => Refusing(() => AwsJsonReader.Read(StartMedicalTranscriptionJobRequest.Descriptor, "StartMedicalTranscriptionJob", input)),
};

if (args.Length == 0 || !targets.TryGetValue(args[0], out var target))
{
    Console.Error.WriteLine($"usage: MedGrpc.Fuzz TARGET [FILE|DIR]; targets: {string.Join(", ", targets.Keys)}");
    return 2;
}
if (args.Length > 1)
{
    var files = Directory.Exists(args[1]) ? Directory.GetFiles(args[1]) : [args[1]];
    foreach (var file in files) target(File.ReadAllBytes(file));
    Console.WriteLine($"{args[0]}: {files.Length} inputs replayed, none crashed");
    return 0;
}
Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    target(buffer.ToArray());
});
return 0;

// The refusals the service answers as BadRequest; anything else escapes and is a crash.
static void Refusing(Action parse)
{
    try
    {
        parse();
    }
    catch (ServiceException e) when (e.Error is AwsError.BadRequestException or AwsError.IncompleteSignatureException) { }
    catch (VocabularyFileException) { }
    catch (InvalidProtocolBufferException) { }
}

// Any string as a NextToken: read back under a key, as a List reads it; only a token this key issued for this scope reads.
static void PageTokenTarget(string token)
{
    var key = new byte[32];
    var scope = new PageScope(PageScope.ListJobs, "000000000000", null, null);
    if (PageToken.TryRead(key, scope, token, out var cursor) && PageToken.Issue(key, scope, cursor) != token.TrimEnd('='))
        throw new InvalidOperationException("a token read back but isn't the one issued for its cursor");
    Refusing(() => RequestValidator.ReadNextToken(token, scope, key));
}

// Any string as a tag's ResourceArn: the validator's rule, then the parser, which must agree on what is an ARN of this service.
static void ArnTarget(string arn)
{
    Refusing(() => RequestValidator.ValidateResourceArn(arn));
    var arns = new ResourceArns(Microsoft.Extensions.Options.Options.Create(new MedGrpcOptions()));
    if (arns.Parse(arn, "000000000000") is { } parsed && arns.Job(parsed.Key) != arn && arns.Vocabulary(parsed.Key) != arn)
        throw new InvalidOperationException("an ARN parsed to a resource whose ARN is another");
}

// Any string as a media or vocabulary URI: a parsed object always stays inside its bucket.
static void S3UriTarget(string uri)
{
    var store = new Uri("http://127.0.0.1:9000/");
    foreach (var endpoint in new[] { null, store })
    {
        S3Location.NamesObjectStore(uri, endpoint);
        if (S3Location.TryParseObject(uri, endpoint, out var location) && ObjectKeys.Problem(location.Key) is { } problem)
            throw new InvalidOperationException($"a URI parsed to an object outside its bucket: {problem}");
    }
}

// Protobuf bytes as a request of the edge, its first byte choosing which: mapped to the core and validated as the service does.
static void RequestTarget(byte[] input)
{
    if (input.Length == 0) return;
    var body = input.AsSpan(1);
    switch (input[0] % 3)
    {
        case 0:
            RequestValidator.ValidateStart(ProtoMapping.ToDomain(StartMedicalTranscriptionJobRequest.Parser.ParseFrom(body)));
            break;
        case 1:
            RequestValidator.ValidateList(ProtoMapping.ToDomain(ListMedicalTranscriptionJobsRequest.Parser.ParseFrom(body)));
            break;
        default:
            var tag = TagResourceRequest.Parser.ParseFrom(body);
            RequestValidator.ValidateTagResource(tag.ResourceArn, ProtoMapping.ToDomain(tag.Tags) ?? []);
            break;
    }
}
