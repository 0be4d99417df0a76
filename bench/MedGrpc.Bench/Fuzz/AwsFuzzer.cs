using System.Net;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using MedGrpc.Service.AwsApi;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Bench.Fuzz;

/// <summary>
/// Generated requests against the AWS endpoint (JSON 1.1, SigV4): every operation it serves (the unary methods of
/// MedicalTranscription, read off the descriptor as the endpoint reads them), the body written from a generated
/// message as an AWS SDK writes it, and signed by AWSSDK.Core's own AWS4Signer — or made hostile: a signature that
/// doesn't match, an unknown key, a broken Authorization header, the wrong X-Amz-Target, JSON that doesn't parse or
/// has the wrong types, a body over the limit, the wrong content type, method or path.
/// </summary>
public sealed class AwsFuzzer(string endpoint, string accessKeyId, string secretAccessKey, FuzzWorld world, FuzzTally tally)
{
    public static readonly IReadOnlyList<MethodDescriptor> Operations = MedicalTranscriptionReflection.Descriptor.Services
        .Single(s => s.Name == "MedicalTranscription").Methods.Where(m => !m.IsClientStreaming && !m.IsServerStreaming).ToList();

    private readonly AwsSigningClient _signer = new(endpoint, accessKeyId, secretAccessKey);
    private readonly AwsSigningClient _wrongSecret = new(endpoint, accessKeyId, secretAccessKey + "x");
    private readonly AwsSigningClient _unknownKey = new(endpoint, "AKIAUNKNOWNFUZZ00000", secretAccessKey);

