namespace MedGrpc.Tests.Support;

/// <summary>Waiting for something the service does in its own time (a settings file read again), within a bound.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not within {(timeout ?? TimeSpan.FromSeconds(30)).TotalSeconds} s: {what}");
            await Task.Delay(100);
        }
    }
}
