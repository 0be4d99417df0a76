using System.Text;

namespace MedGrpc.Core.Model;

/// <summary>
/// What a NextToken is bound to: the List it came from, the account it was issued to and the filters it was issued
/// for. A token pages on only under the same scope; MaxResults may change from page to page, as on AWS.
/// </summary>
public sealed record PageScope(string Operation, string AccountId, string? State, string? NameContains)
{
    public const string ListJobs = "ListMedicalTranscriptionJobs";
    public const string ListVocabularies = "ListMedicalVocabularies";

    public static PageScope Of(string accountId, JobQuery query) => new(ListJobs, accountId, query.Status, query.JobNameContains);

    public static PageScope Of(string accountId, VocabularyQuery query) => new(ListVocabularies, accountId, query.StateEquals, query.NameContains);

    /// <summary>
    /// The scope as the signature covers it: a line a member, an unset filter empty and a set one after '=', so that
    /// no two scopes read alike. Name filters match regardless of case, so they are bound regardless of case too.
    /// </summary>
    public byte[] Canonical() =>
        Encoding.UTF8.GetBytes(string.Join('\n', Operation, AccountId, Member(State), Member(NameContains?.ToLowerInvariant())));

    private static string Member(string? value) => value is null ? "" : "=" + value;
}
