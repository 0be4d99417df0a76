using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using MedGrpc.Client;
using MedGrpc.Core.Ports;
using MedGrpc.Core.Transcripts;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Bench;

/// <summary>
/// The labelled PHI set (bench/phi-set, made by scripts/make-phi-set.py) through PHI identification:
/// first on the reference text as perfect words (the detector alone), then end to end through the
/// running service with ContentIdentificationType PHI (flite audio, real PocketSphinx). Precision and
/// recall per category and overall, and the check that every entity's times are its items' times.
///
/// Matching: an entity is a true positive when it has the label's category and covers at least one of
/// the label's words; each label is matched at most once (so a label split in two counts one true and one
/// false positive). On the reference text, entity words are the words under its times. End to end, the
/// transcript's words (digits read back as words) are aligned to the reference words by edit distance,
/// and the entity's words are the reference words aligned to the items under its times.
/// </summary>
public static class PhiBench
{
    private sealed record Label(string Category, int First, int Count, string Text);

    private sealed record Sentence(string Id, string Text, string[] Words, List<Label> Labels, string Audio);

    private sealed record Predicted(string Category, HashSet<int> Words, string Content);

    private sealed class Tally
    {
        public int TruePositives, FalsePositives, FalseNegatives;
    }

    /// <summary>The two labelled sets: "tune" (the detector and the model's PHI text were tuned on it) and "held-out" (never tuned on).</summary>
    public static readonly IReadOnlyDictionary<string, (string File, string FirstId)> Sets = new Dictionary<string, (string, string)>
    {
        ["tune"] = ("sentences.jsonl", "phi-001"),
        ["held-out"] = ("held-out.jsonl", "phi-h001"),
    };

    public static async Task RunAsync(ServiceProcess? service, string repo, bool textOnly, string setName = "tune")
    {
        var set = Path.Combine(repo, "bench", "phi-set");
        var (file, firstId) = Sets[setName];
        if (!textOnly && !File.Exists(Path.Combine(set, "audio", $"{firstId}.wav")))
        {
            using var make = Process.Start("python3", [Path.Combine(repo, "scripts", "make-phi-set.py"), "--set", setName, "--audio"]);
            await make.WaitForExitAsync();
        }
        var sentences = File.ReadLines(Path.Combine(set, file)).Where(l => l.Trim().Length > 0).Select(Parse(set)).ToList();
        Console.WriteLine($"PHI set '{setName}' ({file}): {sentences.Count} sentences, {sentences.Sum(s => s.Labels.Count)} labelled spans");

        var onText = new Dictionary<string, Tally>();
        foreach (var sentence in sentences)
        {
            var words = sentence.Words.Select((w, k) => new RecognizedWord(w, k, k + 0.5, 1.0)).ToList();
            var document = TranscriptBuilder.Build(sentence.Id, "0", new TranscriptInput([new Recognition([new RecognizedUtterance(words)])], IdentifyPhi: true));
            var predicted = document.Results.Entities!
                .Select(e => new Predicted(e.Category, Enumerable.Range((int)Math.Round(e.StartTime), (int)Math.Round(e.EndTime - 0.5) - (int)Math.Round(e.StartTime) + 1).ToHashSet(), e.Content))
                .ToList();
            Score(sentence, predicted, onText, verbose: false);
        }
        Print("detector on the reference text (perfect words)", onText);
        if (textOnly || service is null) return;

        var endToEnd = new Dictionary<string, Tally>();
        int entities = 0, outside = 0;
        var wall = Stopwatch.StartNew();
        foreach (var sentence in sentences)
        {
            var uri = service.PutFile("bench-media", $"{sentence.Id}.wav", sentence.Audio);
            var completed = await service.Jobs.StartAndWaitAsync(new StartMedicalTranscriptionJobRequest
            {
                MedicalTranscriptionJobName = $"phi-{sentence.Id}",
                LanguageCode = LanguageCode.EnUs,
                Media = new Media { MediaFileUri = uri },
                OutputBucketName = "bench-out",
                Specialty = Specialty.Primarycare,
                Type = MedicalJobType.Dictation,
                ContentIdentificationType = ContentIdentificationType.Phi,
            });
            var items = completed.Transcript.Results.Items.Where(i => i.Type == "pronunciation").ToList();
            var starts = items.Select(i => double.Parse(i.StartTime, CultureInfo.InvariantCulture)).ToList();
            var ends = items.Select(i => double.Parse(i.EndTime, CultureInfo.InvariantCulture)).ToList();
            var alignment = Align(sentence.Words, items.Select(i => i.Alternatives[0].Content).ToList());
            var predicted = new List<Predicted>();
            foreach (var e in completed.Transcript.Results.Entities)
            {
                entities++;
                var first = starts.FindIndex(s => Math.Abs(s - e.StartTime) < 1e-6);
                var last = ends.FindLastIndex(x => Math.Abs(x - e.EndTime) < 1e-6);
                if (first < 0 || last < first)
                {
                    outside++;
                    continue;
                }
                var words = Enumerable.Range(first, last - first + 1).SelectMany(k => alignment[k]).ToHashSet();
                predicted.Add(new Predicted(e.Category, words, e.Content));
            }
            Console.Error.WriteLine($"{sentence.Id}: {completed.Text}");
            Score(sentence, predicted, endToEnd, verbose: true);
        }
        Print("end to end (flite voices → service → PocketSphinx → PHI)", endToEnd);
        Console.WriteLine($"entity times: {entities} entities, {outside} not starting at an item's start and ending at a later or the same item's end; {wall.Elapsed.TotalSeconds:F0} s");
    }

