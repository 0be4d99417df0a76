using System.Collections.Immutable;
using System.Globalization;
using MedGrpc.Analyzers.Contract;
using MedGrpc.Analyzers.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>
/// MEDGRPC020: a tag key outside 1 to 128 characters or a value over 256. Two checks: each assigned key or value,
/// and each tag created without any key (a key never set is as empty as "").
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TagLengthAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        => ImmutableArray.Create(Descriptors.MEDGRPC020_TagLength);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (ContractTypes.For(start.Compilation) is not { } contract)
                return;
            start.RegisterOperationAction(operation => AnalyzeAssignment(operation, contract), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(operation => AnalyzeCreation(operation, contract), OperationKind.ObjectCreation);
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, ContractTypes contract)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation target
            || !contract.TryGetMember(target.Property, out var member)
            || member.Member is not (ContractMember.TagKey or ContractMember.TagValue)
            || ValueReader.Read(assignment.Value).String is not { } text)
        {
            return;
        }

        var (part, min, max) = member.Member == ContractMember.TagKey
            ? ("key", 1, ContractRules.MaxTagKeyLength)
            : ("value", 0, ContractRules.MaxTagValueLength);
        if (text.Length >= min && text.Length <= max)
            return;

        context.ReportDiagnostic(Create(assignment.Value.Syntax.GetLocation(), member.DisplayName, text.Length, part, min, max));
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, ContractTypes contract)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!contract.TryGetShape(creation.Type, out var flavor, out var shape) || shape != ContractShape.Tag)
            return;

        var facts = FactsReader.Read(creation, contract, flavor, shape);
        if (!facts.IsKnownUnset(ContractMember.TagKey, ContractShape.Tag))
            return; // a key assigned "" or too long is reported where it is assigned

        var key = flavor.Row(ContractMember.TagKey);
        context.ReportDiagnostic(Create(CreationSpan.Of(creation), key.DisplayName, 0, "key", 1, ContractRules.MaxTagKeyLength));
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
