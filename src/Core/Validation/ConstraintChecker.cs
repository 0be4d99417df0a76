using System.Text.RegularExpressions;
using MedGrpc.Core.Errors;

namespace MedGrpc.Core.Validation;

/// <summary>
/// Collects violations of the service model's member constraints (required, length, pattern,
/// range, enum) and reports them the way AWS does: "N validation errors detected: Value 'x' at
/// 'field' failed to satisfy constraint: Member must ...".
/// </summary>
internal sealed class ConstraintChecker
{
    private readonly List<FieldViolation> _violations = [];

    public bool HasViolations => _violations.Count > 0;

    public void Required(object? value, string field)
    {
        if (value is null) Add(field, null, "Member must not be null");
    }

    public void Length(string? value, string field, int min, int max)
    {
        if (value is null) return;
        if (value.Length < min) Add(field, value, $"Member must have length greater than or equal to {min}");
        else if (value.Length > max) Add(field, value, $"Member must have length less than or equal to {max}");
    }

    public void Pattern(string? value, string field, Regex pattern, string shown)
    {
        if (value is null || value.Length == 0) return;
        if (!pattern.IsMatch(value)) Add(field, value, $"Member must satisfy regular expression pattern: {shown}");
    }

    public void Range(int? value, string field, int min, int max)
    {
        if (value is null) return;
        if (value < min) Add(field, value.Value.ToString(), $"Member must have value greater than or equal to {min}");
        else if (value > max) Add(field, value.Value.ToString(), $"Member must have value less than or equal to {max}");
    }

    public void Enum(string? value, string field, IReadOnlyList<string> allowed)
    {
        if (value is null) return;
        if (!allowed.Contains(value, StringComparer.Ordinal))
            Add(field, value, $"Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
    }

    public void Count(int? count, string field, int min, int max)
    {
        if (count is null) return;
        if (count < min) Add(field, $"{count} entries", $"Member must have length greater than or equal to {min}");
        else if (count > max) Add(field, $"{count} entries", $"Member must have length less than or equal to {max}");
    }

    public void ThrowIfAny()
    {
        if (_violations.Count == 0) return;
        var noun = _violations.Count == 1 ? "validation error" : "validation errors";
        var message = $"{_violations.Count} {noun} detected: {string.Join("; ", _violations.Select(v => v.Description))}";
        throw new ServiceException(AwsError.BadRequestException, message, _violations);
    }

    private void Add(string field, string? value, string rule)
    {
        // AWS never echoes long values back in full; keep messages readable.
        var shown = value is null ? "null" : $"'{(value.Length > 100 ? value[..100] + "…" : value)}'";
        _violations.Add(new FieldViolation(field, $"Value {shown} at '{field}' failed to satisfy constraint: {rule}"));
    }
}
