using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Facts;

/// <summary>The effective (last) assignment of a contract member on one object.</summary>
public sealed class MemberWrite
{
    public MemberWrite(BoundMember member, IOperation assignment, ContractValue value)
    {
        Member = member;
        Assignment = assignment;
        Value = value;
    }

    public BoundMember Member { get; }

    /// <summary>The whole assignment (<c>X = v</c> in an initializer or <c>r.X = v;</c> later): where diagnostics and fixes point.</summary>
    public IOperation Assignment { get; }

    public ContractValue Value { get; }

    public Location Location => Assignment.Syntax.GetLocation();
}
