using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using MedGrpc.Analyzers.Contract;
using MedGrpc.Analyzers.Facts;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>
/// MEDGRPC004: ShowSpeakerLabels and ChannelIdentification both true (a stream's ShowSpeakerLabel and EnableChannelIdentification too). Reported on ChannelIdentification; the additional
/// locations are ShowSpeakerLabels and (if set) MaxSpeakerLabels, so the fix can remove either side whole.
/// </summary>
public sealed class SpeakerLabelsWithChannelIdentificationAnalyzer : ObjectFactsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        => ImmutableArray.Create(Descriptors.MEDGRPC004_SpeakerLabelsWithChannelIdentification);

    protected override ImmutableArray<OperationKind> AnchorKinds { get; } =
        ImmutableArray.Create(OperationKind.SimpleAssignment);

    protected override bool Inspects(ContractShape shape) => shape is ContractShape.Request or ContractShape.Settings or ContractShape.StreamSettings;

    protected override void Analyze(ObjectFacts facts, Action<IOperation, Diagnostic> report)
    {
        if (facts.Escaped
            || !facts.TryGet(ContractMember.ShowSpeakerLabels, out var speakers) || !speakers.Value.IsTrue
            || !facts.TryGet(ContractMember.ChannelIdentification, out var channels) || !channels.Value.IsTrue)
        {
            return;
        }

        var additional = new List<Location> { speakers.Location };
        if (facts.TryGet(ContractMember.MaxSpeakerLabels, out var maximum))
            additional.Add(maximum.Location);

        report(channels.Assignment, Diagnostic.Create(
            Descriptors.MEDGRPC004_SpeakerLabelsWithChannelIdentification,
            channels.Location,
            additional,
            channels.Member.DisplayName,
            speakers.Member.DisplayName));
    }
}
