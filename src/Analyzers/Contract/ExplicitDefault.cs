using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MedGrpc.Analyzers.Contract;

/// <summary>
/// A protobuf enum's zero written out (<c>Specialty.Unspecified</c>, or a constant holding it): the wire can't tell
/// it from "not set", so for a required member the service refuses it as missing. The value reader counts it as
/// not set; the rules for required members point at it where it is written.
/// </summary>
public static class ExplicitDefault
{
    /// <summary>How the zero is spelled (<c>Specialty.Unspecified</c>), or null when the value is no protobuf enum's zero.</summary>
    public static string? Of(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
            value = conversion.Operand;
        if (value.Type is not INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType
            || !value.ConstantValue.HasValue
            || value.ConstantValue.Value is null
            || System.Convert.ToInt64(value.ConstantValue.Value, CultureInfo.InvariantCulture) != 0)
        {
            return null;
        }

        var zero = enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(field =>
            field.HasConstantValue && System.Convert.ToInt64(field.ConstantValue, CultureInfo.InvariantCulture) == 0);
        return zero is null ? $"({enumType.Name})0" : $"{enumType.Name}.{zero.Name}";
    }
}
