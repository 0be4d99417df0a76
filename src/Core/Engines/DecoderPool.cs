using MedGrpc.Core.Options;
using Microsoft.Extensions.Options;

namespace MedGrpc.Core.Engines;

/// <summary>
/// The engine's capacity, one for all work: at most <see cref="Size"/> decoders recognise at once, whoever
/// asks (the pieces of every job in progress; later a live stream, which would hold a lease for as long as it
/// runs). A holder names who the lease is for (a job); when a decoder comes free it goes to the waiting holder
/// served longest ago, a holder never served first, so a short job that starts while a long one keeps every
/// decoder busy gets the next free one instead of queueing behind the long job's remaining pieces.
/// </summary>
public sealed class DecoderPool
{
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
    /// <param name="holder">Who the lease is for (a job's key): leases are shared fairly between holders.</param>
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
            waiter = new Waiter(holder);
            entry.Waiters.Enqueue(waiter);
        }
        return WaitAsync(waiter, ct);
    }

    private async ValueTask<DecoderLease> WaitAsync(Waiter waiter, CancellationToken ct)
    {
        await using (ct.Register(() => Cancel(waiter)))
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
            Forget(entry);
        }
        waiter.Granted.TrySetCanceled();
    }

    internal void Release(string holder)
    {
        Waiter? next = null;
        lock (_gate)
        {
            _busy--;
            var entry = _holders[holder];
            entry.Leases--;
            // The waiting holder served longest ago; a new holder has never been served and so comes first.
            var chosen = _holders.Values.Where(h => h.Waiters.Count > 0).MinBy(h => h.LastGrant);
            if (chosen is not null)
            {
                next = chosen.Waiters.Dequeue();
                next.Chosen = true;
                Grant(chosen);
            }
            Forget(entry);
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
    }

    // A holder is remembered while it holds or waits, so that its turn in the order survives between its pieces.
    private void Forget(Holder entry)
    {
        if (entry.Leases == 0 && entry.Waiters.Count == 0) _holders.Remove(entry.Name);
    }

    private sealed class Holder(string name)
    {
        public string Name { get; } = name;
        public Queue<Waiter> Waiters { get; } = new();
        public int Leases { get; set; }
        public long LastGrant { get; set; }
    }

    private sealed record Waiter(string Holder)
    {
        public TaskCompletionSource<DecoderLease> Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Taken off its queue for a lease (under the pool's lock): too late to cancel.
        public bool Chosen { get; set; }
    }
}
