using System;
using System.Collections.Immutable;
using MedGrpc.Analyzers.Contract;
using MedGrpc.Analyzers.Facts;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC019: KMS encryption context entries without OutputEncryptionKmsKeyId.</summary>
public sealed class EncryptionContextWithoutKeyAnalyzer : ObjectFactsAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        => ImmutableArray.Create(Descriptors.MEDGRPC019_EncryptionContextWithoutKey);

    protected override ImmutableArray<OperationKind> AnchorKinds { get; } =
        ImmutableArray.Create(OperationKind.SimpleAssignment, OperationKind.MemberInitializer, OperationKind.Invocation);

    protected override bool Inspects(ContractShape shape) => shape == ContractShape.Request;

    protected override void Analyze(ObjectFacts facts, Action<IOperation, Diagnostic> report)
    {
        if (facts.EncryptionContextEntries is not > 0
            || facts.EncryptionContextWrite is not { } context
            || !facts.IsKnownUnset(ContractMember.OutputEncryptionKmsKeyId, ContractShape.Request))
        {
            return;
        }

        report(context, Diagnostic.Create(
            Descriptors.MEDGRPC019_EncryptionContextWithoutKey,
            context.Syntax.GetLocation(),
            facts.Flavor.Row(ContractMember.KmsEncryptionContext).DisplayName,
            facts.Flavor.Row(ContractMember.OutputEncryptionKmsKeyId).DisplayName));
    }
}
