using System;
using System.Collections.Immutable;
using MedGrpc.Analyzers.Contract;
using MedGrpc.Analyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>
/// MEDGRPC021: a request built in one initializer, never written afterwards in the method, that lacks a required
/// member. One diagnostic per missing member, on <c>new StartMedicalTranscriptionJobRequest</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
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
        ImmutableArray.Create(OperationKind.ObjectCreation);

    protected override bool Inspects(ContractShape shape) => shape == ContractShape.Request;

    protected override void Analyze(ObjectFacts facts, Action<IOperation, Diagnostic> report)
    {
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
}
