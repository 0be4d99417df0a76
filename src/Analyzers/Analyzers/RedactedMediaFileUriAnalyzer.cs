using System;
using System.Collections.Immutable;
using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>MEDGRPC017: RedactedMediaFileUri on the media of a medical job.</summary>
public sealed class RedactedMediaFileUriAnalyzer : MemberValueAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        => ImmutableArray.Create(Descriptors.MEDGRPC017_RedactedMediaFileUri);

    protected override bool Inspects(ContractMember member) => member == ContractMember.RedactedMediaFileUri;

    protected override void Analyze(MemberAssignment assignment, Action<Diagnostic> report)
    {
        if (!assignment.Value.IsSet)
            return;

        // The AWS SDK's Media also serves Call Analytics, where redaction is valid: there only a medical request's media counts.
        var flavor = assignment.Member.Flavor;
        if (flavor.MediaIsShared && !IsMediaOfMedicalRequest(assignment.Operation, flavor))
            return;

        report(Diagnostic.Create(
            Descriptors.MEDGRPC017_RedactedMediaFileUri, assignment.Location, assignment.Member.DisplayName));
    }

    private static bool IsMediaOfMedicalRequest(ISimpleAssignmentOperation assignment, RequestFlavor flavor)
    {
        var owner = MediaProperty(assignment);
        return owner?.ContainingType.ToDisplayString() == flavor.TypeNames[ContractShape.Request];
    }

    /// <summary>The property the media object hangs from: Media in <c>Media = new Media { ... }</c>, <c>Media = { ... }</c> or <c>r.Media.X = </c>.</summary>
    private static IPropertySymbol? MediaProperty(ISimpleAssignmentOperation assignment)
    {
        var target = (IPropertyReferenceOperation)assignment.Target;
        switch (target.Instance)
        {
            case IPropertyReferenceOperation media:
                return media.Property;
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }:
                var initialized = assignment.Parent?.Parent;
                if (initialized is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation member })
                    return member.Property;
                while (initialized?.Parent is IConversionOperation)
                    initialized = initialized.Parent;
                return initialized?.Parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation holder }
                    ? holder.Property
                    : null;
            default:
                return null;
        }
    }
}