    private static Func<string, Sentence> Parse(string set) => line =>
    {
        var e = JsonDocument.Parse(line).RootElement;
        var id = e.GetProperty("id").GetString()!;
        return new Sentence(id, e.GetProperty("text").GetString()!,
            e.GetProperty("words").EnumerateArray().Select(w => w.GetString()!).ToArray(),
            e.GetProperty("entities").EnumerateArray().Select(l => new Label(l.GetProperty("category").GetString()!, l.GetProperty("first").GetInt32(),
                l.GetProperty("count").GetInt32(), l.GetProperty("text").GetString()!)).ToList(),
            Path.Combine(set, "audio", $"{id}.wav"));
    };

    private static void Score(Sentence sentence, List<Predicted> predicted, Dictionary<string, Tally> tallies, bool verbose)
    {
        Tally Of(string category) => tallies.TryGetValue(category, out var t) ? t : tallies[category] = new Tally();
        var matched = new HashSet<Label>();
        foreach (var p in predicted)
        {
            var label = sentence.Labels.FirstOrDefault(l => !matched.Contains(l) && l.Category == p.Category && p.Words.Any(w => w >= l.First && w < l.First + l.Count));
            if (label is null)
            {
                Of(p.Category).FalsePositives++;
                if (verbose) Console.Error.WriteLine($"  false positive {p.Category} '{p.Content}'");
                continue;
            }
            matched.Add(label);
            Of(p.Category).TruePositives++;
        }
        foreach (var label in sentence.Labels.Where(l => !matched.Contains(l)))
        {
            Of(label.Category).FalseNegatives++;
            if (verbose) Console.Error.WriteLine($"  missed {label.Category} '{label.Text}'");
        }
        if (!verbose)
            foreach (var label in sentence.Labels.Where(l => !matched.Contains(l))) Console.Error.WriteLine($"[text] {sentence.Id} missed {label.Category} '{label.Text}'");
        if (!verbose)
            foreach (var p in predicted.Where(p => !sentence.Labels.Any(l => l.Category == p.Category && p.Words.Any(w => w >= l.First && w < l.First + l.Count))))
                Console.Error.WriteLine($"[text] {sentence.Id} false positive {p.Category} '{p.Content}'");
    }

    private static void Print(string title, Dictionary<string, Tally> tallies)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine($"{"category",-16} {"labels",6} {"found",6} {"TP",4} {"FP",4} {"FN",4} {"precision",10} {"recall",8}");
        var all = new Tally();
        foreach (var (category, t) in tallies.OrderBy(p => p.Key))
        {
            Row(category, t);
            all.TruePositives += t.TruePositives;
            all.FalsePositives += t.FalsePositives;
            all.FalseNegatives += t.FalseNegatives;
        }
        Row("overall", all);
    }

    private static void Row(string name, Tally t)
    {
        var precision = t.TruePositives + t.FalsePositives == 0 ? 1 : (double)t.TruePositives / (t.TruePositives + t.FalsePositives);
        var recall = t.TruePositives + t.FalseNegatives == 0 ? 1 : (double)t.TruePositives / (t.TruePositives + t.FalseNegatives);
        Console.WriteLine($"{name,-16} {t.TruePositives + t.FalseNegatives,6} {t.TruePositives + t.FalsePositives,6} {t.TruePositives,4} {t.FalsePositives,4} {t.FalseNegatives,4} {100 * precision,9:F1}% {100 * recall,7:F1}%");
    }

    /// <summary>For each transcript item, the reference word positions aligned to its words (edit distance over words; digits read as words).</summary>
    private static List<List<int>> Align(string[] reference, List<string> items)
    {
        var hyp = new List<(string Word, int Item)>();
        for (var k = 0; k < items.Count; k++)
            foreach (var w in Spoken(items[k])) hyp.Add((w, k));
        int n = reference.Length, m = hyp.Count;
        var d = new int[n + 1, m + 1];
        for (var i = 0; i <= n; i++) d[i, 0] = i;
        for (var j = 0; j <= m; j++) d[0, j] = j;
        for (var i = 1; i <= n; i++)
            for (var j = 1; j <= m; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (reference[i - 1] == hyp[j - 1].Word ? 0 : 1));
        var aligned = items.Select(_ => new List<int>()).ToList();
        int a = n, b = m;
        while (a > 0 && b > 0)
        {
            if (d[a, b] == d[a - 1, b - 1] + (reference[a - 1] == hyp[b - 1].Word ? 0 : 1)) { aligned[hyp[b - 1].Item].Add(a - 1); a--; b--; }
            else if (d[a, b] == d[a - 1, b] + 1) a--;
            else b--;
        }
        return aligned;
    }

    private static IEnumerable<string> Spoken(string content)
    {
        var text = Regex.Replace(content.ToLowerInvariant(), @"(\d+)", m => " " + NumberToWords(long.Parse(m.Value, CultureInfo.InvariantCulture)) + " ");
        text = text.Replace("%", " percent ");
        return Regex.Split(text, @"[^a-z']+").Where(w => w.Length > 0);
    }

    private static readonly string[] Ones = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
    private static readonly string[] TensWords = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static string NumberToWords(long n)
    {
        if (n < 20) return Ones[n];
        if (n < 100) return TensWords[n / 10] + (n % 10 == 0 ? "" : " " + Ones[n % 10]);
        foreach (var (value, name) in new[] { (1_000_000_000L, "billion"), (1_000_000L, "million"), (1000L, "thousand"), (100L, "hundred") })
            if (n >= value) return NumberToWords(n / value) + " " + name + (n % value == 0 ? "" : " " + NumberToWords(n % value));
        return n.ToString(CultureInfo.InvariantCulture);
    }
}
