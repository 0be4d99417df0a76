using System.CommandLine;
using MedGrpc.Cli.Output;
using MedGrpc.Client;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Cli.Commands;

/// <summary>
/// medgrpc start: StartMedicalTranscriptionJob, one option per member of the request in AWS's kebab-case, optionally
/// uploading a local recording through ObjectStore first (--upload) and following the job to its end (--watch).
/// The command line checks only what it must to build a request (types, AWS enum values, KEY=VALUE, required members);
/// every other rule is the service's, so that its BadRequest names the field exactly as AWS would.
/// </summary>
internal static class StartCommand
{
    public static Command Create(Option<Uri> address)
    {
        var name = new Option<string>("--name") { Description = "MedicalTranscriptionJobName: 1-200 of [0-9a-zA-Z._-], unique.", Required = true, HelpName = "name" };
        var languageCode = AwsEnumOption.Create("--language-code", AwsEnums.LanguageCodes, "LanguageCode, e.g. en-US (medical jobs accept only en-US).");
        languageCode.Required = true;
        var mediaUri = new Option<string?>("--media-uri") { Description = "Media.MediaFileUri: s3://BUCKET/KEY of the service, or an http(s):// URL.", HelpName = "uri" };
        var mediaFormat = AwsEnumOption.Create("--media-format", AwsEnums.MediaFormats, "MediaFormat; detected when left out.");
        var sampleRate = IntegerOption.Create("--media-sample-rate-hertz", "MediaSampleRateHertz, 16000-48000; detected when left out.", "hertz");
        var outputBucket = new Option<string>("--output-bucket") { Description = "OutputBucketName: the bucket the transcript is written to (it must exist).", Required = true, HelpName = "bucket" };
        var outputKey = new Option<string?>("--output-key") { Description = "OutputKey: x.json names the object, dir/x a folder for NAME.json.", HelpName = "key" };
        var kmsKeyId = new Option<string?>("--output-encryption-kms-key-id") { Description = "OutputEncryptionKMSKeyId.", HelpName = "key-id" };
        var kmsContext = KeyValueOption.Create("--kms-encryption-context", "A pair of KMSEncryptionContext (only with --output-encryption-kms-key-id).");
        // Defaulted in the action, not by DefaultValueFactory, so that help shows the AWS value rather than the C# name.
        var specialty = AwsEnumOption.Create("--specialty", AwsEnums.Specialties, "Specialty (default: PRIMARYCARE, the only one batch jobs accept).");
        var type = AwsEnumOption.Create("--type", AwsEnums.JobTypes, "Type: CONVERSATION or DICTATION.");
        type.Required = true;
        var showSpeakerLabels = new Option<bool?>("--show-speaker-labels") { Description = "Settings.ShowSpeakerLabels (needs --max-speaker-labels)." };
        var maxSpeakerLabels = IntegerOption.Create("--max-speaker-labels", "Settings.MaxSpeakerLabels, 2-30.", "count");
        var channelIdentification = new Option<bool?>("--channel-identification") { Description = "Settings.ChannelIdentification." };
        var showAlternatives = new Option<bool?>("--show-alternatives") { Description = "Settings.ShowAlternatives (needs --max-alternatives)." };
        var maxAlternatives = IntegerOption.Create("--max-alternatives", "Settings.MaxAlternatives, 2-10.", "count");
        var vocabularyName = new Option<string?>("--vocabulary-name") { Description = "Settings.VocabularyName.", HelpName = "name" };
        var contentIdentification = AwsEnumOption.Create("--content-identification-type", AwsEnums.ContentIdentificationTypes, "ContentIdentificationType: PHI marks protected health information.");
        var tags = KeyValueOption.Create("--tag", "A tag of the job,");
        var upload = new Option<FileInfo>("--upload") { Description = "Upload this local file through the service's ObjectStore first and transcribe it (instead of --media-uri).", HelpName = "file" };
        upload.AcceptExistingOnly();
        var uploadBucket = new Option<string?>("--upload-bucket") { Description = "The bucket --upload puts the file in.", HelpName = "bucket" };
        var uploadKey = new Option<string?>("--upload-key") { Description = "The key --upload puts the file under (default: the file's name).", HelpName = "key" };
        var watch = new Option<bool>("--watch") { Description = "Follow the job to its end with a progress bar, as `medgrpc watch` does; exit code 1 when it FAILS." };
        var json = CommonOptions.Json("the job");

        var command = new Command("start", "Start a medical transcription job (StartMedicalTranscriptionJob).")
        {
            name, languageCode, mediaUri, mediaFormat, sampleRate, outputBucket, outputKey, kmsKeyId, kmsContext, specialty, type,
            showSpeakerLabels, maxSpeakerLabels, channelIdentification, showAlternatives, maxAlternatives, vocabularyName,
            contentIdentification, tags, upload, uploadBucket, uploadKey, watch, json,
        };
        command.Validators.Add(result =>
        {
            // The media comes from exactly one place; which bucket an upload goes to is the command line's own question.
            var hasUri = result.GetResult(mediaUri) is not null;
            var hasUpload = result.GetResult(upload) is not null;
            if (hasUri == hasUpload) result.AddError("Give the media either as --media-uri or as --upload FILE (with --upload-bucket), not both or neither.");
            if (hasUpload && result.GetResult(uploadBucket) is null) result.AddError("--upload needs --upload-bucket, the bucket to put the file in.");
            if (!hasUpload && (result.GetResult(uploadBucket) is not null || result.GetResult(uploadKey) is not null))
                result.AddError("--upload-bucket and --upload-key go with --upload.");
        });

        command.SetAction(async (parse, ct) =>
        {
            using var service = new ServiceConnection(parse.GetRequiredValue(address));
            var request = new StartMedicalTranscriptionJobRequest
            {
                MedicalTranscriptionJobName = parse.GetRequiredValue(name),
                LanguageCode = parse.GetValue(languageCode) ?? LanguageCode.Unspecified,
                MediaFormat = parse.GetValue(mediaFormat) ?? MediaFormat.Unspecified,
                Media = new Media(),
                OutputBucketName = parse.GetRequiredValue(outputBucket),
                Specialty = parse.GetValue(specialty) ?? Specialty.Primarycare,
                Type = parse.GetValue(type) ?? MedicalJobType.Unspecified,
                ContentIdentificationType = parse.GetValue(contentIdentification) ?? ContentIdentificationType.Unspecified,
            };
            if (parse.GetValue(sampleRate) is { } hertz) request.MediaSampleRateHertz = hertz;
            if (parse.GetValue(outputKey) is { } key) request.OutputKey = key;
            if (parse.GetValue(kmsKeyId) is { } kms) request.OutputEncryptionKmsKeyId = kms;
            foreach (var (contextKey, contextValue) in parse.GetRequiredValue(kmsContext)) request.KmsEncryptionContext[contextKey] = contextValue;
            request.Tags.AddRange(parse.GetRequiredValue(tags).Select(t => new Tag { Key = t.Key, Value = t.Value }));

            // Settings is sent only when one of its members is given: an empty one is not "no settings" to every reader.
            var settings = new MedicalTranscriptionSetting();
            if (parse.GetValue(showSpeakerLabels) is { } speakers) settings.ShowSpeakerLabels = speakers;
            if (parse.GetValue(maxSpeakerLabels) is { } maxSpeakers) settings.MaxSpeakerLabels = maxSpeakers;
            if (parse.GetValue(channelIdentification) is { } channels) settings.ChannelIdentification = channels;
            if (parse.GetValue(showAlternatives) is { } alternatives) settings.ShowAlternatives = alternatives;
            if (parse.GetValue(maxAlternatives) is { } maxAlternativesValue) settings.MaxAlternatives = maxAlternativesValue;
            if (parse.GetValue(vocabularyName) is { } vocabulary) settings.VocabularyName = vocabulary;
            if (!settings.Equals(new MedicalTranscriptionSetting())) request.Settings = settings;

            if (parse.GetValue(upload) is { } file)
            {
                var bucket = parse.GetRequiredValue(uploadBucket)!;
                var uploaded = await ObjectTransfer.UploadAsync(service.Objects, file.FullName, bucket, parse.GetValue(uploadKey) ?? file.Name, ct);
                Console.Error.WriteLine($"Uploaded {file.Name} to {uploaded.Uri} ({uploaded.Size} bytes).");
                request.Media.MediaFileUri = uploaded.Uri;
            }
            else
            {
                request.Media.MediaFileUri = parse.GetRequiredValue(mediaUri)!;
            }

            if (parse.GetValue(watch)) return await StartAndFollowAsync(service, request, parse.GetValue(json), ct);

            var started = await service.Jobs.StartMedicalTranscriptionJobAsync(request, cancellationToken: ct);
            if (parse.GetValue(json)) AwsJson.Print(AwsJson.JobResponse(started.MedicalTranscriptionJob));
            else JobDetails.Write(Terminal.Out, started.MedicalTranscriptionJob);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<int> StartAndFollowAsync(ServiceConnection service, StartMedicalTranscriptionJobRequest request, bool json, CancellationToken ct)
    {
        var (job, transcript) = await JobProgress.ShowAsync(request.MedicalTranscriptionJobName, async progress =>
        {
            try
            {
                var completed = await service.Jobs.StartAndWaitAsync(request, progress, ct);
                return (completed.Job, (Transcript?)completed.Transcript);
            }
            catch (MedicalTranscriptionJobFailedException failed)
            {
                return (failed.Job, null);
            }
            catch (InvalidOperationException early)
            {
                // StartAndWaitAsync's word for a WatchJob stream that ended before the job did.
                throw new RpcFailureException(early.Message);
            }
        });
        return TerminalJob.Report(job, transcript, json);
    }
}
