namespace MedGrpc.Analyzers.Contract;

public enum ValueKind
{
    /// <summary>Not a compile-time value (a variable, a call): rules stay silent.</summary>
    Unknown,

    /// <summary>null, or a protobuf enum's zero: the member counts as not set.</summary>
    NotSet,

    /// <summary>A constant string, number or bool.</summary>
    Constant,

    /// <summary>A named enum value (protobuf member or AWS ConstantClass field or string).</summary>
    EnumMember,

    /// <summary>A protobuf enum cast from a number that names no member.</summary>
    UndefinedEnum,
}
