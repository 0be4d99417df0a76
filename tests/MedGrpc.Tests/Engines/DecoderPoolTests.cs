using MedGrpc.Core.Engines;

namespace MedGrpc.Tests.Engines;

/// <summary>The one pool of decoders: never more leases than decoders, taken in a fair order, nothing lost to a cancelled wait.</summary>
public sealed class DecoderPoolTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task No_more_leases_are_granted_than_the_pool_has_decoders()
    {
        var pool = new DecoderPool(2);
        using var first = await pool.AcquireAsync("job-a", default);
        using var second = await pool.AcquireAsync("job-b", default);

        var third = pool.AcquireAsync("job-c", default).AsTask();
        await Task.Delay(100);

        Assert.False(third.IsCompleted);
        Assert.Equal(2, pool.Busy);
        first.Dispose();
        using var granted = await third.WaitAsync(Soon);
        Assert.Equal(2, pool.Busy);
    }

    [Fact]
    public async Task A_job_that_has_not_been_served_gets_the_next_free_decoder_before_one_that_holds_them_all()
    {
        var pool = new DecoderPool(2);
        var longJob = new List<DecoderLease> { await pool.AcquireAsync("long", default), await pool.AcquireAsync("long", default) };
        var longsNextPiece = pool.AcquireAsync("long", default).AsTask();
        var shortJob = pool.AcquireAsync("short", default).AsTask();

        longJob[0].Dispose();

        using var shortLease = await shortJob.WaitAsync(Soon);
        Assert.False(longsNextPiece.IsCompleted);
        longJob[1].Dispose();
        using var longLease = await longsNextPiece.WaitAsync(Soon);
    }

    [Fact]
    public async Task The_waiting_job_that_has_had_the_least_decoder_time_goes_first()
    {
        var pool = new DecoderPool(1);
        var held = await pool.AcquireAsync("long", default);
        var pending = new Dictionary<Task<DecoderLease>, string>();
        foreach (var (holder, piece) in new[] { ("long", "long 2"), ("long", "long 3"), ("short", "short 1"), ("short", "short 2") })
            pending[pool.AcquireAsync(holder, default).AsTask()] = piece;
        await Task.Delay(300); // the long job's first piece takes a while; the short job's pieces are given back at once
        var order = new List<string>();

        while (pending.Count > 0)
        {
            held.Dispose();
            var next = await Task.WhenAny(pending.Keys).WaitAsync(Soon);
            order.Add(pending[next]);
            pending.Remove(next);
            held = await next;
        }
        held.Dispose();

        Assert.Equal(["short 1", "short 2", "long 2", "long 3"], order);
    }

    [Fact]
    public async Task Jobs_that_have_had_no_decoder_time_take_turns()
    {
        var pool = new DecoderPool(1);
        var held = await pool.AcquireAsync("other", default);
        await Task.Delay(300);
        var a = new[] { pool.AcquireAsync("a", default).AsTask(), pool.AcquireAsync("a", default).AsTask() };
        var b = new[] { pool.AcquireAsync("b", default).AsTask(), pool.AcquireAsync("b", default).AsTask() };

        held.Dispose();
        var first = await a[0].WaitAsync(Soon);
        Assert.False(b[0].IsCompleted);
        first.Dispose(); // a has now had a moment of decoder time, b none
        var second = await b[0].WaitAsync(Soon);
        Assert.False(a[1].IsCompleted);
        second.Dispose();
        var third = await Task.WhenAny(a[1], b[1]).WaitAsync(Soon);
        (await third).Dispose();
        (await (third == a[1] ? b[1] : a[1]).WaitAsync(Soon)).Dispose();
    }

    [Fact]
    public async Task A_cancelled_wait_takes_no_decoder()
    {
        var pool = new DecoderPool(1);
        var held = await pool.AcquireAsync("a", default);
        using var cancel = new CancellationTokenSource();
        var abandoned = pool.AcquireAsync("b", cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        held.Dispose();
        Assert.Equal(0, pool.Busy);
        using var next = await pool.AcquireAsync("c", default).AsTask().WaitAsync(Soon);
        Assert.Equal(1, pool.Busy);
    }
}
