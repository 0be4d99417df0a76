using System;
using System.Collections.Immutable;
using System.Globalization;
using MedGrpc.Analyzers.Contract;
using MedGrpc.Analyzers.Facts;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>
/// MEDGRPC020: a tag key outside 1 to 128 characters or a value over 256. Two checks: each assigned key or value,
/// and each tag created without any key (a key never set is as empty as "").
/// </summary>
public sealed class TagLengthAnalyzer : MemberValueAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        => ImmutableArray.Create(Descriptors.MEDGRPC020_TagLength);

    protected override bool Inspects(ContractMember member) => member is ContractMember.TagKey or ContractMember.TagValue;

    protected override void Analyze(MemberAssignment assignment, Action<Diagnostic> report)
    {
        if (assignment.Value.String is not { } text)
            return;

        var (part, min, max) = assignment.Member.Member == ContractMember.TagKey
            ? ("key", 1, ContractRules.MaxTagKeyLength)
            : ("value", 0, ContractRules.MaxTagValueLength);
        if (text.Length >= min && text.Length <= max)
            return;

        report(Create(assignment.ValueLocation, assignment.Member.DisplayName, text.Length, part, min, max));
    }

    // The second check: a tag created without any key, pointed at on its creation.
    internal override ImmutableArray<OperationKind> ObjectAnchorKinds { get; } = ImmutableArray.Create(OperationKind.ObjectCreation);

    internal override bool InspectsObject(ContractShape shape) => shape == ContractShape.Tag;

    internal override void AnalyzeObject(ObjectFacts facts, Action<IOperation, Diagnostic> report)
    {
        if (!facts.IsKnownUnset(ContractMember.TagKey, ContractShape.Tag))
            return; // a key assigned "" or too long is reported where it is assigned

        var key = facts.Flavor.Row(ContractMember.TagKey);
        report(facts.Creation, Create(CreationSpan.Of(facts.Creation), key.DisplayName, 0, "key", 1, ContractRules.MaxTagKeyLength));
    }

    private static Diagnostic Create(Location location, string field, int length, string part, int min, int max)
        => Diagnostic.Create(
            Descriptors.MEDGRPC020_TagLength,
            location,
            field,
            length.ToString(CultureInfo.InvariantCulture),
            part,
            min.ToString(CultureInfo.InvariantCulture),
            max.ToString(CultureInfo.InvariantCulture));
}
