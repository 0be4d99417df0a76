using MedGrpc.Core.Ports;

namespace MedGrpc.Tests.Validation;

/// <summary>
/// The one rule for object URLs (media and vocabulary files): s3://BUCKET/KEY, or a path-style URL of the object store
/// (its configured endpoint, or AWS S3's own host names), names a bucket and key of the service; any other URL none.
/// </summary>
public sealed class ObjectUrlTests
{
    private static readonly Uri MinioEndpoint = new("http://127.0.0.1:9000");

    private static S3Location? Parse(string uri, Uri? endpoint = null) =>
        S3Location.TryParseObject(uri, endpoint, out var location) ? location : null;

    [Fact]
    public void An_s3_uri_names_its_bucket_and_key() =>
        Assert.Equal(new S3Location("media", "a/b.wav"), Parse("s3://media/a/b.wav"));

    [Fact]
    public void An_https_url_of_AWS_S3_in_a_region_names_the_bucket_and_key() =>
        Assert.Equal(new S3Location("media", "a/b.wav"), Parse("https://s3.eu-west-2.amazonaws.com/media/a/b.wav"));

    [Fact]
    public void An_https_url_of_AWS_S3_without_a_region_names_the_bucket_and_key() =>
        Assert.Equal(new S3Location("media", "b.wav"), Parse("https://s3.amazonaws.com/media/b.wav"));

    [Fact]
    public void A_url_of_the_configured_endpoint_names_the_bucket_and_key() =>
        Assert.Equal(new S3Location("media", "b.wav"), Parse("http://127.0.0.1:9000/media/b.wav", MinioEndpoint));

    [Fact]
    public void A_url_of_the_endpoints_host_on_another_port_names_no_object()
    {
        Assert.Null(Parse("http://127.0.0.1:9001/media/b.wav", MinioEndpoint));
        Assert.False(S3Location.NamesObjectStore("http://127.0.0.1:9001/media/b.wav", MinioEndpoint));
    }

    [Fact]
    public void A_url_of_another_host_names_no_object()
    {
        Assert.Null(Parse("https://files.example.com/media/b.wav", MinioEndpoint));
        Assert.False(S3Location.NamesObjectStore("https://files.example.com/media/b.wav", MinioEndpoint));
    }

    [Fact]
    public void A_virtual_hosted_url_of_AWS_S3_names_no_object() =>
        Assert.False(S3Location.NamesObjectStore("https://media.s3.amazonaws.com/b.wav", null));

    [Fact]
    public void A_percent_encoded_key_is_decoded() =>
        Assert.Equal(new S3Location("media", "visit 1.wav"), Parse("https://s3.amazonaws.com/media/visit%201.wav"));

    [Fact]
    public void A_key_that_climbs_out_of_its_bucket_names_no_object()
    {
        Assert.True(S3Location.NamesObjectStore("https://s3.amazonaws.com/media/../out/x.wav", null));
        Assert.Null(Parse("https://s3.amazonaws.com/media/../out/x.wav"));
        Assert.Null(Parse("https://s3.amazonaws.com/media/%2e%2e/out/x.wav"));
    }

    [Fact]
    public void A_url_with_a_query_names_no_object() =>
        Assert.Null(Parse("https://s3.amazonaws.com/media/b.wav?versionId=1"));

    [Fact]
    public void A_url_with_a_bucket_and_no_key_names_no_object() =>
        Assert.Null(Parse("https://s3.amazonaws.com/media/"));
}
