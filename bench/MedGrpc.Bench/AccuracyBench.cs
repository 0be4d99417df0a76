using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using MedGrpc.Client;
using MedGrpc.Scoring;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Bench;

/// <summary>
/// Every item of the speech set through the running service, one at a time so that CPU is
/// attributable, next to raw pocketsphinx_continuous: WER, medical-term recall and CPU seconds
/// per audio second, per item and overall; then the same figures by half of the development set (DevelopmentHalves) and
/// group, with word and term counts, each item paired with the raw result, and the generalisation gap.
/// </summary>
public static class AccuracyBench
{
    public static async Task RunAsync(ServiceProcess service, string speechDir, string resultsDir, bool baseline, string? only, DevelopmentHalf? half, bool hints, int maxAlternatives)
    {
        var items = Items(speechDir, only, half);
        var serviceDir = Directory.CreateDirectory(Path.Combine(resultsDir, "service")).FullName;
        var rawDir = Directory.CreateDirectory(Path.Combine(resultsDir, "pocketsphinx_continuous")).FullName;
        var rawCpu = new Dictionary<string, double>();
        var serviceCpu = await TranscribeAllAsync(service, items, serviceDir, hints, maxAlternatives,
            async item => { if (baseline) rawCpu[item.Id] = await RawPocketSphinx.TranscribeAsync(item, rawDir); });

        var ours = await Scorer.ScoreAsync(speechDir, serviceDir);
        var raw = baseline ? await Scorer.ScoreAsync(speechDir, rawDir) : default;

        Console.WriteLine();
        Console.WriteLine($"{"item",-28} {"type",-12} {"audio s",8} {"WER%",7} {"raw WER%",9} {"terms%",7} {"raw terms%",10} {"RTF",6} {"raw RTF",8}");
        foreach (var item in items)
        {
            var o = ours.Items.GetValueOrDefault(item.Id);
            var r = baseline ? raw.Items.GetValueOrDefault(item.Id) : null;
            Console.WriteLine($"{item.Id,-28} {item.Type,-12} {item.DurationSeconds,8:F1} {Pct(o?.Wer),7} {Pct(r?.Wer),9} {Pct(o?.TermRecall),7} {Pct(r?.TermRecall),10} " +
                              $"{serviceCpu[item.Id] / item.DurationSeconds,6:F3} {(baseline ? (rawCpu[item.Id] / item.DurationSeconds).ToString("F3") : "-"),8}");
        }
        var audio = items.Sum(i => i.DurationSeconds);
        var rtf = serviceCpu.Values.Sum() / audio;
        Console.WriteLine();
        Console.WriteLine($"overall: {items.Count} items, {audio:F0} s of audio");
        Console.WriteLine($"service WER {Pct(ours.Wer)}%, medical-term recall {Pct(ours.TermRecall)}%, CPU per audio second {rtf:F3}");
        if (baseline)
        {
            var rawRtf = rawCpu.Values.Sum() / audio;
            Console.WriteLine($"pocketsphinx_continuous WER {Pct(raw.Wer)}%, medical-term recall {Pct(raw.TermRecall)}%, CPU per audio second {rawRtf:F3}");
            Console.WriteLine($"WER difference (service - raw): {100 * (ours.Wer - raw.Wer):+0.00;-0.00} points; CPU ratio (service / raw): {rtf / rawRtf:F2}x");
        }
        // Kept beside the transcripts too: tuning reports quote both halves and the gap from here.
        var halves = HalfReport.Table(ours.Summary, baseline ? raw.Summary : null);
        await File.WriteAllTextAsync(Path.Combine(resultsDir, "halves.txt"), halves);
        Console.WriteLine();
        Console.Write(halves);
    }

    /// <summary>The speech set's items, or those whose id contains <paramref name="only"/>, of <paramref name="half"/> when given.</summary>
    public static List<SpeechItem> Items(string speechDir, string? only, DevelopmentHalf? half = null) =>
        SpeechItem.Load(speechDir).Where(i => (only is null || i.Id.Contains(only)) && (half is null || DevelopmentHalves.Of(i.Id) == half)).ToList();

