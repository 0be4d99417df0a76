namespace MedGrpc.Cli.Models;

/// <summary>A download or a check that failed; the message says which file and why.</summary>
internal sealed class ModelDownloadException(string message, Exception? inner = null) : Exception(message, inner);
