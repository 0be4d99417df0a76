using System;
using System.Collections.Immutable;
using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>
/// Base of the rules for a required enum of a stream's settings of which a set of values is accepted: a named value
/// outside the set, a protobuf enum cast from an undefined number, or the explicit default (<c>X.Unspecified</c>,
/// which the service refuses as missing) is flagged where it is written. Job requests are not judged here.
/// </summary>
public abstract class StreamEnumAnalyzer : MemberValueAnalyzer
{
    private readonly ContractMember _member;
    private readonly ImmutableArray<string>? _acceptedKeys;
    private readonly DiagnosticDescriptor _descriptor;

    /// <param name="acceptedKeys">The accepted values (<see cref="ContractRules.EnumKey"/>); null: every value the enum names.</param>
    protected StreamEnumAnalyzer(ContractMember member, ImmutableArray<string>? acceptedKeys, DiagnosticDescriptor descriptor)
    {
        _member = member;
        _acceptedKeys = acceptedKeys;
        _descriptor = descriptor;
    }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(_descriptor);

    protected sealed override bool Inspects(ContractMember member) => member == _member;

    protected sealed override void Analyze(MemberAssignment assignment, Action<Diagnostic> report)
    {
        if (!assignment.Member.Flavor.IsStream)
            return;
        var value = assignment.Value;
        var shown = value.Kind switch
        {
            ValueKind.UndefinedEnum => value.Display,
            ValueKind.EnumMember when _acceptedKeys is { } accepted && !accepted.Contains(value.EnumKey!) => value.Display,
            ValueKind.NotSet => ExplicitDefault.Of(assignment.Operation.Value),
            _ => null,
        };
        if (shown is null)
            return;

        report(Diagnostic.Create(_descriptor, assignment.ValueLocation, assignment.Member.DisplayName, shown));
    }
}
