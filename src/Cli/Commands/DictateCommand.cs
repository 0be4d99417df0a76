using System.CommandLine;
using MedGrpc.Cli.Dictation;
using MedGrpc.Client;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Cli.Commands;

/// <summary>
/// medgrpc dictate FILE: streams a recording to StreamTranscription as a clinician would speak it (paced at real time,
/// or --fast) and prints the transcript as it comes: on a terminal the partial line is redrawn in place and finals
/// scroll above it; otherwise one line a final.
/// </summary>
internal static class DictateCommand
{
    public static Command Create(Option<Uri> address)
    {
        var file = new Argument<FileInfo>("file") { Description = "A 16-bit PCM WAV, FLAC or Ogg Opus recording." };
        file.AcceptExistingOnly();
        var fast = new Option<bool>("--fast") { Description = "Send the audio as fast as the service takes it instead of at real time." };
        var specialty = AwsEnumOption.Create("--specialty", AwsEnums.Specialties, "Specialty: PRIMARYCARE (default), CARDIOLOGY, NEUROLOGY, ONCOLOGY, RADIOLOGY or UROLOGY.");
        var type = AwsEnumOption.Create("--type", AwsEnums.JobTypes, "Type: DICTATION (default) or CONVERSATION.");
        var vocabularyName = new Option<string?>("--vocabulary-name") { Description = "VocabularyName: a READY custom vocabulary.", HelpName = "name" };
        var showSpeakerLabel = new Option<bool>("--show-speaker-label") { Description = "ShowSpeakerLabel: label each final's words with the speaker." };
        var channelIdentification = new Option<bool>("--channel-identification") { Description = "EnableChannelIdentification with NumberOfChannels 2: a two-channel recording, each channel on its own." };
        var contentIdentification = AwsEnumOption.Create("--content-identification-type", AwsEnums.ContentIdentificationTypes, "ContentIdentificationType: PHI marks protected health information.");
        var outputBucket = new Option<string?>("--output-bucket") { Description = "Record the session as a job (MedGrpc's own): the bucket its transcript is written to (it must exist).", HelpName = "bucket" };
        var outputKey = new Option<string?>("--output-key") { Description = "With --output-bucket: x.json names the object, dir/x a folder for NAME.json.", HelpName = "key" };
        var name = new Option<string?>("--name") { Description = "With --output-bucket: the recorded job's name (default: the session id).", HelpName = "name" };
        var command = new Command("dictate", "Stream a recording live (StreamTranscription) and print the transcript as it comes.")
        {
            file, fast, specialty, type, vocabularyName, showSpeakerLabel, channelIdentification, contentIdentification, outputBucket, outputKey, name,
        };
        command.SetAction(async (parse, ct) =>
        {
            Recording recording;
            try
            {
                recording = Recording.Read(parse.GetRequiredValue(file).FullName);
            }
            catch (InvalidDataException e)
            {
                Console.Error.WriteLine($"medgrpc: {e.Message}");
                return ExitCodes.UsageError;
            }
            var settings = new StreamSettings
            {
                LanguageCode = LanguageCode.EnUs,
                MediaSampleRateHertz = recording.SampleRate,
                MediaEncoding = recording.Encoding switch { "pcm" => MediaEncoding.Pcm, "flac" => MediaEncoding.Flac, _ => MediaEncoding.OggOpus },
                Specialty = parse.GetValue(specialty) is { } s and not Specialty.Unspecified ? s : Specialty.Primarycare,
                Type = parse.GetValue(type) is { } t and not MedicalJobType.Unspecified ? t : MedicalJobType.Dictation,
                ContentIdentificationType = parse.GetValue(contentIdentification) ?? ContentIdentificationType.Unspecified,
            };
            if (parse.GetValue(vocabularyName) is { } vocabulary) settings.VocabularyName = vocabulary;
            if (parse.GetValue(showSpeakerLabel)) settings.ShowSpeakerLabel = true;
            if (parse.GetValue(outputBucket) is { } bucket) settings.OutputBucketName = bucket;
            if (parse.GetValue(outputKey) is { } key) settings.OutputKey = key;
            if (parse.GetValue(name) is { } jobName) settings.MedicalTranscriptionJobName = jobName;
            if (parse.GetValue(channelIdentification))
            {
                settings.EnableChannelIdentification = true;
                settings.NumberOfChannels = 2;
            }

            using var service = new ServiceConnection(parse.GetRequiredValue(address));
            var display = new DictationDisplay(Console.Out, live: !Console.IsOutputRedirected);
            StreamSession? session = null;
            await foreach (var response in service.Jobs.StreamAsync(settings, recording.ChunksAsync(parse.GetValue(fast), ct), ct))
            {
                if (response.EventCase == StreamTranscriptionResponse.EventOneofCase.Session) session = response.Session;
                else if (response.EventCase == StreamTranscriptionResponse.EventOneofCase.TranscriptEvent)
                    foreach (var result in response.TranscriptEvent.Transcript.Results) display.Show(result);
            }
            display.End();
            // The stream ended OK, so its job is stored COMPLETED (docs/streaming.md): say where, on standard error as start's notes are.
            if (session is { HasMedicalTranscriptionJobName: true })
                Console.Error.WriteLine($"Recorded as job {session.MedicalTranscriptionJobName} (COMPLETED): medgrpc transcript {session.MedicalTranscriptionJobName}");
            return ExitCodes.Success;
        });
        return command;
    }
}
