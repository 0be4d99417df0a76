using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace MedGrpc.Analyzers.Contract;

/// <summary>
/// The flavour table resolved against one compilation: which request types exist there and which of their
/// properties are contract members. Built once per compilation and shared by every analyzer.
/// </summary>
public sealed class ContractTypes
{
    // Every analyzer asks at compilation start; resolving once keeps that to a handful of name look-ups.
    private static readonly ConditionalWeakTable<Compilation, ContractTypes> Cache = new();

    private readonly Dictionary<IPropertySymbol, BoundMember> _members;
    private readonly Dictionary<INamedTypeSymbol, (RequestFlavor Flavor, ContractShape Shape)> _shapes;

    private ContractTypes(
        Dictionary<IPropertySymbol, BoundMember> members,
        Dictionary<INamedTypeSymbol, (RequestFlavor, ContractShape)> shapes)
    {
        _members = members;
        _shapes = shapes;
    }

    /// <summary>Null when the compilation has no request type of any flavour, so analyzers register nothing.</summary>
    public static ContractTypes? For(Compilation compilation)
    {
        var types = Cache.GetValue(compilation, Resolve);
        return types._shapes.Count == 0 ? null : types;
    }

    public bool TryGetMember(IPropertySymbol property, out BoundMember member)
        => _members.TryGetValue(property.OriginalDefinition, out member!);

    public bool TryGetShape(ITypeSymbol? type, out RequestFlavor flavor, out ContractShape shape)
    {
        if (type is INamedTypeSymbol named && _shapes.TryGetValue(named, out var found))
        {
            (flavor, shape) = found;
            return true;
        }

        flavor = null!;
        shape = default;
        return false;
    }

    private static ContractTypes Resolve(Compilation compilation)
    {
        var members = new Dictionary<IPropertySymbol, BoundMember>(SymbolEqualityComparer.Default);
        var shapes = new Dictionary<INamedTypeSymbol, (RequestFlavor, ContractShape)>(SymbolEqualityComparer.Default);
        foreach (var flavor in RequestFlavor.All)
        {
            // Without the request type the other shapes may belong to another AWS service call.
            if (compilation.GetTypeByMetadataName(flavor.TypeNames[flavor.RootShape]) is null)
                continue;

            foreach (var pair in flavor.TypeNames)
            {
                if (compilation.GetTypeByMetadataName(pair.Value) is { } type)
                    shapes[type] = (flavor, pair.Key);
            }

            foreach (var row in flavor.Members)
            {
                if (compilation.GetTypeByMetadataName(flavor.TypeNames[row.Shape]) is not { } type)
                    continue;
                foreach (var symbol in type.GetMembers(row.PropertyName))
                {
                    if (symbol is IPropertySymbol property)
                        members[property] = new BoundMember(flavor, row, property);
                }
            }
        }

        return new ContractTypes(members, shapes);
    }
}
