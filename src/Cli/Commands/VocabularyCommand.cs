using System.CommandLine;
using MedGrpc.Transcribe.V1;
using Spectre.Console;

namespace MedGrpc.Cli.Commands;

/// <summary>
/// medgrpc vocabulary create|get|list|update|delete: the custom medical vocabulary operations. create and
/// update take the table file as --file-uri (already in a bucket) or --upload FILE (sent through ObjectStore);
/// with --wait they follow the vocabulary until it is READY (exit 0) or FAILED (exit 1, reason printed).
/// </summary>
internal static class VocabularyCommand
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static Command Create(Option<Uri> address)
    {
        var command = new Command("vocabulary", "Custom medical vocabularies: tables of phrases a job can name with --vocabulary-name.");
        command.Subcommands.Add(Write("create", "Create a vocabulary from a table file (Phrase, IPA, SoundsLike, DisplayAs).", address));
        command.Subcommands.Add(Write("update", "Replace a vocabulary with a new table file.", address));
        command.Subcommands.Add(Get(address));
        command.Subcommands.Add(List(address));
        command.Subcommands.Add(Delete(address));
        return command;
    }

    private static Argument<string> Name() => new("name") { Description = "The vocabulary's name (VocabularyName)." };

    private static Command Write(string verb, string description, Option<Uri> address)
    {
        var name = Name();
        var fileUri = new Option<string?>("--file-uri") { Description = "The table file, s3://BUCKET/KEY of the service (VocabularyFileUri).", HelpName = "uri" };
        var upload = new Option<FileInfo>("--upload") { Description = "Upload this local table file through the service's ObjectStore first (instead of --file-uri).", HelpName = "file" };
        upload.AcceptExistingOnly();
        var uploadBucket = new Option<string?>("--upload-bucket") { Description = "The bucket --upload puts the file in.", HelpName = "bucket" };
        var uploadKey = new Option<string?>("--upload-key") { Description = "The key --upload puts the file under (default: the file's name).", HelpName = "key" };
        var wait = new Option<bool>("--wait") { Description = "Wait until the vocabulary is READY (exit 0) or FAILED (exit 1)." };
        var command = new Command(verb, description) { name, fileUri, upload, uploadBucket, uploadKey, wait };
        command.Validators.Add(result =>
        {
            if ((result.GetResult(fileUri) is null) == (result.GetResult(upload) is null))
                result.AddError("Give the table either as --file-uri or as --upload FILE (with --upload-bucket), not both or neither.");
            if (result.GetResult(upload) is not null && result.GetResult(uploadBucket) is null)
                result.AddError("--upload needs --upload-bucket, the bucket to put the file in.");
        });
        command.SetAction(async (parse, ct) =>
        {
            using var service = new ServiceConnection(parse.GetRequiredValue(address));
            var vocabularyName = parse.GetRequiredValue(name);
            var uri = parse.GetValue(fileUri);
            if (parse.GetValue(upload) is { } file)
            {
                var uploaded = await ObjectTransfer.UploadAsync(service.Objects, file.FullName, parse.GetRequiredValue(uploadBucket)!, parse.GetValue(uploadKey) ?? file.Name, ct);
                Console.Error.WriteLine($"Uploaded {file.Name} to {uploaded.Uri} ({uploaded.Size} bytes).");
                uri = uploaded.Uri;
            }
            VocabularyState state;
            if (verb == "create")
                state = (await service.Jobs.CreateMedicalVocabularyAsync(new CreateMedicalVocabularyRequest
                {
                    VocabularyName = vocabularyName, LanguageCode = LanguageCode.EnUs, VocabularyFileUri = uri,
                }, cancellationToken: ct)).VocabularyState;
            else
                state = (await service.Jobs.UpdateMedicalVocabularyAsync(new UpdateMedicalVocabularyRequest
                {
                    VocabularyName = vocabularyName, LanguageCode = LanguageCode.EnUs, VocabularyFileUri = uri,
                }, cancellationToken: ct)).VocabularyState;
            Console.Out.WriteLine($"Vocabulary '{vocabularyName}' is {AwsEnums.VocabularyStates.ToAws(state)}.");
            if (!parse.GetValue(wait)) return ExitCodes.Success;

            // AWS has no watch for vocabularies: poll Get until the file has been read.
            while (true)
            {
                var current = await service.Jobs.GetMedicalVocabularyAsync(new GetMedicalVocabularyRequest { VocabularyName = vocabularyName }, cancellationToken: ct);
                if (current.VocabularyState == VocabularyState.Ready)
                {
                    Console.Out.WriteLine($"Vocabulary '{vocabularyName}' is READY.");
                    return ExitCodes.Success;
                }
                if (current.VocabularyState == VocabularyState.Failed)
                {
                    Console.Error.WriteLine($"Vocabulary '{vocabularyName}' FAILED: {current.FailureReason}");
                    return ExitCodes.JobFailed;
                }
                await Task.Delay(PollInterval, ct);
            }
        });
        return command;
    }

    private static Command Get(Option<Uri> address)
    {
        var name = Name();
        var command = new Command("get", "Show a vocabulary: state, file, last modified, failure reason.") { name };
        command.SetAction(async (parse, ct) =>
        {
            using var service = new ServiceConnection(parse.GetRequiredValue(address));
            var v = await service.Jobs.GetMedicalVocabularyAsync(new GetMedicalVocabularyRequest { VocabularyName = parse.GetRequiredValue(name) }, cancellationToken: ct);
            var grid = new Grid().AddColumns(2);
            grid.AddRow("Name", v.VocabularyName);
            grid.AddRow("State", AwsEnums.VocabularyStates.ToAws(v.VocabularyState) ?? "");
            grid.AddRow("LanguageCode", AwsEnums.LanguageCodes.ToAws(v.LanguageCode) ?? "");
            grid.AddRow("LastModifiedTime", Output.AwsJson.Time(v.LastModifiedTime) ?? "");
            grid.AddRow("DownloadUri", v.HasDownloadUri ? v.DownloadUri : "");
            if (v.HasFailureReason) grid.AddRow("FailureReason", Markup.Escape(v.FailureReason));
            Terminal.Out.Write(grid);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(Option<Uri> address)
    {
        var state = AwsEnumOption.Create("--state", AwsEnums.VocabularyStates, "Only vocabularies in this state (StateEquals).");
        var nameContains = new Option<string?>("--name-contains") { Description = "Only vocabularies whose name contains this (NameContains).", HelpName = "text" };
        var maxResults = IntegerOption.Create("--max-results", "Vocabularies per page, 1-100 (the service's default: 5).", "count");
        var nextToken = new Option<string?>("--next-token") { Description = "The NextToken printed by the previous page.", HelpName = "token" };
        var command = new Command("list", "List vocabularies, newest created first, a page at a time.") { state, nameContains, maxResults, nextToken };
        command.SetAction(async (parse, ct) =>
        {
            using var service = new ServiceConnection(parse.GetRequiredValue(address));
            var request = new ListMedicalVocabulariesRequest();
            if (parse.GetValue(state) is { } wanted) request.StateEquals = wanted;
            if (parse.GetValue(nameContains) is { } contains) request.NameContains = contains;
            if (parse.GetValue(maxResults) is { } max) request.MaxResults = max;
            if (parse.GetValue(nextToken) is { } token) request.NextToken = token;
            var page = await service.Jobs.ListMedicalVocabulariesAsync(request, cancellationToken: ct);
            if (page.Vocabularies.Count == 0) Terminal.Out.WriteLine("No vocabularies.");
            else
            {
                var table = new Table().AddColumns("Name", "State", "Last modified");
                foreach (var v in page.Vocabularies)
                    table.AddRow(v.VocabularyName, AwsEnums.VocabularyStates.ToAws(v.VocabularyState) ?? "", Output.AwsJson.Time(v.LastModifiedTime) ?? "");
                Terminal.Out.Write(table);
            }
            if (page.HasNextToken) Console.Out.WriteLine($"NextToken: {page.NextToken}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Delete(Option<Uri> address)
    {
        var name = Name();
        var command = new Command("delete", "Delete a vocabulary.") { name };
        command.SetAction(async (parse, ct) =>
        {
            using var service = new ServiceConnection(parse.GetRequiredValue(address));
            var vocabularyName = parse.GetRequiredValue(name);
            await service.Jobs.DeleteMedicalVocabularyAsync(new DeleteMedicalVocabularyRequest { VocabularyName = vocabularyName }, cancellationToken: ct);
            Console.Out.WriteLine($"Deleted vocabulary '{vocabularyName}'.");
            return ExitCodes.Success;
        });
        return command;
    }
}