    /// <summary>
    /// Runs every item as a job, one at a time, and writes each transcript (as the bucket holds it) to
    /// <paramref name="outDir"/>; returns the service's CPU seconds per item. <paramref name="after"/> runs
    /// after each item (the raw baseline), outside the service's CPU count.
    /// </summary>
    public static async Task<Dictionary<string, double>> TranscribeAllAsync(ServiceProcess service, IReadOnlyList<SpeechItem> items, string outDir,
        bool hints, int maxAlternatives, Func<SpeechItem, Task>? after = null, string jobPrefix = "bench-")
    {
        var serviceCpu = new Dictionary<string, double>();
        foreach (var item in items)
        {
            var uri = await UploadAsync(service, item);
            var cpuBefore = ProcessCpu.Seconds(service.Pid);
            var wall = Stopwatch.StartNew();
            var request = new StartMedicalTranscriptionJobRequest
            {
                MedicalTranscriptionJobName = $"{jobPrefix}{item.Id}",
                LanguageCode = LanguageCode.EnUs,
                Media = new Media { MediaFileUri = uri },
                OutputBucketName = "bench-out",
                Specialty = Specialty.Primarycare,
                Type = item.SubmitAs == "CONVERSATION" ? MedicalJobType.Conversation : MedicalJobType.Dictation,
                Settings = new MedicalTranscriptionSetting(),
            };
            // The manifest's hint: channel identification for 2-channel files, speaker labels for mono mixes.
            if (hints && item.AwsHint?.Contains("ChannelIdentification") == true) request.Settings.ChannelIdentification = true;
            if (hints && item.AwsHint?.Contains("ShowSpeakerLabels") == true)
            {
                request.Settings.ShowSpeakerLabels = true;
                request.Settings.MaxSpeakerLabels = 2;
            }
            if (maxAlternatives > 1)
            {
                request.Settings.ShowAlternatives = true;
                request.Settings.MaxAlternatives = maxAlternatives;
            }
            var completed = await service.Jobs.StartAndWaitAsync(request);
            serviceCpu[item.Id] = ProcessCpu.Seconds(service.Pid) - cpuBefore;
            await DownloadAsync(service, completed.Job.Transcript.TranscriptFileUri, Path.Combine(outDir, $"{item.Id}.json"));
            Console.Error.WriteLine($"{item.Id}: service {wall.Elapsed.TotalSeconds:F1} s wall, {serviceCpu[item.Id]:F1} s CPU");
            if (after is not null) await after(item);
        }
        return serviceCpu;
    }

    private static async Task<string> UploadAsync(ServiceProcess service, SpeechItem item)
    {
        var key = Path.GetFileName(item.File);
        using var call = service.Objects.PutObject();
        await call.RequestStream.WriteAsync(new PutObjectRequest { Location = new ObjectLocation { Bucket = "bench-media", Key = key } });
        await using (var file = File.OpenRead(item.File))
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await file.ReadAsync(buffer)) > 0)
                await call.RequestStream.WriteAsync(new PutObjectRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) });
        }
        await call.RequestStream.CompleteAsync();
        return (await call.ResponseAsync).Uri;
    }

    // The transcript object exactly as the service wrote it, fetched over the ObjectStore service.
    private static async Task DownloadAsync(ServiceProcess service, string uri, string path)
    {
        var rest = uri["s3://".Length..];
        var slash = rest.IndexOf('/');
        using var call = service.Objects.GetObject(new GetObjectRequest { Bucket = rest[..slash], Key = rest[(slash + 1)..] });
        await using var file = File.Create(path);
        await foreach (var chunk in call.ResponseStream.ReadAllAsync())
            chunk.Chunk.WriteTo(file);
    }

    public static string Pct(double? value) => value is null ? "-" : (100 * value.Value).ToString("F1");
}