    public static HttpMessageInvoker Connections() => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        AutomaticDecompression = DecompressionMethods.None,
        AllowAutoRedirect = false,
    });

    public async Task SendOneAsync(HttpMessageInvoker http, MessageGenerator generator, Random random, CancellationToken ct)
    {
        var operation = Operations[random.Next(Operations.Count)];
        var roll = random.Next(100);
        var kind = roll < 40 ? RequestKind.Valid : roll < 75 ? RequestKind.NearValid : RequestKind.Hostile;
        var leaves = new List<(IMessage Message, FieldDescriptor Field)>();
        var message = generator.Valid(operation.InputType, leaves);
        var what = kind == RequestKind.NearValid ? generator.MutateOne(leaves) : "valid";
        var target = $"Transcribe.{operation.Name}";
        byte[] body;
        try
        {
            body = AwsJsonWriter.Write(message);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException)
        {
            // A value JSON can't carry as AWS writes it (an enum number with no name): the name as a number instead.
            body = Encoding.UTF8.GetBytes("""{"LanguageCode": 999}""");
            what += $" (written as a number: {e.GetType().Name})";
        }
        HttpRequestMessage request;
        if (kind == RequestKind.Hostile) (request, what) = Hostile(random, operation, target, body);
        else request = _signer.Sign(target, body);

        string outcome;
        var failure = false;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            using var response = await http.SendAsync(request, timeout.Token);
            var answer = await response.Content.ReadAsStringAsync(timeout.Token);
            var status = (int)response.StatusCode;
            var error = response.Headers.TryGetValues("x-amzn-ErrorType", out var type) ? type.First() : null;
            outcome = error is null ? $"HTTP {status}" : $"{error} ({status})";
            failure = status >= 500 || error?.Contains("InternalFailure", StringComparison.Ordinal) == true;
            if (status == 200 && operation.Name == "StartMedicalTranscriptionJob") world.JobAccepted();
            if (status == 200 && operation.Name == "CreateMedicalVocabulary") world.VocabularyAccepted();
            if (failure) outcome += $" {answer[..Math.Min(answer.Length, 200)]}";
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            outcome = $"transport {e.GetType().Name}: {e.InnerException?.Message ?? e.Message}";
            failure = true;
        }
        tally.Count(kind, operation.Name, outcome, failure, () => $"{what}; {Describe(request)}");
        request.Dispose();
    }

    private (HttpRequestMessage Request, string What) Hostile(Random random, MethodDescriptor operation, string target, byte[] body)
    {
        switch (random.Next(13))
        {
            case 0:
                var signed = _signer.Sign(target, body);
                var authorization = signed.Headers.GetValues("Authorization").First();
                var at = authorization.Length - 1 - random.Next(64);
                var flipped = authorization[..at] + (authorization[at] == 'a' ? 'b' : 'a') + authorization[(at + 1)..];
                signed.Headers.Remove("Authorization");
                signed.Headers.TryAddWithoutValidation("Authorization", flipped);
                return (signed, "one signature digit changed");
            case 1:
                var unsigned = _signer.Sign(target, body);
                unsigned.Headers.Remove("Authorization");
                return (unsigned, "no Authorization header");
            case 2:
                var broken = _signer.Sign(target, body);
                broken.Headers.Remove("Authorization");
                var header = new[]
                {
                    "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 ", "AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host, Signature=zz",
                    "AWS4-HMAC-SHA256 Credential=AKIAMEDGRPCBENCH0001/20261206/us-east-1/transcribe/aws4_request, SignedHeaders=, Signature=" + new string('0', 64),
                    "AWS4-HMAC-SHA256 Credential=AKIAMEDGRPCBENCH0001/x/y/z/w, SignedHeaders=nosuchheader;;;, Signature=" + new string('f', 64),
                    "AWS4-HMAC-SHA256 Credential=////, SignedHeaders=host, Signature=" + new string('a', 64),
                    "AWS4-HMAC-SHA256 Credential=" + new string('A', 5000) + "/a/b/c/d, SignedHeaders=host, Signature=" + new string('a', 64),
                    "AWS4-HMAC-SHA256 ,,,,===,=,", "Basic dXNlcjpwYXNz", "AWS AKIA:sig", "AWS4-HMAC-SHA256 Credential=a/b/c/d/e/f/g",
                }[random.Next(11)];
                broken.Headers.TryAddWithoutValidation("Authorization", header);
                return (broken, $"Authorization: {header[..Math.Min(header.Length, 80)]}");
            case 3: return (_unknownKey.Sign(target, body), "an access key the service doesn't know");
            case 4: return (_wrongSecret.Sign(target, body), "signed with the wrong secret");
            case 5:
                var other = new[] { null, "Transcribe.NoSuchOperation", "DynamoDB_20120810.GetItem", "Transcribe.", "transcribe.ListMedicalVocabularies", "Transcribe.WatchJob", "Transcribe.StreamTranscription", "Transcribe.GetMedicalTranscriptionJob " }[random.Next(8)];
                return (_signer.Sign(other, body), $"X-Amz-Target {other ?? "(none)"}");
            case 6:
                var json = new[]
                {
                    body.Length > 1 ? Encoding.UTF8.GetString(body[..random.Next(body.Length)]) : "{", "[]", "null", "\"text\"", "{}}", "{\"a\":",
                    new string('[', 10_000), new string('{', 5000), "{\"MaxResults\": 1e400}", "{\"MaxResults\": 99999999999999999999}",
                    "{\"MedicalTranscriptionJobName\": \"a\", \"MedicalTranscriptionJobName\": \"b\"}", "\0", "{\"\\ud800\": 1}", "{\"a\":\"\\u0000\"}",
                }[random.Next(14)];
                return (_signer.Sign(target, Encoding.UTF8.GetBytes(json)), $"JSON {json[..Math.Min(json.Length, 60)]}");
            case 7:
                var members = operation.InputType.Fields.InFieldNumberOrder().Select(AwsMemberNames.Of).ToList();
                var member = members.Count == 0 ? "X" : members[random.Next(members.Count)];
                var value = new[] { "{}", "[]", "\"x\"", "1.5", "true", "null", "-1", "99999999999", "[1,2]", "{\"a\":{\"b\":[]}}", "\"" + new string('z', 3000) + "\"" }[random.Next(11)];
                return (_signer.Sign(target, Encoding.UTF8.GetBytes($"{{\"{member}\": {value}}}")), $"{member}: {value[..Math.Min(value.Length, 40)]}");
            case 8:
                if (random.Next(50) != 0) goto case 6;
                var huge = new byte[(1 << 20) + random.Next(1 << 19)];
                Array.Fill(huge, (byte)' ');
                huge[0] = (byte)'{';
                huge[^1] = (byte)'}';
                return (_signer.Sign(target, huge), "a body over 1 MiB");
            case 9:
                var type = new[] { "application/json", "text/plain", "application/x-amz-json-1.0", "application/grpc" }[random.Next(4)];
                return (_signer.Sign(target, body, type), $"Content-Type {type}");
            case 10:
                var stale = _signer.Sign(target, body);
                stale.Headers.Remove("X-Amz-Date");
                var date = new[] { "20200101T000000Z", "20991231T235959Z", "yesterday", "" }[random.Next(4)];
                stale.Headers.TryAddWithoutValidation("X-Amz-Date", date);
                return (stale, $"X-Amz-Date {date}");
            case 11:
                var elsewhere = _signer.Sign(target, body);
                if (random.Next(2) == 0) elsewhere.Method = HttpMethod.Get;
                else elsewhere.RequestUri = new Uri(endpoint + "/other/path?x=1");
                return (elsewhere, $"{elsewhere.Method} {elsewhere.RequestUri!.PathAndQuery}");
            default:
                var withExtra = Encoding.UTF8.GetString(body).TrimEnd('}');
                var extra = $"\uFEFF{withExtra}{(withExtra.EndsWith('{') ? "" : ",")}\"NoSuchMember\": [1, {{}}]}}";
                return (_signer.Sign(target, Encoding.UTF8.GetBytes(extra)), "a BOM and an unknown member");
        }
    }

    private static string Describe(HttpRequestMessage request)
    {
        var body = request.Content is null ? [] : request.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        var headers = string.Join("; ", request.Headers.Where(h => h.Key is "X-Amz-Target" or "Authorization" or "X-Amz-Date").Select(h => $"{h.Key}: {string.Join(',', h.Value)}"));
        return $"{request.Method} {request.RequestUri!.PathAndQuery} {headers}; Content-Type {request.Content?.Headers.ContentType}; body {Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300))}";
    }
}
