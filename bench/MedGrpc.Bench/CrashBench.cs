using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using MedGrpc.Transcribe.V1;
using Microsoft.Data.Sqlite;

namespace MedGrpc.Bench;

/// <summary>
/// The embedded default under crashes: one service on SQLite and folder buckets with the real PocketSphinx, SIGKILLed
/// at random moments while a client starts jobs (of two lengths) and creates vocabularies, and started again on the
/// same data dir each time. The client acts as a real one would: a call cut off by the kill is sent again after the
/// restart, and ConflictException then means the first one was kept. After each kill the database is checked
/// (PRAGMA integrity_check); after each restart every job seen COMPLETED is checked to be unchanged (same completion
/// time, transcript not written again). At the end: every job COMPLETED, one transcript object per job, every
/// vocabulary READY, and the figures.
/// </summary>
public static class CrashBench
{
    public sealed record Options(string ServiceDll, string SpeechDir, int Kills, int Jobs, int Vocabularies, int Workers,
        double MaxSecondsToKill, TimeSpan Timeout, int Seed, string[] ServiceSettings);

    private sealed record Completion(long CompletionMillis, DateTime TranscriptWritten);

    public static async Task<int> RunAsync(Options o)
    {
        var random = new Random(o.Seed);
        var dataDir = Path.Combine(Path.GetTempPath(), "medgrpc-bench", "crash-" + Guid.NewGuid().ToString("N"));
        var media = Path.Combine(dataDir, "buckets", "media");
        var output = Path.Combine(dataDir, "buckets", "out");
        Directory.CreateDirectory(media);
        Directory.CreateDirectory(output);
        try
        {
            // Mixed lengths: a 3 s recording and 12 s of dictation.
            File.Copy(Path.Combine(o.SpeechDir, "audio", "dev-real-goforward.wav"), Path.Combine(media, "short.wav"));
            await FfmpegAsync("-i", Path.Combine(o.SpeechDir, "audio", "dev-dict-01.wav"), "-t", "12", Path.Combine(media, "long.wav"));
            await File.WriteAllTextAsync(Path.Combine(media, "vocabulary.txt"), "Phrase\tIPA\tSoundsLike\tDisplayAs\nmavacamten\t\t\tMavacamten\n");

            var jobs = Enumerable.Range(1, o.Jobs).Select(i => $"crash-{i:D4}").ToList();
            var vocabularies = Enumerable.Range(1, o.Vocabularies).Select(i => $"crash-vocabulary-{i:D3}").ToList();
            var acknowledged = new ConcurrentDictionary<string, bool>();
            var completions = new Dictionary<string, Completion>();
            var settings = o.ServiceSettings.Append("--Logging:LogLevel:Default=Error").ToArray();
            var restarts = new List<double>();
            var integrityOk = 0;
            var rewritten = new List<string>();
            var clock = Stopwatch.StartNew();
            Console.WriteLine($"crash: {o.Kills} SIGKILLs at random moments (0.2–{o.MaxSecondsToKill:F1} s after each start), {o.Jobs} jobs, {o.Vocabularies} vocabularies, {o.Workers} workers, seed {o.Seed}");

            for (var kill = 1; kill <= o.Kills; kill++)
            {
                var started = Stopwatch.StartNew();
                using var service = await ServiceProcess.StartAsync(o.ServiceDll, o.Workers, settings, _ => { }, dataDir);
                restarts.Add(started.Elapsed.TotalMilliseconds);
                rewritten.AddRange(await ObserveAsync(service.Jobs, jobs.Where(acknowledged.ContainsKey), completions, output));

                using var stop = new CancellationTokenSource();
                var client = SubmitAsync(service.Jobs, jobs, vocabularies, acknowledged, random.Next(), stop.Token);
                await Task.Delay(TimeSpan.FromSeconds(0.2 + random.NextDouble() * (o.MaxSecondsToKill - 0.2)));
                service.Kill();
                await stop.CancelAsync();
                await client;

                var integrity = IntegrityCheck(Path.Combine(dataDir, "jobs.db"));
                if (integrity == "ok") integrityOk++;
                else Console.WriteLine($"kill {kill}: integrity_check says {integrity}");
                if (kill % 10 == 0)
                    Console.WriteLine($"kill {kill}: {acknowledged.Count(a => a.Key.StartsWith("crash-0", StringComparison.Ordinal))} jobs acknowledged, {completions.Count} seen COMPLETED, {clock.Elapsed.TotalSeconds:F0} s");
            }

            // The last start: what no call reached yet is sent now, and everything is followed to its end.
            using var last = await ServiceProcess.StartAsync(o.ServiceDll, o.Workers, settings, _ => { }, dataDir);
            rewritten.AddRange(await ObserveAsync(last.Jobs, jobs.Where(acknowledged.ContainsKey), completions, output));
            using (var rest = new CancellationTokenSource())
            {
                // Sends each remaining call once; a call refused or cut off is retried by the loop.
                while (jobs.Concat(vocabularies).Any(n => !acknowledged.ContainsKey(n)) && clock.Elapsed < o.Timeout)
                    await SubmitAsync(last.Jobs, jobs, vocabularies, acknowledged, random.Next(), rest.Token, once: true);
            }
            var deadline = clock.Elapsed + o.Timeout; // for the jobs to finish after the last kill
            var statuses = new Dictionary<string, TranscriptionJobStatus>();
            while (true)
            {
                foreach (var name in jobs)
                    statuses[name] = (await last.Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = name }))
                        .MedicalTranscriptionJob.TranscriptionJobStatus;
                if (statuses.Values.All(s => s is TranscriptionJobStatus.Completed or TranscriptionJobStatus.Failed) || clock.Elapsed > deadline) break;
                await Task.Delay(1000);
            }
            rewritten.AddRange(await ObserveAsync(last.Jobs, jobs, completions, output));
            var vocabularyStates = new Dictionary<string, VocabularyState>();
            foreach (var name in vocabularies)
                vocabularyStates[name] = (await last.Jobs.GetMedicalVocabularyAsync(new GetMedicalVocabularyRequest { VocabularyName = name })).VocabularyState;

