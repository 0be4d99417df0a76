using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace MedGrpc.Tests.Support;

/// <summary>The health service asked as an orchestrator's probe asks it: again and again until it gets the answer.</summary>
public static class HealthProbe
{
    public static async Task<ServingStatus> CheckAsync(GrpcChannel channel, string service = "") =>
        (await new Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = service })).Status;

    /// <summary>Asks every 100 ms until the answer is the one wanted; fails after a minute with the last answer.</summary>
    public static async Task WaitForAsync(GrpcChannel channel, ServingStatus wanted, string service = "")
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        var last = ServingStatus.Unknown;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await CheckAsync(channel, service);
                if (last == wanted) return;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unavailable)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"health of '{service}' stayed {last}, not {wanted}");
    }
}
