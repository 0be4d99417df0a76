using System;
using System.Collections.Immutable;
using System.Linq;
using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>
/// Base of the rules for enums of which Transcribe Medical accepts a single value (LanguageCode, Specialty,
/// ContentIdentificationType): any other named value, or a protobuf enum cast from an undefined number, is flagged.
/// For a required member (LanguageCode, Specialty) so is its explicit default (<c>Specialty.Unspecified</c>), which
/// the service refuses as missing, where it is written: in the initializer or after it.
/// </summary>
public abstract class SingleSupportedValueAnalyzer : MemberValueAnalyzer
{
    private readonly ContractMember _member;
    private readonly string _supportedKey;
    private readonly DiagnosticDescriptor _descriptor;
    private readonly bool _required;
    private readonly bool _jobsOnly;

    /// <param name="jobsOnly">The single value is a job's rule; a stream accepts more (Specialty: MEDGRPC022 judges streams).</param>
    protected SingleSupportedValueAnalyzer(ContractMember member, string supportedKey, DiagnosticDescriptor descriptor, bool required = false, bool jobsOnly = false)
    {
        _member = member;
        _supportedKey = supportedKey;
        _descriptor = descriptor;
        _required = required;
        _jobsOnly = jobsOnly;
    }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(_descriptor);

    protected sealed override bool Inspects(ContractMember member) => member == _member;

    protected sealed override void Analyze(MemberAssignment assignment, Action<Diagnostic> report)
    {
        if (_jobsOnly && assignment.Member.Flavor.IsStream)
            return;
        var value = assignment.Value;
        var shown = value.Display;
        var unsupported = value.Kind == ValueKind.UndefinedEnum
            || (value.Kind == ValueKind.EnumMember && value.EnumKey != _supportedKey);
        if (!unsupported && _required && value.Kind == ValueKind.NotSet && ExplicitDefault.Of(assignment.Operation.Value) is { } zero)
        {
            unsupported = true;
            shown = zero;
        }

        if (!unsupported)
            return;

        var properties = ImmutableDictionary<string, string?>.Empty;
        if (SupportedMember(assignment.Member.Property.Type) is { } supported)
            properties = properties.Add(DiagnosticProperties.SupportedMember, supported.Name);

        report(Diagnostic.Create(
            _descriptor, assignment.ValueLocation, properties, assignment.Member.DisplayName, shown));
    }

    /// <summary>The enum member or AWS static field that spells the supported value, for the fix to write.</summary>
    private IFieldSymbol? SupportedMember(ITypeSymbol type)
        => type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(field =>
            field.IsStatic && ContractRules.EnumKey(field.Name) == _supportedKey);
}