            var transcripts = Directory.EnumerateFiles(output).Select(Path.GetFileName).ToList();
            var objects = transcripts.Where(f => f!.EndsWith(".json", StringComparison.Ordinal)).ToList();
            var partials = transcripts.Count(f => f!.EndsWith(".partial", StringComparison.Ordinal));
            var unreadable = objects.Count(f => !IsTranscriptOf(Path.Combine(output, f!), f![..^5]));
            var lost = jobs.Count(n => statuses[n] != TranscriptionJobStatus.Completed);
            var stuck = jobs.Count(n => statuses[n] is TranscriptionJobStatus.Queued or TranscriptionJobStatus.InProgress);
            var objectsOk = objects.Order().SequenceEqual(jobs.Select(n => n + ".json").Order());
            var vocabulariesReady = vocabularyStates.Values.Count(s => s == VocabularyState.Ready);

            Console.WriteLine();
            Console.WriteLine($"kills                 {o.Kills} (SIGKILL), {clock.Elapsed.TotalMinutes:F1} min in all");
            Console.WriteLine($"integrity_check ok    {integrityOk}/{o.Kills}");
            Console.WriteLine($"jobs COMPLETED        {jobs.Count - lost}/{jobs.Count} (lost or failed {lost}, stuck {stuck})");
            Console.WriteLine($"done twice            {rewritten.Distinct().Count()} (a job seen COMPLETED whose completion time or transcript changed afterwards)");
            Console.WriteLine($"transcript objects    {objects.Count} for {jobs.Count} jobs, one per job: {(objectsOk ? "yes" : "NO")}; unreadable {unreadable}; temporary .partial files left by kills {partials}");
            Console.WriteLine($"vocabularies READY    {vocabulariesReady}/{vocabularies.Count}");
            Console.WriteLine($"restart to serving    {Percentiles.Summary(restarts)}");
            var passed = integrityOk == o.Kills && lost == 0 && stuck == 0 && rewritten.Count == 0 && objectsOk && unreadable == 0 && vocabulariesReady == vocabularies.Count;
            Console.WriteLine(passed ? "PASS" : "FAIL");
            return passed ? 0 : 1;
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// Starts the jobs and creates the vocabularies not yet acknowledged, in order, until stopped (the kill). A call
    /// answered OK or ConflictException (a call before the kill was kept) is acknowledged; one cut off is left for later.
    /// </summary>
    private static async Task SubmitAsync(MedicalTranscription.MedicalTranscriptionClient client, List<string> jobs, List<string> vocabularies,
        ConcurrentDictionary<string, bool> acknowledged, int seed, CancellationToken stop, bool once = false)
    {
        var random = new Random(seed);
        var pending = jobs.Where(n => !acknowledged.ContainsKey(n)).ToList();
        var vocabulariesPending = new Queue<string>(vocabularies.Where(n => !acknowledged.ContainsKey(n)));
        for (var i = 0; i < pending.Count && !stop.IsCancellationRequested; i++)
        {
            try
            {
                // A vocabulary every fifth call, while there are some to create.
                if (i % 5 == 4 && vocabulariesPending.TryDequeue(out var vocabulary))
                    await AcknowledgeAsync(vocabulary, acknowledged, () => client.CreateMedicalVocabularyAsync(new CreateMedicalVocabularyRequest
                    {
                        VocabularyName = vocabulary, LanguageCode = LanguageCode.EnUs, VocabularyFileUri = "s3://media/vocabulary.txt",
                    }, cancellationToken: stop).ResponseAsync);
                var name = pending[i];
                var index = int.Parse(name[^4..], CultureInfo.InvariantCulture);
                await AcknowledgeAsync(name, acknowledged, () => client.StartMedicalTranscriptionJobAsync(new StartMedicalTranscriptionJobRequest
                {
                    MedicalTranscriptionJobName = name, LanguageCode = LanguageCode.EnUs,
                    Media = new Media { MediaFileUri = index % 4 == 0 ? "s3://media/long.wav" : "s3://media/short.wav" },
                    OutputBucketName = "out", Specialty = Specialty.Primarycare, Type = MedicalJobType.Dictation,
                }, cancellationToken: stop).ResponseAsync);
                if (!once) await Task.Delay(random.Next(0, 400), stop);
            }
            catch (Exception e) when (e is RpcException or OperationCanceledException)
            {
                // Cut off by the kill: sent again after the restart.
                if (!once) return;
            }
        }
        while (once && vocabulariesPending.TryDequeue(out var vocabulary))
        {
            try
            {
                await AcknowledgeAsync(vocabulary, acknowledged, () => client.CreateMedicalVocabularyAsync(new CreateMedicalVocabularyRequest
                {
                    VocabularyName = vocabulary, LanguageCode = LanguageCode.EnUs, VocabularyFileUri = "s3://media/vocabulary.txt",
                }, cancellationToken: stop).ResponseAsync);
            }
            catch (RpcException) { }
        }
    }

