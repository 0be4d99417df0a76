namespace MedGrpc.Core.Model;

/// <summary>Where a page of a List ended: the order key (creation time, in ticks) and the name of its last item.</summary>
public sealed record PageCursor(long Ticks, string Name);

/// <summary>A page as a store reads it: its items, and the cursor after the last one when more follow.</summary>
public sealed record StoredPage<T>(IReadOnlyList<T> Items, PageCursor? Next)
{
    /// <summary>
    /// The page from rows read one beyond <paramref name="limit"/> (newest created first): the extra row only says
    /// that more follow, and the cursor is the last kept item's creation time and name. Every store pages this way.
    /// </summary>
    public static StoredPage<T> FromRows(List<T> rows, int limit, Func<T, DateTimeOffset> creationTime, Func<T, string> name)
    {
        if (rows.Count <= limit) return new StoredPage<T>(rows, null);
        rows.RemoveRange(limit, rows.Count - limit);
        var last = rows[^1];
        return new StoredPage<T>(rows, new PageCursor(creationTime(last).UtcTicks, name(last)));
    }
}
