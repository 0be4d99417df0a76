namespace MedGrpc.Analyzers.Contract;

/// <summary>How a flavour spells AWS's string enums.</summary>
public enum EnumStyle
{
    /// <summary>C# enums generated from protobuf: zero is "not set", members are named like EnUs.</summary>
    ProtobufEnum,

    /// <summary>AWS SDK ConstantClass subclasses: static readonly fields (EnUS) and an implicit conversion from string.</summary>
    ConstantClass,
}
