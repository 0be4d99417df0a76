using System;
using System.Collections.Immutable;
using MedGrpc.Analyzers.Contract;
using MedGrpc.Analyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>
/// MEDGRPC021: a request built in one initializer, never written afterwards in the method, that lacks a required
/// member. One diagnostic per missing member, on <c>new StartMedicalTranscriptionJobRequest</c>. And the explicit
/// default of the required Type (<c>MedicalJobType.Unspecified</c>, protobuf's "not set"), where it is written,
/// in the initializer or after it (LanguageCode's and Specialty's are their own rules', MEDGRPC001 and 002).
/// </summary>
public sealed class MissingRequiredFieldAnalyzer : ObjectFactsAnalyzer
{
    private static readonly ImmutableArray<ContractMember> Required = ImmutableArray.Create(
        ContractMember.MedicalTranscriptionJobName,
        ContractMember.LanguageCode,
        ContractMember.MediaFileUri,
        ContractMember.OutputBucketName,
        ContractMember.Specialty,
        ContractMember.Type);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        => ImmutableArray.Create(Descriptors.MEDGRPC021_MissingRequiredField);

    protected override ImmutableArray<OperationKind> AnchorKinds { get; } =
        ImmutableArray.Create(OperationKind.ObjectCreation, OperationKind.SimpleAssignment);

    // Of the assignments, only an explicit default of Type is this rule's: the cheap test before any facts are read.
    protected override bool Anchors(IOperation operation, ContractTypes contract)
        => operation is not ISimpleAssignmentOperation assignment || IsExplicitTypeDefault(assignment, contract);

    protected override bool Inspects(ContractShape shape) => shape == ContractShape.Request;

    protected override void Analyze(ObjectFacts facts, Action<IOperation, Diagnostic> report)
    {
        if (facts.TryGet(ContractMember.Type, out var type)
            && type.Assignment is ISimpleAssignmentOperation written
            && ExplicitDefault.Of(written.Value) is not null)
        {
            report(written, Diagnostic.Create(
                Descriptors.MEDGRPC021_MissingRequiredField, written.Value.Syntax.GetLocation(), type.Member.DisplayName));
        }

        if (facts.Escaped || facts.WrittenLater)
            return;

        Location? location = null;
        foreach (var member in Required)
        {
            var row = facts.Flavor.Row(member);
            if (!facts.IsKnownUnset(member, row.Shape))
                continue;

            location ??= CreationSpan.Of(facts.Creation);
            report(facts.Creation, Diagnostic.Create(Descriptors.MEDGRPC021_MissingRequiredField, location, row.DisplayName));
        }
    }

    private static bool IsExplicitTypeDefault(ISimpleAssignmentOperation assignment, ContractTypes contract)
        => assignment.Target is IPropertyReferenceOperation target
            && contract.TryGetMember(target.Property, out var member)
            && member.Member == ContractMember.Type
            && ExplicitDefault.Of(assignment.Value) is not null;
}
