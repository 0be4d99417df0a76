using System.CommandLine;
using MedGrpc.Cli.Output;
using MedGrpc.Transcribe.V1;
using Spectre.Console;

namespace MedGrpc.Cli.Commands;

/// <summary>medgrpc list: one page of ListMedicalTranscriptionJobs as a table, and the token of the next page.</summary>
internal static class ListCommand
{
    public static Command Create(Option<Uri> address)
    {
        var status = AwsEnumOption.Create("--status", AwsEnums.Statuses, "Only jobs of this status.");
        var nameContains = new Option<string?>("--name-contains") { Description = "Only jobs whose name contains this (JobNameContains).", HelpName = "text" };
        var maxResults = IntegerOption.Create("--max-results", "Jobs per page, 1-100 (the service's default: 5).", "count");
        var nextToken = new Option<string?>("--next-token") { Description = "The NextToken printed by the previous page.", HelpName = "token" };
        var json = CommonOptions.Json("the page");
        var command = new Command("list", "List jobs, newest first, a page at a time.") { status, nameContains, maxResults, nextToken, json };
        command.SetAction(async (parse, ct) =>
        {
            using var service = new ServiceConnection(parse.GetRequiredValue(address));
            var request = new ListMedicalTranscriptionJobsRequest();
            if (parse.GetValue(status) is { } wanted) request.Status = wanted;
            if (parse.GetValue(nameContains) is { } contains) request.JobNameContains = contains;
            if (parse.GetValue(maxResults) is { } max) request.MaxResults = max;
            if (parse.GetValue(nextToken) is { } token) request.NextToken = token;
            var page = await service.Jobs.ListMedicalTranscriptionJobsAsync(request, cancellationToken: ct);

            if (parse.GetValue(json)) AwsJson.Print(AwsJson.ListResponse(page));
            else Print(page);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(ListMedicalTranscriptionJobsResponse page)
    {
        if (page.MedicalTranscriptionJobSummaries.Count == 0)
        {
            Terminal.Out.WriteLine("No jobs.");
        }
        else
        {
            var table = new Table().AddColumns("Name", "Status", "Type", "Created", "Completed", "Failure reason");
            foreach (var job in page.MedicalTranscriptionJobSummaries)
            {
                table.AddRow(
                    new Text(job.MedicalTranscriptionJobName),
                    new Text(AwsEnums.Statuses.ToAws(job.TranscriptionJobStatus) ?? "", JobDetails.StatusStyle(job.TranscriptionJobStatus)),
                    new Text(AwsEnums.JobTypes.ToAws(job.Type) ?? ""),
                    new Text(AwsJson.Time(job.CreationTime) ?? ""),
                    new Text(AwsJson.Time(job.CompletionTime) ?? ""),
                    new Text(job.HasFailureReason ? job.FailureReason : ""));
            }
            Terminal.Out.Write(table);
        }
        // Printed whole on its own line, so that a script can pass it to --next-token.
        if (page.HasNextToken) Console.Out.WriteLine($"NextToken: {page.NextToken}");
    }
}
