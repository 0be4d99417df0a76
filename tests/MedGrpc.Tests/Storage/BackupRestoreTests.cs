using System.Diagnostics;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Storage;

/// <summary>
/// The embedded store backed up while the service runs (the service's `backup` command) and restored into another
/// data dir (`restore`), the buckets copied after: every job and vocabulary is there, and the jobs end COMPLETED.
/// </summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private readonly TestServer _original = new(2, backend: TestBackend.Embedded);
    private readonly string _restoredDir = Path.Combine(Path.GetTempPath(), "medgrpc-tests", Guid.NewGuid().ToString("N"));
    private readonly string _backup = Path.Combine(Path.GetTempPath(), "medgrpc-tests", Guid.NewGuid().ToString("N") + ".db");
    private TestServer? _restored;

    public async Task InitializeAsync()
    {
        await _original.StartAppAsync();
        _original.CreateBucket("out");
    }

    public async Task DisposeAsync()
    {
        await _original.DisposeAsync();
        if (_restored is not null) await _restored.DisposeAsync();
        File.Delete(_backup);
    }

    private static async Task<(int Code, string Output)> CommandAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MedGrpc.Service.dll"));
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    [Fact]
    public async Task A_backup_taken_while_jobs_run_restores_every_job_and_vocabulary()
    {
        var vocabulary = _original.PutTable("vocabularies/backup.txt", "mavacamten\t\t\tMavacamten");
        foreach (var name in new[] { "backup-vocabulary-1", "backup-vocabulary-2" })
            await _original.Jobs.CreateMedicalVocabularyAsync(Support.Vocabularies.Create(name, vocabulary));
        var jobs = new[] { "backup-job-1", "backup-job-2", "backup-job-3" };
        foreach (var name in jobs)
            await _original.Jobs.StartMedicalTranscriptionJobAsync(Requests.Dictation(name, _original.PutFile("media", $"{name}.wav", MediaFiles.GoForward)));
        await _original.WatchToEndAsync(jobs[0]); // one finished, the others queued or running

        var backup = await CommandAsync("backup", "--to", _backup, $"--MedGrpc:DataDir={_original.DataDir}");
        Assert.True(backup.Code == 0, backup.Output);
        await _original.StopAppAsync();

        var restore = await CommandAsync("restore", "--from", _backup, $"--MedGrpc:DataDir={_restoredDir}");
        Assert.True(restore.Code == 0, restore.Output);
        CopyFolder(Path.Combine(_original.DataDir, "buckets"), Path.Combine(_restoredDir, "buckets"));
        _restored = new TestServer(2, dataDir: _restoredDir, backend: TestBackend.Embedded);
        await _restored.StartAppAsync();

        var listed = (await _restored.Jobs.ListMedicalTranscriptionJobsAsync(new ListMedicalTranscriptionJobsRequest())).MedicalTranscriptionJobSummaries;
        Assert.Equal(jobs, listed.Select(j => j.MedicalTranscriptionJobName).Order());
        foreach (var name in jobs)
            Assert.Equal(TranscriptionJobStatus.Completed, (await _restored.WatchToEndAsync(name))[^1].MedicalTranscriptionJob.TranscriptionJobStatus);
        var vocabularies = (await _restored.Jobs.ListMedicalVocabulariesAsync(new ListMedicalVocabulariesRequest())).Vocabularies;
        Assert.Equal(["backup-vocabulary-1", "backup-vocabulary-2"], vocabularies.Select(v => v.VocabularyName).Order());
    }

    [Fact]
    public async Task A_backup_is_never_written_over_an_existing_file()
    {
        await File.WriteAllTextAsync(_backup, "an earlier backup");

        var backup = await CommandAsync("backup", "--to", _backup, $"--MedGrpc:DataDir={_original.DataDir}");

        Assert.Equal(1, backup.Code);
        Assert.Contains("exists already", backup.Output);
        Assert.Equal("an earlier backup", await File.ReadAllTextAsync(_backup));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
