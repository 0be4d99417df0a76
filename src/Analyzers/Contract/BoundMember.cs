using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Contract;

/// <summary>A property of a caller's compilation recognised as a contract member of one flavour.</summary>
public sealed class BoundMember
{
    public BoundMember(RequestFlavor flavor, MemberRow row, IPropertySymbol property)
    {
        Flavor = flavor;
        Row = row;
        Property = property;
    }

    public RequestFlavor Flavor { get; }

    public MemberRow Row { get; }

    public IPropertySymbol Property { get; }

    public ContractMember Member => Row.Member;

    public ContractShape Shape => Row.Shape;

    public string DisplayName => Row.DisplayName;
}
