using MedGrpc.Core.Ports;
using MedGrpc.Engines.PocketSphinx;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedGrpc.Tests.Engines;

/// <summary>
/// The PocketSphinx engine unloads decoders left idle for IdleDecoderSeconds, all but the most recently used plain one,
/// so that a burst of streams doesn't keep its decoders (about 100 MB each) loaded for good. Real decoders, a clock
/// moved by hand.
/// </summary>
public sealed class IdleDecoderTests
{
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }

    /// <summary>An engine with three plain decoders loaded at once (three live streams), all returned idle.</summary>
    private static PocketSphinxEngine EngineWithThreeIdleDecoders(ManualClock clock)
    {
        var engine = new PocketSphinxEngine(
            Microsoft.Extensions.Options.Options.Create(new PocketSphinxOptions { IdleDecoderSeconds = 120 }),
            NullLogger<PocketSphinxEngine>.Instance, clock);
        var streams = Enumerable.Range(0, 3).Select(_ => engine.StartLive(new RecognitionOptions())).ToList();
        foreach (var stream in streams) stream.Dispose();
        return engine;
    }

    [Fact]
    public void Decoders_idle_past_the_limit_are_unloaded_but_the_last_plain_one()
    {
        var clock = new ManualClock();
        using var engine = EngineWithThreeIdleDecoders(clock);
        Assert.Equal(3, engine.LoadedDecoders);

        clock.Advance(TimeSpan.FromSeconds(121));
        engine.UnloadIdleDecoders();

        Assert.Equal(1, engine.LoadedDecoders);
    }

    [Fact]
    public void Decoders_idle_for_less_than_the_limit_stay_loaded()
    {
        var clock = new ManualClock();
        using var engine = EngineWithThreeIdleDecoders(clock);

        clock.Advance(TimeSpan.FromSeconds(60));
        engine.UnloadIdleDecoders();

        Assert.Equal(3, engine.LoadedDecoders);
    }

    [Fact]
    public void The_decoder_kept_still_recognises_after_the_others_are_unloaded()
    {
        var clock = new ManualClock();
        using var engine = EngineWithThreeIdleDecoders(clock);
        clock.Advance(TimeSpan.FromSeconds(121));
        engine.UnloadIdleDecoders();

        using var stream = engine.StartLive(new RecognitionOptions());
        stream.Accept(new short[16000]);
        stream.Finish();

        Assert.Equal(1, engine.LoadedDecoders);
    }
}
