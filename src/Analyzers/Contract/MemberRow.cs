namespace MedGrpc.Analyzers.Contract;

/// <summary>A row of a flavour's table: the property <see cref="PropertyName"/> of <see cref="Shape"/> is <see cref="Member"/>.</summary>
public sealed class MemberRow
{
    public MemberRow(ContractShape shape, string propertyName, ContractMember member)
    {
        Shape = shape;
        PropertyName = propertyName;
        Member = member;
    }

    public ContractShape Shape { get; }

    public string PropertyName { get; }

    public ContractMember Member { get; }

    /// <summary>How diagnostics name the field: the path from the request, in the flavour's own spelling.</summary>
    public string DisplayName => Shape switch
    {
        ContractShape.Media => "Media." + PropertyName,
        ContractShape.Settings => "Settings." + PropertyName,
        ContractShape.Tag => "Tag." + PropertyName,
        _ => PropertyName,
    };
}
