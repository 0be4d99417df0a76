namespace MedGrpc.Service.Options;

/// <summary>
/// "MedGrpc:AwsApi": the AWS endpoint, Amazon Transcribe's JSON 1.1 protocol over HTTP/1.1 on a port of its own,
/// beside the gRPC edge's address (--urls). Callers sign with the access keys of "MedGrpc:Auth:AccessKeys".
/// </summary>
public sealed class AwsApiOptions
{
    /// <summary>0: no AWS endpoint.</summary>
    public int Port { get; set; } = 8050;

    /// <summary>The host the endpoint listens on: "localhost" (default), an IP address, or "*" for every interface.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>HTTPS with Kestrel's default certificate (Kestrel:Certificates:Default), as the gRPC edge's https:// URLs.</summary>
    public bool Https { get; set; }
}
