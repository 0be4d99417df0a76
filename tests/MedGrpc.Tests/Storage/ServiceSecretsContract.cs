using MedGrpc.Core.Ports;

namespace MedGrpc.Tests.Storage;

/// <summary>What every store of service secrets promises; each store's test class runs these against the real thing.</summary>
public abstract class ServiceSecretsContract : IAsyncLifetime
{
    /// <summary>A store over empty storage of its own.</summary>
    protected abstract Task<IServiceSecrets> CreateAsync();

    /// <summary>A second store over the same storage, as after a restart or on another replica.</summary>
    protected abstract IServiceSecrets Reopen();

    private IServiceSecrets _secrets = null!;

    public virtual async Task InitializeAsync() => _secrets = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_first_secret_stored_is_the_one_every_store_on_the_same_storage_returns()
    {
        var first = await _secrets.GetOrAddAsync("page-token-key", [1, 2, 3], default);
        var again = await Reopen().GetOrAddAsync("page-token-key", [4, 5, 6], default);
        Assert.Equal([1, 2, 3], first);
        Assert.Equal([1, 2, 3], again);
    }
}
