using MedGrpc.Service;

if (StoreCommands.IsCommand(args)) return StoreCommands.Run(args);
ServiceHost.Build(args).Run();
return 0;

/// <summary>Visible to tests that start the real server.</summary>
public partial class Program;
