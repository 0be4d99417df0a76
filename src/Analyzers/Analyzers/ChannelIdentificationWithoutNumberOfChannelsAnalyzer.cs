using System;
using System.Collections.Immutable;
using MedGrpc.Analyzers.Contract;
using MedGrpc.Analyzers.Facts;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>
/// MEDGRPC025: a stream's EnableChannelIdentification true without NumberOfChannels, or NumberOfChannels without
/// EnableChannelIdentification true; reported on the one that is set.
/// </summary>
public sealed class ChannelIdentificationWithoutNumberOfChannelsAnalyzer : ObjectFactsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        => ImmutableArray.Create(Descriptors.MEDGRPC025_ChannelIdentificationWithoutNumberOfChannels);

    protected override ImmutableArray<OperationKind> AnchorKinds { get; } =
        ImmutableArray.Create(OperationKind.SimpleAssignment);

    protected override bool Inspects(ContractShape shape) => shape == ContractShape.StreamSettings;

    protected override void Analyze(ObjectFacts facts, Action<IOperation, Diagnostic> report)
    {
        var enabled = facts.TryGet(ContractMember.ChannelIdentification, out var enable) && enable.Value.IsTrue;
        if (enabled && facts.IsKnownUnset(ContractMember.NumberOfChannels, ContractShape.StreamSettings))
            Report(enable, facts.Flavor.Row(ContractMember.NumberOfChannels), report);
        else if (!enabled && facts.TryGet(ContractMember.NumberOfChannels, out var channels) && channels.Value.IsSet && IsKnownNotTrue(facts))
            Report(channels, facts.Flavor.Row(ContractMember.ChannelIdentification), report);
    }

    // Never set, null or a constant false; a variable may be true, so it is left alone.
    private static bool IsKnownNotTrue(ObjectFacts facts)
        => facts.TryGet(ContractMember.ChannelIdentification, out var enable)
            ? !facts.Escaped && enable.Value.Kind is ValueKind.Constant or ValueKind.NotSet
            : facts.IsKnownUnset(ContractMember.ChannelIdentification, ContractShape.StreamSettings);

    private static void Report(MemberWrite set, MemberRow missing, Action<IOperation, Diagnostic> report)
        => report(set.Assignment, Diagnostic.Create(
            Descriptors.MEDGRPC025_ChannelIdentificationWithoutNumberOfChannels, set.Location, set.Member.DisplayName, missing.DisplayName));
}
