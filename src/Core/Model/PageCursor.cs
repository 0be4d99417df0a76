namespace MedGrpc.Core.Model;

/// <summary>Where a page of a List ended: the order key (creation time, in ticks) and the name of its last item.</summary>
public sealed record PageCursor(long Ticks, string Name);

/// <summary>A page as a store reads it: its items, and the cursor after the last one when more follow.</summary>
public sealed record StoredPage<T>(IReadOnlyList<T> Items, PageCursor? Next);