    private static async Task AcknowledgeAsync(string name, ConcurrentDictionary<string, bool> acknowledged, Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            // The call before the kill was kept.
        }
        acknowledged[name] = true;
    }

    /// <summary>Records the jobs newly COMPLETED; returns those seen COMPLETED before that have changed since.</summary>
    private static async Task<List<string>> ObserveAsync(MedicalTranscription.MedicalTranscriptionClient client, IEnumerable<string> names,
        Dictionary<string, Completion> completions, string output)
    {
        var changed = new List<string>();
        foreach (var name in names.ToList())
        {
            var job = (await client.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = name })).MedicalTranscriptionJob;
            if (job.TranscriptionJobStatus != TranscriptionJobStatus.Completed)
            {
                if (completions.ContainsKey(name)) changed.Add(name);
                continue;
            }
            var now = new Completion(job.CompletionTime.ToDateTimeOffset().ToUnixTimeMilliseconds(), File.GetLastWriteTimeUtc(Path.Combine(output, name + ".json")));
            if (completions.TryGetValue(name, out var before) && before != now) changed.Add(name);
            completions[name] = now;
        }
        return changed;
    }

    /// <summary>PRAGMA integrity_check of the database as the kill left it: "ok", or what it found.</summary>
    public static string IntegrityCheck(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return string.Join("; ", ReadAll(command));

        static IEnumerable<string> ReadAll(SqliteCommand command)
        {
            using var reader = command.ExecuteReader();
            while (reader.Read()) yield return reader.GetString(0);
        }
    }

    private static bool IsTranscriptOf(string path, string name)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            return json.RootElement.GetProperty("jobName").GetString() == name;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task FfmpegAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-v", "error", "-y" }.Concat(arguments)) start.ArgumentList.Add(a);
        using var ffmpeg = Process.Start(start)!;
        var errors = ffmpeg.StandardError.ReadToEndAsync();
        await ffmpeg.WaitForExitAsync();
        if (ffmpeg.ExitCode != 0) throw new InvalidOperationException($"ffmpeg: {await errors}");
    }
}
