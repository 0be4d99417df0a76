using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;

namespace MedGrpc.Tests.Validation;

/// <summary>The signed NextToken itself: it reads back with the key and scope it was issued under, and with nothing else.</summary>
public sealed class PageTokenTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly PageScope Scope = new(PageScope.ListJobs, "111122223333", "COMPLETED", "visit");
    private static readonly PageCursor Cursor = new(638_700_000_000_000_000, "visit-0042");

    [Fact]
    public void A_token_reads_back_the_cursor_it_was_issued_for()
    {
        Assert.True(PageToken.TryRead(Key, Scope, PageToken.Issue(Key, Scope, Cursor), out var cursor));
        Assert.Equal(Cursor, cursor);
    }

    [Fact]
    public void A_token_with_one_character_changed_does_not_read_back()
    {
        var token = PageToken.Issue(Key, Scope, Cursor).ToCharArray();
        // A character well inside the token: every one of its bits counts (the last may carry unused bits).
        token[20] = token[20] == 'A' ? 'B' : 'A';
        Assert.False(PageToken.TryRead(Key, Scope, new string(token), out _));
    }

    [Fact]
    public void A_token_does_not_read_back_under_another_key()
    {
        var otherKey = Key.Select(b => (byte)(b + 1)).ToArray();
        Assert.False(PageToken.TryRead(otherKey, Scope, PageToken.Issue(Key, Scope, Cursor), out _));
    }

    [Fact]
    public void The_name_filter_is_bound_regardless_of_case_as_it_matches()
    {
        var token = PageToken.Issue(Key, Scope, Cursor);
        Assert.True(PageToken.TryRead(Key, Scope with { NameContains = "VISIT" }, token, out _));
    }

    [Fact]
    public void An_unset_filter_and_an_empty_one_are_different_scopes()
    {
        var token = PageToken.Issue(Key, Scope with { State = null }, Cursor);
        Assert.False(PageToken.TryRead(Key, Scope with { State = "" }, token, out _));
    }

    [Fact]
    public void Text_that_is_not_base64url_does_not_read_back() => Assert.False(PageToken.TryRead(Key, Scope, "not a token!", out _));
}
