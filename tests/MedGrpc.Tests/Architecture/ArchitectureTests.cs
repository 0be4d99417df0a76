using System.Reflection;
using Assembly = System.Reflection.Assembly;

using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using MedGrpc.Core.Jobs;
using MedGrpc.Engines.PocketSphinx;
using MedGrpc.Engines.Whisper;
using MedGrpc.Ffmpeg;
using MedGrpc.Service;
using MedGrpc.Storage.Embedded;
using MedGrpc.Storage.ScaleOut;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace MedGrpc.Tests.Architecture;

/// <summary>
/// The direction of dependencies, kept by a test: the core knows no adapter, no host and no driver;
/// an adapter knows the core and nothing else of ours; inside the core, no namespace cycle.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(JobLifecycle).Assembly;

    private static readonly Assembly[] Adapters =
    [
        typeof(SqliteJobStore).Assembly,
        typeof(PostgresJobStore).Assembly,
        typeof(PocketSphinxEngine).Assembly,
        typeof(WhisperEngine).Assembly,
        typeof(MediaProbe).Assembly,
    ];

    private static readonly Assembly Host = typeof(ServiceHost).Assembly;

    /// <summary>Assemblies whose names start so are the edge's, the host's or a driver's: none belongs in the core.</summary>
    private static readonly string[] ForbiddenInCore =
    [
        "MedGrpc.Service", "MedGrpc.Storage.", "MedGrpc.Engines.", "MedGrpc.Ffmpeg", "MedGrpc.Contracts", "MedGrpc.Client",
        "Grpc.", "Google.Protobuf", "Microsoft.AspNetCore", "Npgsql", "AWSSDK", "Microsoft.Data.Sqlite", "SQLitePCLRaw",
        "Whisper.net", "OpenTelemetry", "Polly",
    ];

    private static readonly ArchUnitNET.Domain.Architecture Loaded =
        new ArchLoader().LoadAssemblies([Core, .. Adapters, Host]).Build();

    [Fact]
    public void The_core_references_no_adapter_host_or_driver_assembly()
    {
        var referenced = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var forbidden = referenced.Where(name => ForbiddenInCore.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))).ToList();
        Assert.True(forbidden.Count == 0, $"MedGrpc.Core references {string.Join(", ", forbidden)}");
    }

    [Fact]
    public void An_adapter_references_the_core_and_no_other_project_of_ours()
    {
        foreach (var adapter in Adapters)
        {
            var ours = adapter.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("MedGrpc.", StringComparison.Ordinal)).ToList();
            Assert.True(ours.SequenceEqual(["MedGrpc.Core"]), $"{adapter.GetName().Name} references {string.Join(", ", ours)}");
        }
    }

    [Fact]
    public void No_core_type_depends_on_an_adapter_or_the_host()
    {
        Types().That().ResideInAssembly(Core)
            .Should().NotDependOnAny(Types().That().ResideInAssembly(Adapters[0], Adapters[1..]).Or().ResideInAssembly(Host))
            .Check(Loaded);
    }

    [Fact]
    public void No_store_driver_is_referenced_outside_its_adapter()
    {
        // The drivers' faults are translated into the core's StoreUnavailableException inside the adapters,
        // so neither the core nor the host (the gRPC edge's ErrorInterceptor) needs to know a driver.
        string[] drivers = ["Npgsql", "AWSSDK", "Microsoft.Data.Sqlite"];
        foreach (var assembly in new[] { Core, Host })
        {
            var named = assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => drivers.Any(d => n.StartsWith(d, StringComparison.Ordinal))).ToList();
            Assert.True(named.Count == 0, $"{assembly.GetName().Name} references {string.Join(", ", named)}");
        }
    }

    [Fact]
    public void The_namespaces_of_the_core_form_no_cycle()
    {
        SliceRuleDefinition.Slices().Matching("MedGrpc.Core.(**)").Should().BeFreeOfCycles().Check(Loaded);
    }
}
