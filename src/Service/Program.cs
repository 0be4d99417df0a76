using MedGrpc.Service;

ServiceHost.Build(args).Run();

/// <summary>Visible to tests that start the real server.</summary>
public partial class Program;
