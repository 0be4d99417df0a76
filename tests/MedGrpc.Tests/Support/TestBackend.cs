namespace MedGrpc.Tests.Support;

/// <summary>
/// Which stores the test servers use: the embedded defaults (SQLite, folders), or PostgreSQL and S3
/// (real servers the tests start). MEDGRPC_TEST_BACKEND=scaleout runs the integration suite on the latter.
/// </summary>
public enum TestBackend
{
    Embedded,
    ScaleOut,
}

public static class TestBackends
{
    public static TestBackend FromEnvironment =>
        string.Equals(Environment.GetEnvironmentVariable("MEDGRPC_TEST_BACKEND"), "scaleout", StringComparison.OrdinalIgnoreCase)
            ? TestBackend.ScaleOut
            : TestBackend.Embedded;
}
