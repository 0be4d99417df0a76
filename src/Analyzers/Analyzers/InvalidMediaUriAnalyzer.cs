using System;
using System.Collections.Immutable;
using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC018: a media URI that is not s3://, http:// or https://, or longer than 2000 characters.</summary>
public sealed class InvalidMediaUriAnalyzer : MemberValueAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        => ImmutableArray.Create(Descriptors.MEDGRPC018_InvalidMediaUri);

    protected override bool Inspects(ContractMember member) => member == ContractMember.MediaFileUri;

    protected override void Analyze(MemberAssignment assignment, Action<Diagnostic> report)
    {
        if (assignment.Value.String is not { } uri
            || (uri.Length <= ContractRules.MaxUriLength && ContractRules.MediaUri.IsMatch(uri)))
        {
            return;
        }

        report(Diagnostic.Create(
            Descriptors.MEDGRPC018_InvalidMediaUri, assignment.ValueLocation, assignment.Member.DisplayName, Shown.Text(uri)));
    }
}
