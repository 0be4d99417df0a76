using System;
using System.Collections.Immutable;
using MedGrpc.Analyzers.Contract;
using MedGrpc.Analyzers.Facts;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC016: MediaFormat naming another format than the media URI's file extension.</summary>
public sealed class MediaFormatContradictsUriAnalyzer : ObjectFactsAnalyzer
{
    private static readonly ImmutableHashSet<string> Formats =
        ImmutableHashSet.Create("mp3", "mp4", "wav", "flac", "ogg", "amr", "webm", "m4a");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        => ImmutableArray.Create(Descriptors.MEDGRPC016_MediaFormatContradictsUri);

    protected override ImmutableArray<OperationKind> AnchorKinds { get; } =
        ImmutableArray.Create(OperationKind.SimpleAssignment);

    protected override bool Inspects(ContractShape shape) => shape == ContractShape.Request;

    protected override void Analyze(ObjectFacts facts, Action<IOperation, Diagnostic> report)
    {
        if (facts.Escaped
            || !facts.TryGet(ContractMember.MediaFormat, out var format)
            || format.Value.EnumKey is not { } declared
            || !Formats.Contains(declared)
            || !facts.TryGet(ContractMember.MediaFileUri, out var uri)
            || uri.Value.String is not { } text
            || Extension(text) is not { } extension
            || !Formats.Contains(extension)
            || Family(extension) == Family(declared))
        {
            return;
        }

        report(format.Assignment, Diagnostic.Create(
            Descriptors.MEDGRPC016_MediaFormatContradictsUri,
            format.Location,
            format.Member.DisplayName,
            format.Value.Display,
            extension));
    }

    /// <summary>mp4 and m4a are the same container; the service accepts either for both.</summary>
    private static string Family(string format) => format == "m4a" ? "mp4" : format;

    /// <summary>The extension of the URI's last path segment, ignoring a query or fragment; null if it has none.</summary>
    private static string? Extension(string uri)
    {
        var end = uri.IndexOfAny(new[] { '?', '#' });
        var path = end < 0 ? uri : uri.Substring(0, end);
        var name = path.Substring(path.LastIndexOf('/') + 1);
        var dot = name.LastIndexOf('.');
        return dot < 0 ? null : name.Substring(dot + 1).ToLowerInvariant();
    }
}
