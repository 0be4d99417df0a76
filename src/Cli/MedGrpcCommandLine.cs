using System.CommandLine;
using MedGrpc.Cli.Commands;

namespace MedGrpc.Cli;

/// <summary>The medgrpc command tree: the global --address and one subcommand per operation.</summary>
internal static class MedGrpcCommandLine
{
    public static RootCommand Create(out Option<Uri> address)
    {
        address = AddressOption.Create();
        var root = new RootCommand("medgrpc: Amazon Transcribe Medical's batch jobs and live dictation on a MedGrpc service.") { address };
        root.Subcommands.Add(StartCommand.Create(address));
        root.Subcommands.Add(WatchCommand.Create(address));
        root.Subcommands.Add(GetCommand.Create(address));
        root.Subcommands.Add(ListCommand.Create(address));
        root.Subcommands.Add(DeleteCommand.Create(address));
        root.Subcommands.Add(TranscriptCommand.Create(address));
        root.Subcommands.Add(VocabularyCommand.Create(address));
        root.Subcommands.Add(DictateCommand.Create(address));
        root.Subcommands.Add(ModelsCommand.Create());
        return root;
    }
}
