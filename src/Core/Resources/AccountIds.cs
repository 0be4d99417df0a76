using System.Text.RegularExpressions;

namespace MedGrpc.Core.Resources;

/// <summary>Account ids as AWS writes them: twelve digits, e.g. 000000000000.</summary>
public static partial class AccountIds
{
    public static bool IsValid(string? accountId) => accountId is not null && Pattern().IsMatch(accountId);

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex Pattern();
}
