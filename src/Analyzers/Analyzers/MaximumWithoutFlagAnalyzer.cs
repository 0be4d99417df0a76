using System;
using System.Collections.Immutable;
using MedGrpc.Analyzers.Contract;
using MedGrpc.Analyzers.Facts;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>Base of "MaxX is set but ShowX is not true": where ShowX is absent the fix adds it as true.</summary>
public abstract class MaximumWithoutFlagAnalyzer : ObjectFactsAnalyzer
{
    private readonly ContractMember _maximum;
    private readonly ContractMember _flag;
    private readonly DiagnosticDescriptor _descriptor;

    protected MaximumWithoutFlagAnalyzer(ContractMember maximum, ContractMember flag, DiagnosticDescriptor descriptor)
    {
        _maximum = maximum;
        _flag = flag;
        _descriptor = descriptor;
    }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(_descriptor);

    protected sealed override ImmutableArray<OperationKind> AnchorKinds { get; } =
        ImmutableArray.Create(OperationKind.SimpleAssignment, OperationKind.CompoundAssignment, OperationKind.Increment, OperationKind.Decrement);

    protected sealed override bool Inspects(ContractShape shape) => shape is ContractShape.Request or ContractShape.Settings;

    protected sealed override void Analyze(ObjectFacts facts, Action<IOperation, Diagnostic> report)
    {
        if (facts.IsUnknown(ContractShape.Settings) || !facts.TryGet(_maximum, out var maximum) || !maximum.Value.IsSet)
            return;

        var flagWritten = facts.TryGet(_flag, out var flag);
        var flagIsFalse = flagWritten && flag.Value.Kind != ValueKind.Unknown && !flag.Value.IsTrue;
        if (flagWritten && !flagIsFalse)
            return;

        var flagRow = facts.Flavor.Row(_flag);
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (!flagWritten)
        {
            properties = properties
                .Add(DiagnosticProperties.MissingMember, flagRow.PropertyName)
                .Add(DiagnosticProperties.MissingValue, "true");
        }

        report(maximum.Assignment, Diagnostic.Create(_descriptor, maximum.Location, properties, maximum.Member.DisplayName, flagRow.DisplayName));
    }
}
