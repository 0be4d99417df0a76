using Grpc.Core;
using MedGrpc.Core.Options;
using MedGrpc.Core.Resources;
using Microsoft.Extensions.Options;

namespace MedGrpc.Service.Api;

/// <summary>
/// The account a call acts for: the one its API key belongs to, or, with authentication off
/// (loopback only), the service's own account (MedGrpc:AccountId). Every job and vocabulary
/// operation is scoped to it.
/// </summary>
public sealed class CallerAccount(IOptions<MedGrpcOptions> options)
{
    private const string Key = "medgrpc.account";

    public string Of(ServerCallContext context) => Authenticated(context) ?? options.Value.AccountId;

    public ResourceKey Resource(ServerCallContext context, string name) => new(Of(context), name);

    /// <summary>The account authentication found for this call; null when authentication is off.</summary>
    public static string? Authenticated(ServerCallContext context) =>
        context.UserState.TryGetValue(Key, out var account) ? account as string : null;

    public static void Authenticate(ServerCallContext context, string accountId) => context.UserState[Key] = accountId;
}
