namespace MedGrpc.Bench.ScaleOut;

/// <summary>CPU seconds of every process in the run at one moment; the difference of two is what a phase used.</summary>
public sealed record CpuSeconds(IReadOnlyList<double> Replicas, double Postgres, double S3rver, double Bench)
{
    public static CpuSeconds Now(IEnumerable<ServiceProcess> replicas, PostgresCluster postgres, S3rverProcess s3) =>
        new(replicas.Select(r => ProcessCpu.Seconds(r.Pid)).ToList(), postgres.CpuSeconds(), ProcessCpu.Seconds(s3.Pid), ProcessCpu.Self());

    public CpuSeconds Since(CpuSeconds earlier) =>
        new(Replicas.Zip(earlier.Replicas, (now, then) => now - then).ToList(), Postgres - earlier.Postgres, S3rver - earlier.S3rver, Bench - earlier.Bench);
}
