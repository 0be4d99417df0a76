using System.CommandLine;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Cli.Commands;

/// <summary>medgrpc delete NAME: DeleteMedicalTranscriptionJob (the service refuses a job that is not COMPLETED or FAILED).</summary>
internal static class DeleteCommand
{
    public static Command Create(Option<Uri> address)
    {
        var name = CommonOptions.JobName();
        var command = new Command("delete", "Delete a COMPLETED or FAILED job (its transcript stays in the output bucket, as in AWS).") { name };
        command.SetAction(async (parse, ct) =>
        {
            using var service = new ServiceConnection(parse.GetRequiredValue(address));
            var jobName = parse.GetRequiredValue(name);
            await service.Jobs.DeleteMedicalTranscriptionJobAsync(
                new DeleteMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = jobName }, cancellationToken: ct);
            Console.Out.WriteLine($"Deleted job '{jobName}'.");
            return ExitCodes.Success;
        });
        return command;
    }
}
