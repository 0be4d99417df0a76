using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>One assignment to a contract member, in an initializer or a later statement, with its value read.</summary>
public sealed class MemberAssignment
{
    public MemberAssignment(ISimpleAssignmentOperation operation, BoundMember member, ContractValue value)
    {
        Operation = operation;
        Member = member;
        Value = value;
    }

    public ISimpleAssignmentOperation Operation { get; }

    public BoundMember Member { get; }

    public ContractValue Value { get; }

    /// <summary>The assigned expression: where value rules point, and what value fixes replace.</summary>
    public Location ValueLocation => Operation.Value.Syntax.GetLocation();

    /// <summary>The whole assignment: what removal fixes delete.</summary>
    public Location Location => Operation.Syntax.GetLocation();
}
