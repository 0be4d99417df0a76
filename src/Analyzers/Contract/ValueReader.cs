using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MedGrpc.Analyzers.Contract;

/// <summary>
/// Reads the compile-time value of an assigned expression from the operation tree: constants (const fields,
/// concatenations of constants, enum members, casts) fold through the compiler's constant values, and the AWS SDK's
/// ConstantClass values are read from their static fields, constructors, FindValue and the implicit string conversion.
/// </summary>
public static class ValueReader
{
    private const string ConstantClassName = "ConstantClass";
    private const string ConstantClassNamespace = "Amazon.Runtime";

    public static ContractValue Read(IOperation value)
    {
        var type = value.Type;
        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
            return ReadProtobufEnum(value, enumType);
        if (type is INamedTypeSymbol named && IsConstantClass(named))
            return ReadConstantClass(value, named);

        var operation = WithoutImplicitConversions(value);
        if (!operation.ConstantValue.HasValue)
            return ContractValue.Unknown;
        return operation.ConstantValue.Value is { } constant ? ContractValue.FromConstant(constant) : ContractValue.NotSet;
    }

    /// <summary>Strips compiler-inserted conversions (int to int?, to object) that carry no constant of their own.</summary>
    public static IOperation WithoutImplicitConversions(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true, OperatorMethod: null } conversion
            && !operation.ConstantValue.HasValue)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    public static bool IsConstantClass(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == ConstantClassName && current.ContainingNamespace?.ToDisplayString() == ConstantClassNamespace)
                return true;
        }

        return false;
    }

    private static ContractValue ReadProtobufEnum(IOperation value, INamedTypeSymbol enumType)
    {
        var operation = WithoutImplicitConversions(value);
        if (!operation.ConstantValue.HasValue || operation.ConstantValue.Value is not { } constant)
            return ContractValue.Unknown;

        var number = System.Convert.ToInt64(constant, CultureInfo.InvariantCulture);
        if (number == 0)
            return ContractValue.NotSet; // protobuf's *_UNSPECIFIED: the same as never set

        // Usually written as the member itself (Specialty.Primarycare): named without searching the enum's members.
        var member = operation is IFieldReferenceOperation { Field: var written } && SymbolEqualityComparer.Default.Equals(written.ContainingType, enumType)
            ? written
            : enumType.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(field =>
                field.HasConstantValue
                && System.Convert.ToInt64(field.ConstantValue, CultureInfo.InvariantCulture) == number);
        return member is null
            ? ContractValue.FromUndefinedEnum($"({enumType.Name}){number.ToString(CultureInfo.InvariantCulture)}")
            : ContractValue.FromEnumMember(member.Name, $"{enumType.Name}.{member.Name}");
    }

    private static ContractValue ReadConstantClass(IOperation value, INamedTypeSymbol type)
    {
        var operation = value;
        while (operation is IConversionOperation conversion)
        {
            if (conversion.OperatorMethod is not null)
                return FromString(conversion.Operand); // the SDK's implicit conversion from string
            operation = conversion.Operand;
        }

        switch (operation)
        {
            case { ConstantValue: { HasValue: true, Value: null } }:
                return ContractValue.NotSet;
            case IFieldReferenceOperation { Field: { IsStatic: true } field } when field.Type is INamedTypeSymbol fieldType && IsConstantClass(fieldType):
                return ContractValue.FromEnumMember(field.Name, $"{type.Name}.{field.Name}");
            case IObjectCreationOperation { Arguments.Length: 1 } creation:
                return FromString(creation.Arguments[0].Value);
            case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "FindValue" }, Arguments.Length: 1 } invocation:
                return FromString(invocation.Arguments[0].Value);
            default:
                return ContractValue.Unknown;
        }
    }

    private static ContractValue FromString(IOperation operand)
    {
        var operation = WithoutImplicitConversions(operand);
        if (!operation.ConstantValue.HasValue)
            return ContractValue.Unknown;
        return operation.ConstantValue.Value is string text
            ? ContractValue.FromEnumMember(text, "\"" + text + "\"")
            : ContractValue.NotSet;
    }
}
