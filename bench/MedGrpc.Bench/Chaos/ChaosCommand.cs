using System.Globalization;
using MedGrpc.Bench.ScaleOut;

namespace MedGrpc.Bench.Chaos;

/// <summary>
/// `chaos`: runs the bench, prints its figures and writes them to bench/results/&lt;UTC time&gt;/chaos.txt. Exit code 1
/// when a job was lost, done twice or stuck, 130 when stopped by a signal; whatever happens, what it started is stopped
/// and its folders removed.
/// </summary>
public static class ChaosCommand
{
    /// <summary>The numbers are the defaults: 200 jobs, 100 kills, 5 PostgreSQL and 5 s3rver restarts.</summary>
    public static Task<int> RunAsync(string repo, string speechDir, string serviceDll, int workers, string[] serviceSettings, Func<string, string?> option) =>
        RunAsync(new ChaosOptions(repo, speechDir, serviceDll,
            Jobs: int.Parse(option("--jobs") ?? "200", CultureInfo.InvariantCulture),
            Kills: int.Parse(option("--kills") ?? "100", CultureInfo.InvariantCulture),
            PostgresRestarts: int.Parse(option("--pg-restarts") ?? "5", CultureInfo.InvariantCulture),
            S3Restarts: int.Parse(option("--s3-restarts") ?? "5", CultureInfo.InvariantCulture),
            WorkersPerReplica: workers,
            MaxMinutes: double.Parse(option("--max-minutes") ?? "60", CultureInfo.InvariantCulture),
            Seed: int.Parse(option("--seed") ?? "20", CultureInfo.InvariantCulture),
            ServiceSettings: serviceSettings));

    public static async Task<int> RunAsync(ChaosOptions options)
    {
        using var signal = new StopSignal("chaos");
        var work = Directory.CreateTempSubdirectory("medgrpc-bench-chaos-");
        try
        {
            var report = new ChaosReport(await ChaosBench.RunAsync(options, work.FullName, signal.Token));
            var lines = report.Lines();
            foreach (var line in lines) Console.WriteLine(line);
            var results = Path.Combine(options.Repo, "bench", "results", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
            Directory.CreateDirectory(results);
            var file = Path.Combine(results, "chaos.txt");
            await File.WriteAllLinesAsync(file, lines);
            Console.WriteLine($"figures: {file}");
            return report.Passed ? 0 : 1;
        }
        // Whatever failed after the signal failed of it: a cancelled call surfaces as an RpcException too.
        catch (Exception) when (signal.Token.IsCancellationRequested)
        {
            Console.Error.WriteLine("chaos: stopped; the replicas, s3rver and PostgreSQL are stopped");
            return 130;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
