using System;
using System.Collections.Immutable;
using System.Globalization;
using MedGrpc.Analyzers.Contract;
using MedGrpc.Analyzers.Facts;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>Base of "ShowX is true but MaxX is not set": the fix adds MaxX with the smallest valid count.</summary>
public abstract class FlagWithoutMaximumAnalyzer : ObjectFactsAnalyzer
{
    private readonly ContractMember _flag;
    private readonly ContractMember _maximum;
    private readonly DiagnosticDescriptor _descriptor;

    protected FlagWithoutMaximumAnalyzer(ContractMember flag, ContractMember maximum, DiagnosticDescriptor descriptor)
    {
        _flag = flag;
        _maximum = maximum;
        _descriptor = descriptor;
    }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(_descriptor);

    protected sealed override ImmutableArray<OperationKind> AnchorKinds { get; } =
        ImmutableArray.Create(OperationKind.SimpleAssignment);

    protected sealed override bool Inspects(ContractShape shape) => shape is ContractShape.Request or ContractShape.Settings;

    protected sealed override void Analyze(ObjectFacts facts, Action<IOperation, Diagnostic> report)
    {
        if (!facts.TryGet(_flag, out var flag) || !flag.Value.IsTrue || !facts.IsKnownUnset(_maximum, ContractShape.Settings))
            return;

        var maximum = facts.Flavor.Row(_maximum);
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.MissingMember, maximum.PropertyName)
            .Add(DiagnosticProperties.MissingValue, ContractRules.DefaultMaximum.ToString(CultureInfo.InvariantCulture));
        report(flag.Assignment, Diagnostic.Create(_descriptor, flag.Location, properties, flag.Member.DisplayName, maximum.DisplayName));
    }
}
