using MedGrpc.Core.Options;
using MedGrpc.Storage.Embedded;

namespace MedGrpc.Service;

/// <summary>
/// The service's commands beside serving: `backup --to FILE` (while the service runs) and `restore --from FILE` (the
/// service stopped) of the embedded database in MedGrpc:DataDir, read from the same configuration as the service
/// (appsettings.json, MedGrpc__DataDir, --MedGrpc:DataDir=…). Buckets are folders: copied as files, after the backup.
/// </summary>
public static class StoreCommands
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "backup" or "restore";

    public static int Run(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Where(a => a.StartsWith("--MedGrpc:", StringComparison.Ordinal)).ToArray())
            .Build();
        var dataDir = Path.GetFullPath(configuration.GetSection(MedGrpcOptions.Section).Get<MedGrpcOptions>()?.DataDir ?? new MedGrpcOptions().DataDir);
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        try
        {
            switch (args[0])
            {
                case "backup" when Option("--to") is { } to:
                    SqliteBackup.BackUp(dataDir, Path.GetFullPath(to));
                    Console.WriteLine($"backed up {Path.Combine(dataDir, SqliteBackup.FileName)} to {Path.GetFullPath(to)}");
                    return 0;
                case "restore" when Option("--from") is { } from:
                    SqliteBackup.Restore(Path.GetFullPath(from), dataDir);
                    Console.WriteLine($"restored {Path.GetFullPath(from)} to {Path.Combine(dataDir, SqliteBackup.FileName)}");
                    return 0;
                default:
                    Console.Error.WriteLine("usage: MedGrpc.Service backup --to FILE | restore --from FILE [--MedGrpc:DataDir=DIR]");
                    return 2;
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
