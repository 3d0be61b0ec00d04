using Microsoft.Extensions.Logging.Abstractions;
using Switchboard.Storage.Resilience;
using Switchboard.Testing;

namespace Switchboard.Storage.Tests.Resilience;

public sealed class DeferredWritesTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private readonly List<string> _written = [];
    private DeferredWrites _writes = null!;
    private bool _full;
    private int _attempts;

    public Task InitializeAsync()
    {
        _writes = new DeferredWrites(_time, NullLogger<DeferredWrites>.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _writes.DisposeAsync();

    [Fact]
    public async Task AWriteTheStoreTakes_IsWrittenAtOnce()
    {
        Assert.True(await _writes.WriteAsync("call 1", Write("ringing")));

        Assert.Equal(["ringing"], _written);
        Assert.True(_writes.IsHealthy);
        Assert.Null(_writes.Problem);
    }

    [Fact]
    public async Task ARefusedWrite_IsKept_AndWrittenOnceTheStoreRecovers()
    {
        _full = true;

        Assert.False(await _writes.WriteAsync("call 1", Write("completed")));

        Assert.Empty(_written);
        Assert.False(_writes.IsHealthy);
        Assert.Equal(1, _writes.Count);
        Assert.Contains("disk is full", _writes.Problem, StringComparison.Ordinal);

        _full = false;
        await RetryUntilHealthyAsync();
        Assert.Equal(["completed"], _written);
    }

    [Fact]
    public async Task RetriesBackOff_DoublingFromAQuarterSecond_UpToFiveSeconds()
    {
        _full = true;
        await _writes.WriteAsync("call 1", Write("completed"));
        var delays = new List<double>();

        for (var retry = 0; retry < 8; retry++)
        {
            await WaitAsync(() => _time.NextDue is not null);
            var delay = _time.NextDue!.Value;
            delays.Add(delay.TotalSeconds);
            var before = Volatile.Read(ref _attempts);
            _time.Advance(delay);
            await WaitAsync(() => Volatile.Read(ref _attempts) > before);
        }

        Assert.Equal([0.25, 0.5, 1, 2, 4, 5, 5, 5], delays);
    }

    [Fact]
    public async Task AWriteForAKeyWithWritesWaiting_GoesBehindThem_EvenOnceTheStoreRecovered()
    {
        _full = true;
        await _writes.WriteAsync("call 1", Write("in-progress"));
        _full = false;

        Assert.False(await _writes.WriteAsync("call 1", Write("completed")));
        Assert.True(await _writes.WriteAsync("call 2", Write("other call")));

        await RetryUntilHealthyAsync();
        Assert.Equal(["other call", "in-progress", "completed"], _written);
    }

    [Fact]
    public async Task ANewerRecord_ReplacesTheOneWaiting_ButNotTheOneBeingRetried()
    {
        _full = true;
        await _writes.WriteAsync("call 1", Write("ringing"), replaces: "record");
        await _writes.WriteAsync("call 1", Write("event"));
        await _writes.WriteAsync("call 1", Write("in-progress"), replaces: "record");
        await _writes.WriteAsync("call 1", Write("completed"), replaces: "record");
        _full = false;

        await RetryUntilHealthyAsync();
        Assert.Equal(["ringing", "event", "completed"], _written);
    }

    [Fact]
    public async Task AWriteTheStoreCanNeverTake_IsDropped_AndTheRestGoOn()
    {
        Assert.False(await _writes.WriteAsync("call 1", _ => throw StoreFailures.ForeignKey()));

        Assert.True(_writes.IsHealthy);
        Assert.True(await _writes.WriteAsync("call 1", Write("completed")));
        Assert.Equal(["completed"], _written);
    }

    [Fact]
    public async Task ARetriedInsertTheStoreAlreadyHas_CountsAsWritten()
    {
        _full = true;
        await _writes.WriteAsync("call 1", Write("event 1"));
        _full = false;
        await _writes.WriteAsync("call 1", _ => throw StoreFailures.Duplicate());

        await RetryUntilHealthyAsync();
        Assert.Equal(["event 1"], _written);
    }

    [Fact]
    public async Task Disposing_MakesALastRound()
    {
        _full = true;
        await _writes.WriteAsync("call 1", Write("completed"));
        _full = false;

        await _writes.DisposeAsync();

        Assert.Equal(["completed"], _written);
    }

    private Func<CancellationToken, Task> Write(string what) => _ =>
    {
        Interlocked.Increment(ref _attempts);
        if (_full)
        {
            throw StoreFailures.DiskFull();
        }

        lock (_written)
        {
            _written.Add(what);
        }

        return Task.CompletedTask;
    };

    private async Task RetryUntilHealthyAsync()
    {
        for (var round = 0; round < 20 && !_writes.IsHealthy; round++)
        {
            await WaitAsync(() => _time.NextDue is not null);
            _time.Advance(_time.NextDue ?? DeferredWrites.MaxRetryDelay);
            await WaitAsync(() => _writes.IsHealthy);
        }

        Assert.True(_writes.IsHealthy);
    }

    /// <summary>The retry loop runs on the thread pool: gives it time to act on the clock just moved.</summary>
    private static async Task WaitAsync(Func<bool> done)
    {
        for (var spin = 0; spin < 500 && !done(); spin++)
        {
            await Task.Delay(2);
        }
    }
}
