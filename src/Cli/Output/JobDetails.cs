using MedGrpc.Transcribe.V1;
using Spectre.Console;

namespace MedGrpc.Cli.Output;

/// <summary>A job for people: one labelled line per member that is set, AWS values throughout.</summary>
internal static class JobDetails
{
    // The summary shows the start of the text; `medgrpc transcript` prints all of it.
    private const int TextPreview = 300;

    /// <summary>Writes one "Label  value" line per member: lines, not a grid, so that redirected output has no padding.</summary>
    public static void Write(IAnsiConsole console, MedicalTranscriptionJob job, Transcript? transcript = null)
    {
        var rows = new List<(string Label, string Value, Style Style)>();
        void Row(string label, string? value, Style? style = null)
        {
            if (value is not null) rows.Add((label, value, style ?? Style.Plain));
        }

        Row("Name", job.MedicalTranscriptionJobName);
        Row("Status", AwsEnums.Statuses.ToAws(job.TranscriptionJobStatus), StatusStyle(job.TranscriptionJobStatus));
        Row("Failure reason", job.HasFailureReason ? job.FailureReason : null, new Style(Color.Red));
        Row("Language", AwsEnums.LanguageCodes.ToAws(job.LanguageCode));
        Row("Specialty", AwsEnums.Specialties.ToAws(job.Specialty));
        Row("Type", AwsEnums.JobTypes.ToAws(job.Type));
        Row("Media", job.Media is { HasMediaFileUri: true } ? job.Media.MediaFileUri : null);
        Row("Media format", AwsEnums.MediaFormats.ToAws(job.MediaFormat));
        Row("Sample rate", job.HasMediaSampleRateHertz ? $"{job.MediaSampleRateHertz} Hz" : null);
        Row("Content identification", AwsEnums.ContentIdentificationTypes.ToAws(job.ContentIdentificationType));
        Row("Settings", job.Settings is { } settings ? SettingsText(settings) : null);
        Row("Tags", job.Tags.Count > 0 ? string.Join(", ", job.Tags.Select(t => $"{t.Key}={t.Value}")) : null);
        Row("Created", AwsJson.Time(job.CreationTime));
        Row("Started", AwsJson.Time(job.StartTime));
        Row("Completed", AwsJson.Time(job.CompletionTime));
        Row("Transcript", job.Transcript is { HasTranscriptFileUri: true } ? job.Transcript.TranscriptFileUri : null);
        if (transcript?.Results?.Transcripts.FirstOrDefault()?.Transcript is { } text)
        {
            Row("Words", transcript.Results.Items.Count(i => i.Type == "pronunciation").ToString());
            Row("Text", text.Length <= TextPreview ? text : $"{text[..TextPreview]}… (medgrpc transcript {job.MedicalTranscriptionJobName})");
        }

        var width = rows.Max(r => r.Label.Length) + 2;
        var bold = new Style(decoration: Decoration.Bold);
        foreach (var (label, value, style) in rows)
        {
            // Text, not Markup: names and reasons may hold '[' and must print as they are.
            console.Write(new Text(label, bold));
            console.Write(new Text(new string(' ', width - label.Length) + value, style));
            console.WriteLine();
        }
    }

    public static Style StatusStyle(TranscriptionJobStatus status) => status switch
    {
        TranscriptionJobStatus.Completed => new Style(Color.Green),
        TranscriptionJobStatus.Failed => new Style(Color.Red),
        TranscriptionJobStatus.InProgress => new Style(Color.Yellow),
        _ => Style.Plain,
    };

    private static string? SettingsText(MedicalTranscriptionSetting settings)
    {
        var parts = new List<string>();
        if (settings.HasShowSpeakerLabels) parts.Add($"ShowSpeakerLabels={Bool(settings.ShowSpeakerLabels)}");
        if (settings.HasMaxSpeakerLabels) parts.Add($"MaxSpeakerLabels={settings.MaxSpeakerLabels}");
        if (settings.HasChannelIdentification) parts.Add($"ChannelIdentification={Bool(settings.ChannelIdentification)}");
        if (settings.HasShowAlternatives) parts.Add($"ShowAlternatives={Bool(settings.ShowAlternatives)}");
        if (settings.HasMaxAlternatives) parts.Add($"MaxAlternatives={settings.MaxAlternatives}");
        if (settings.HasVocabularyName) parts.Add($"VocabularyName={settings.VocabularyName}");
        return parts.Count > 0 ? string.Join(", ", parts) : null;
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
