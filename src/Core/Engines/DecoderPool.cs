using System.Diagnostics;
using MedGrpc.Core.Options;
using Microsoft.Extensions.Options;

namespace MedGrpc.Core.Engines;

/// <summary>
/// The engine's capacity, one for all work: at most <see cref="Size"/> decoders recognise at once, whoever
/// asks (the pieces of every job in progress; later a live stream, which would hold a lease for as long as it
/// runs). A holder names who a lease is for (a job). When a decoder comes free it goes to the waiting holder
/// that has had the least decoder time so far (least attained service), the one served longest ago among
/// equals: a short job that starts while a long one keeps every decoder busy gets each decoder that comes
/// free until it has had as much as the long one, so it ends about as soon as if it had started alone, a
/// piece's decoding later; the long job loses only the short job's own time. Two long jobs share evenly.
/// </summary>
public sealed class DecoderPool
{
    // A holder with no lease and no wait is forgotten after this long: between its pieces it keeps its account.
    private static readonly long ForgetAfterTicks = Stopwatch.Frequency * 60;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Holder> _holders = new(StringComparer.Ordinal);
    private long _grants;
    private int _busy;

    public DecoderPool(IOptions<MedGrpcOptions> options) : this(options.Value.EffectiveDecoders)
    {
    }

    public DecoderPool(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Size = size;
    }

    public int Size { get; }

    /// <summary>Decoders leased now.</summary>
    public int Busy
    {
        get { lock (_gate) return _busy; }
    }

    /// <summary>Waits for a free decoder; dispose the lease to give it back.</summary>
    /// <param name="holder">Who the lease is for (a job's key): decoders are shared between holders by the time each has had.</param>
    public ValueTask<DecoderLease> AcquireAsync(string holder, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        Waiter waiter;
        lock (_gate)
        {
            var entry = HolderOf(holder);
            if (_busy < Size && !_holders.Values.Any(h => h.Waiters.Count > 0))
            {
                Grant(entry);
                return ValueTask.FromResult(new DecoderLease(this, holder));
            }
            waiter = new Waiter(holder) { Pool = this };
            entry.Waiters.Enqueue(waiter);
        }
        return WaitAsync(waiter, ct);
    }

    private static async ValueTask<DecoderLease> WaitAsync(Waiter waiter, CancellationToken ct)
    {
        await using (ct.Register(() => waiter.Pool?.Cancel(waiter)))
            return await waiter.Granted.Task;
    }

    private void Cancel(Waiter waiter)
    {
        lock (_gate)
        {
            if (waiter.Chosen) return; // granted first: the caller gets the lease and gives it back
            var entry = _holders[waiter.Holder];
            var others = entry.Waiters.Where(w => w != waiter).ToList();
            entry.Waiters.Clear();
            foreach (var other in others) entry.Waiters.Enqueue(other);
        }
        waiter.Granted.TrySetCanceled();
    }

    internal void Release(string holder, long heldTicks)
    {
        Waiter? next = null;
        lock (_gate)
        {
            _busy--;
            var entry = _holders[holder];
            entry.Leases--;
            entry.ServedTicks += heldTicks;
            entry.LastActive = Stopwatch.GetTimestamp();
            var chosen = _holders.Values.Where(h => h.Waiters.Count > 0).MinBy(h => (h.ServedTicks, h.LastGrant));
            if (chosen is not null)
            {
                next = chosen.Waiters.Dequeue();
                next.Chosen = true;
                Grant(chosen);
            }
            ForgetIdle();
        }
        next?.Granted.TrySetResult(new DecoderLease(this, next.Holder));
    }

    private Holder HolderOf(string holder)
    {
        if (!_holders.TryGetValue(holder, out var entry)) _holders[holder] = entry = new Holder(holder);
        return entry;
    }

    private void Grant(Holder entry)
    {
        _busy++;
        entry.Leases++;
        entry.LastGrant = ++_grants;
        entry.LastActive = Stopwatch.GetTimestamp();
    }

    private void ForgetIdle()
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var idle in _holders.Values.Where(h => h.Leases == 0 && h.Waiters.Count == 0 && now - h.LastActive > ForgetAfterTicks).ToList())
            _holders.Remove(idle.Name);
    }

    private sealed class Holder(string name)
    {
        public string Name { get; } = name;
        public Queue<Waiter> Waiters { get; } = new();
        public int Leases { get; set; }
        public long ServedTicks { get; set; }
        public long LastGrant { get; set; }
        public long LastActive { get; set; }
    }

    private sealed class Waiter(string holder)
    {
        public string Holder { get; } = holder;
        public DecoderPool? Pool { get; init; }
        public TaskCompletionSource<DecoderLease> Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Taken off its queue for a lease (under the pool's lock): too late to cancel.
        public bool Chosen { get; set; }
    }
}
