namespace MedGrpc.Bench.ScaleOut;

/// <summary>
/// `load-scaleout`: runs the bench, prints its figures and writes them to
/// bench/results/&lt;UTC time&gt;/load-scaleout.txt. Exit code 1 when a job was lost or done twice,
/// 130 when stopped by a signal; whatever happens, what the bench started is stopped.
/// </summary>
public static class ScaleOutCommand
{
    public static async Task<int> RunAsync(ScaleOutOptions options)
    {
        using var signal = new StopSignal();
        var work = Directory.CreateTempSubdirectory("medgrpc-bench-scaleout-");
        try
        {
            var result = await ScaleOutBench.RunAsync(options, work.FullName, signal.Token);
            var lines = ScaleOutReport.Lines(result);
            foreach (var line in lines) Console.WriteLine(line);
            var results = Path.Combine(options.Repo, "bench", "results", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
            Directory.CreateDirectory(results);
            var file = Path.Combine(results, "load-scaleout.txt");
            await File.WriteAllLinesAsync(file, lines);
            Console.WriteLine($"figures: {file}");
            return ScaleOutReport.NoneLostOrDuplicated(result) ? 0 : 1;
        }
        // Whatever failed after the signal failed of it: a cancelled call surfaces as an RpcException too.
        catch (Exception) when (signal.Token.IsCancellationRequested)
        {
            Console.Error.WriteLine("load-scaleout: stopped; the replicas, s3rver and PostgreSQL are stopped");
            return 130;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
