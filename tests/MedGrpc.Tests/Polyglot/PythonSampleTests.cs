namespace MedGrpc.Tests.Polyglot;

/// <summary>samples/python (python3-grpcio, stubs generated from protos/ at run time) against the real service.</summary>
public sealed class PythonSampleTests(SampleFixture<PythonSample> fixture) : SampleBehaviour<PythonSample>(fixture);
