using System.Security.Cryptography;
using MedGrpc.Core.Model;
using MedGrpc.Core.Options;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Validation;
using Microsoft.Extensions.Options;

namespace MedGrpc.Core.Paging;

/// <summary>
/// Issues and reads the NextTokens of the Lists (<see cref="PageToken"/>) under the service's page-token key:
/// MedGrpc:PageTokenKey when configured, else a random key made once and kept in the job store
/// (<see cref="IServiceSecrets"/>), so that a token issued by one replica pages on at another, and after a restart.
/// </summary>
public sealed class PageTokens
{
    public const string SecretName = "page-token-key";
    private const int MinKeyBytes = 32;

    private readonly IServiceSecrets _secrets;
    private byte[]? _key;

    public PageTokens(IServiceSecrets secrets, IOptions<MedGrpcOptions> options)
    {
        _secrets = secrets;
        var configured = options.Value.PageTokenKey;
        if (configured.Length == 0) return;
        // Checked at start (the host builds this before serving): a short or unreadable key is a configuration error.
        try
        {
            _key = Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            _key = [];
        }
        if (_key.Length < MinKeyBytes)
            throw new InvalidOperationException($"MedGrpc:PageTokenKey must be base64 of at least {MinKeyBytes} bytes (e.g. `openssl rand -base64 32`), the same on every replica.");
    }

    /// <summary>The cursor of the request's NextToken, null without one; a BadRequest when the token isn't one issued for this scope.</summary>
    public async Task<PageCursor?> ReadAsync(string? nextToken, PageScope scope, CancellationToken ct) =>
        nextToken is null ? null : RequestValidator.ReadNextToken(nextToken, scope, await KeyAsync(ct));

    /// <summary>The NextToken of the page's end, null when nothing follows.</summary>
    public async Task<string?> IssueAsync(PageCursor? next, PageScope scope, CancellationToken ct) =>
        next is null ? null : PageToken.Issue(await KeyAsync(ct), scope, next);

    private async ValueTask<byte[]> KeyAsync(CancellationToken ct) =>
        _key ??= await _secrets.GetOrAddAsync(SecretName, RandomNumberGenerator.GetBytes(MinKeyBytes), ct);
}
