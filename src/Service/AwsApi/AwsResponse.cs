using MedGrpc.Core.Errors;

namespace MedGrpc.Service.AwsApi;

/// <summary>What AWS's JSON 1.1 protocol sends back: the output shape as JSON, or an error as its __type and Message.</summary>
public static class AwsResponse
{
    public const string ContentType = "application/x-amz-json-1.1";

    public static Task WriteAsync(HttpResponse response, byte[] body, CancellationToken ct)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, ct).AsTask();
    }

    /// <summary>{"__type": "BadRequestException", "Message": "…"} and x-amzn-ErrorType: botocore reads the body, the JS SDK the header first.</summary>
    public static Task WriteErrorAsync(HttpResponse response, AwsError error, string message, CancellationToken ct)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["__type"] = error.ToString(),
            ["Message"] = message,
        });
        response.StatusCode = AwsErrorStatus.Of(error);
        response.Headers["x-amzn-ErrorType"] = error.ToString();
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, ct).AsTask();
    }
}
