using System;
using System.Collections.Immutable;
using System.Globalization;
using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>Base of the rules for a number with an allowed range; the nearest bound goes to the clamping fix.</summary>
public abstract class RangeAnalyzer : MemberValueAnalyzer
{
    private readonly ContractMember _member;
    private readonly int _min;
    private readonly int _max;
    private readonly DiagnosticDescriptor _descriptor;

    protected RangeAnalyzer(ContractMember member, int min, int max, DiagnosticDescriptor descriptor)
    {
        _member = member;
        _min = min;
        _max = max;
        _descriptor = descriptor;
    }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(_descriptor);

    protected sealed override bool Inspects(ContractMember member) => member == _member;

    protected sealed override void Analyze(MemberAssignment assignment, Action<Diagnostic> report)
    {
        if (assignment.Value.Int32 is not { } value || (value >= _min && value <= _max))
            return;

        var bound = value < _min ? _min : _max;
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.Bound, bound.ToString(CultureInfo.InvariantCulture));
        report(Diagnostic.Create(
            _descriptor,
            assignment.ValueLocation,
            properties,
            assignment.Member.DisplayName,
            value.ToString(CultureInfo.InvariantCulture)));
    }
}
