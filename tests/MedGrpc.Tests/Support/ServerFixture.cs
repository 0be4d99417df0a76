namespace MedGrpc.Tests.Support;

/// <summary>One real server shared by the tests of a class; each test uses job names of its own.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync();
        Server.CreateBucket("out");
        Server.CreateBucket("media");
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
