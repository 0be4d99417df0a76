namespace MedGrpc.Core.Resources;

/// <summary>A tag on a resource (a job or a vocabulary): AWS's Key/Value pair.</summary>
public sealed record JobTag(string Key, string Value);
