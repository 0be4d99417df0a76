namespace MedGrpc.Analyzers.Contract;

/// <summary>What the analyzer knows about a value assigned to a contract member.</summary>
public sealed class ContractValue
{
    private ContractValue(ValueKind kind, object? constant, string? enumKey, string display)
    {
        Kind = kind;
        Constant = constant;
        EnumKey = enumKey;
        Display = display;
    }

    public static ContractValue Unknown { get; } = new(ValueKind.Unknown, null, null, "an unknown value");

    public static ContractValue NotSet { get; } = new(ValueKind.NotSet, null, null, "not set");

    public ValueKind Kind { get; }

    public object? Constant { get; }

    /// <summary>For enum values: <see cref="ContractRules.EnumKey"/> of the value.</summary>
    public string? EnumKey { get; }

    /// <summary>How a diagnostic shows the value.</summary>
    public string Display { get; }

    public string? String => Constant as string;

    public int? Int32 => Constant is int value ? value : null;

    public bool IsTrue => Constant is true;

    /// <summary>Set to something, known or not; what "present" means for required and paired members.</summary>
    public bool IsSet => Kind != ValueKind.NotSet;

    public static ContractValue FromConstant(object value) => new(ValueKind.Constant, value, null, value.ToString() ?? "");

    public static ContractValue FromEnumMember(string spelling, string display)
        => new(ValueKind.EnumMember, null, ContractRules.EnumKey(spelling), display);

    public static ContractValue FromUndefinedEnum(string display) => new(ValueKind.UndefinedEnum, null, null, display);
}
