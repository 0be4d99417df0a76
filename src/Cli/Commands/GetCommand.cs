using System.CommandLine;
using MedGrpc.Cli.Output;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Cli.Commands;

/// <summary>medgrpc get NAME: GetMedicalTranscriptionJob. A FAILED job is an answer here, not an error: exit code 0.</summary>
internal static class GetCommand
{
    public static Command Create(Option<Uri> address)
    {
        var name = CommonOptions.JobName();
        var json = CommonOptions.Json("the job");
        var command = new Command("get", "Show a job: status, media, settings, times, transcript location, failure reason.") { name, json };
        command.SetAction(async (parse, ct) =>
        {
            using var service = new ServiceConnection(parse.GetRequiredValue(address));
            var response = await service.Jobs.GetMedicalTranscriptionJobAsync(
                new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = parse.GetRequiredValue(name) }, cancellationToken: ct);
            if (parse.GetValue(json)) AwsJson.Print(AwsJson.JobResponse(response.MedicalTranscriptionJob));
            else JobDetails.Write(Terminal.Out, response.MedicalTranscriptionJob);
            return ExitCodes.Success;
        });
        return command;
    }
}
