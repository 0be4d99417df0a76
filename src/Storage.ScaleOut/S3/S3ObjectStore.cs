using System.Net;
using Amazon.Runtime;
using Amazon.S3.Model;
using S3Location = MedGrpc.Core.Ports.S3Location;
using Amazon.S3;
using MedGrpc.Core.Options;
using MedGrpc.Core.Ports;
using Microsoft.Extensions.Options;
using Polly.Retry;
using Polly;

namespace MedGrpc.Storage.ScaleOut;

/// <summary>
/// Buckets on an S3-compatible service (AWS, MinIO, Ceph, s3rver…) through AWSSDK.S3. Every call is
/// retried with exponential backoff while the service is unreachable or answers 5xx; when it stays
/// down the call fails with <see cref="ObjectStoreUnavailableException"/>, and the job with a clear reason.
/// </summary>
public sealed class S3ObjectStore : IObjectStore, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly ResiliencePipeline _retry;

    /// <summary>MedGrpc:S3:ServiceUrl; null for AWS S3 itself, whose URLs S3Location knows by their host names.</summary>
    public Uri? Endpoint { get; }

    public S3ObjectStore(IOptions<MedGrpcOptions> options, IOptions<S3Options> s3Options, ILogger<S3ObjectStore> log)
    {
        var s3 = s3Options.Value;
        var config = new AmazonS3Config
        {
            ForcePathStyle = s3.ForcePathStyle,
            // The pipeline below retries; the SDK's own retries would multiply its attempts.
            MaxErrorRetry = 0,
            // Checksums only where S3 requires them: self-hosted servers often lack the newer trailing-checksum uploads.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (!string.IsNullOrEmpty(s3.ServiceUrl))
        {
            Endpoint = new Uri(s3.ServiceUrl);
            config.ServiceURL = s3.ServiceUrl;
            config.AuthenticationRegion = options.Value.Region;
        }
        else config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Value.Region);
        _client = string.IsNullOrEmpty(s3.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(s3.AccessKey, s3.SecretKey), config);
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = s3.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
                OnRetry = retry =>
                {
                    log.LogWarning("S3 call failed ({Error}); attempt {Attempt} in {DelayMs} ms",
                        retry.Outcome.Exception?.Message, retry.AttemptNumber + 2, (int)retry.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public Task<bool> BucketExistsAsync(string bucket, CancellationToken ct) =>
        CallAsync(async token =>
        {
            try
            {
                await _client.HeadBucketAsync(new HeadBucketRequest { BucketName = bucket }, token);
                return true;
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }
        }, ct);

    public Task<long?> GetSizeAsync(S3Location location, CancellationToken ct) =>
        CallAsync<long?>(async token =>
        {
            Check(location);
            try
            {
                var metadata = await _client.GetObjectMetadataAsync(location.Bucket, location.Key, token);
                return metadata.ContentLength;
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        }, ct);

    public Task<Stream> OpenReadAsync(S3Location location, CancellationToken ct) =>
        CallAsync(async token =>
        {
            Check(location);
            var response = await _client.GetObjectAsync(location.Bucket, location.Key, token);
            return response.ResponseStream;
        }, ct);

    public async Task<long> WriteAsync(S3Location location, Stream content, CancellationToken ct)
    {
        Check(location);
        // S3 needs the length up front and a retry needs the bytes again: a stream that can't seek is spooled to a temporary file first.
        var spool = content.CanSeek ? null : await SpoolAsync(content, ct);
        var body = spool ?? content;
        var start = body.Position;
        try
        {
            await CallAsync(async token =>
            {
                try
                {
                    await PutAsync(location, body, start, token);
                }
                catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket")
                {
                    // As the folder store does (uploads through the ObjectStore API); a job's output bucket is checked at Start.
                    await _client.PutBucketAsync(new PutBucketRequest { BucketName = location.Bucket }, token);
                    await PutAsync(location, body, start, token);
                }
                return 0;
            }, ct);
            return body.Length - start;
        }
        finally
        {
            if (spool is not null) await spool.DisposeAsync();
        }
    }

    private Task PutAsync(S3Location location, Stream body, long start, CancellationToken ct)
    {
        body.Position = start;
        return _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = location.Bucket,
            Key = location.Key,
            InputStream = body,
            AutoCloseStream = false,
            // One signed body, not aws-chunked: several self-hosted servers store the chunk framing as data.
            UseChunkEncoding = false,
        }, ct);
    }

    public Task<bool> DeleteAsync(S3Location location, CancellationToken ct) =>
        CallAsync(async token =>
        {
            if (await GetSizeAsync(location, token) is null) return false;
            await _client.DeleteObjectAsync(location.Bucket, location.Key, token);
            return true;
        }, ct);

    public Task<IReadOnlyList<(string Key, long Size)>> ListAsync(string bucket, string prefix, CancellationToken ct) =>
        CallAsync<IReadOnlyList<(string, long)>>(async token =>
        {
            var objects = new List<(string, long)>();
            try
            {
                var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix };
                await foreach (var item in _client.Paginators.ListObjectsV2(request).S3Objects.WithCancellation(token))
                    objects.Add((item.Key, item.Size ?? 0));
            }
            catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
            {
                return [];
            }
            return objects.OrderBy(o => o.Item1, StringComparer.Ordinal).ToList();
        }, ct);

    public async Task<LocalObject> GetLocalFileAsync(S3Location location, CancellationToken ct)
    {
        // ffprobe and ffmpeg want a file: the object is downloaded to a temporary one, removed when the job is done with it.
        var path = Path.Combine(Path.GetTempPath(), $"medgrpc-{Guid.NewGuid():N}{Path.GetExtension(location.Key)}");
        try
        {
            await CallAsync(async token =>
            {
                await using var source = await OpenReadAsync(location, token);
                await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                await source.CopyToAsync(file, token);
                return 0;
            }, ct);
            return new LocalObject(path, temporary: true);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await _retry.ExecuteAsync(async token => await call(token), ct);
        }
        catch (Exception e) when (IsTransient(e))
        {
            throw new ObjectStoreUnavailableException($"The S3 service can't be reached: {e.Message}", e);
        }
    }

    private static bool IsTransient(Exception e) => e switch
    {
        AmazonS3Exception s3 => (int)s3.StatusCode >= 500 || s3.StatusCode == HttpStatusCode.TooManyRequests,
        AmazonServiceException { InnerException: HttpRequestException or IOException } => true,
        HttpRequestException or IOException or TimeoutException => true,
        _ => false,
    };

    private static void Check(S3Location location)
    {
        if (ObjectKeys.Problem(location.Key) is { } problem) throw new InvalidObjectKeyException(problem);
    }

    private static async Task<FileStream> SpoolAsync(Stream content, CancellationToken ct)
    {
        var spool = new FileStream(Path.Combine(Path.GetTempPath(), $"medgrpc-{Guid.NewGuid():N}.upload"), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await content.CopyToAsync(spool, ct);
        spool.Position = 0;
        return spool;
    }
}
