using System.Net;
using System.Text.Json;

namespace MedGrpc.Tests.AwsApi;

public static class AwsErrors
{
    /// <summary>A 400 as AWS sends it: x-amzn-ErrorType and a body of __type and Message.</summary>
    public static async Task AssertAsync(HttpResponseMessage response, string type, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(type, response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.True(response.Headers.Contains("x-amzn-RequestId"));
        using var json = JsonDocument.Parse(body);
        Assert.Equal(type, json.RootElement.GetProperty("__type").GetString());
        Assert.Contains(message, json.RootElement.GetProperty("Message").GetString());
    }
}
