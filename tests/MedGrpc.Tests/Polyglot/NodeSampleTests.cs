namespace MedGrpc.Tests.Polyglot;

/// <summary>samples/node (@grpc/grpc-js, protos/ loaded at run time by @grpc/proto-loader) against the real service.</summary>
public sealed class NodeSampleTests(SampleFixture<NodeSample> fixture) : SampleBehaviour<NodeSample>(fixture);
