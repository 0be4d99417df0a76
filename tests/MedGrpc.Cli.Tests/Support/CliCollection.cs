namespace MedGrpc.Cli.Tests.Support;

/// <summary>
/// All tool tests share one server and run one after another: each test is a process that transcribes, and on a
/// two-core machine running them side by side would only make each slower. Job names keep the tests apart.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CliCollection : ICollectionFixture<CliServer>
{
    public const string Name = "medgrpc tool";
}
