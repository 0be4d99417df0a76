using System.CommandLine;

namespace MedGrpc.Cli;

/// <summary>Options and arguments several commands share, so they read and describe the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json(string what) => new("--json")
    {
        Description = $"Print {what} as JSON in the AWS CLI's shape instead of a table, for scripts.",
    };

    public static Argument<string> JobName() => new("name")
    {
        Description = "The job's name (MedicalTranscriptionJobName).",
    };
}
