using Microsoft.Extensions.Logging;

namespace Switchboard.Storage.Resilience;

/// <summary>
/// Writes the store refused for a reason that passes (a full disk, a read-only or locked file), kept in memory in
/// order per key and retried with backoff until the store takes them. A failing disk therefore delays what is stored
/// but loses none of it while the process lives, and needs no restart. A write for a key with writes still waiting
/// goes behind them, so a call's later status never lands before an earlier one. While any wait,
/// <see cref="IsHealthy"/> is false: the server is not ready for new work.
/// </summary>
public sealed class DeferredWrites : IAsyncDisposable
{
    /// <summary>The first retry's delay; each failed round doubles it up to <see cref="MaxRetryDelay"/>.</summary>
    public static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>Bounds how long a recovered store waits before the kept writes go in.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly OrderedDictionary<string, List<DeferredWrite>> _waiting = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeProvider _time;
    private readonly ILogger<DeferredWrites> _logger;
    private readonly Task _retrying;
    private int _count;
    private string? _lastFailure;

    public DeferredWrites(TimeProvider time, ILogger<DeferredWrites> logger)
    {
        _time = time;
        _logger = logger;
        _retrying = RetryAsync(_stopping.Token);
    }

    /// <summary>How many writes wait for the store.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>True when no write waits: the store took everything it was given.</summary>
    public bool IsHealthy => Count == 0;

    /// <summary>Why the store last refused a write, while writes wait; null when healthy.</summary>
    public string? Problem => IsHealthy ? null : Volatile.Read(ref _lastFailure);

    /// <summary>
    /// Writes now, or behind the writes already waiting under <paramref name="key"/>. A failure that passes keeps the
    /// write to retry instead of throwing; one that never will is logged and dropped. <paramref name="replaces"/>
    /// names what the write sets (a whole record): a newer write of the same name replaces one still waiting.
    /// </summary>
    /// <returns>True when the store took the write now.</returns>
    public async Task<bool> WriteAsync(string key, Func<CancellationToken, Task> write, string? replaces = null, CancellationToken cancellationToken = default)
    {
        if (TryQueueBehindWaiting(key, write, replaces))
        {
            return false;
        }

        try
        {
            await write(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (StorageFailures.IsAlreadyWritten(exception))
        {
            return true;
        }
        catch (Exception exception) when (StorageFailures.IsRetryable(exception))
        {
            Queue(key, write, replaces, exception.Message);
            return false;
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            Log.WriteDropped(_logger, exception, key);
            return false;
        }
    }

    /// <summary>Keeps <paramref name="write"/> for the retry loop without trying it now (it just failed elsewhere).</summary>
    public void Defer(string key, Func<CancellationToken, Task> write, string failure) => Queue(key, write, replaces: null, failure);

    /// <summary>Stops retrying after one last round; what the store still refuses then is lost (and logged).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _retrying.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!await FlushAsync().ConfigureAwait(false))
        {
            Log.LostAtShutdown(_logger, Count);
        }

        _stopping.Dispose();
        _wake.Dispose();
    }

    private bool TryQueueBehindWaiting(string key, Func<CancellationToken, Task> write, string? replaces)
    {
        lock (_gate)
        {
            if (!_waiting.TryGetValue(key, out var writes))
            {
                return false;
            }

            Add(writes, write, replaces);
            return true;
        }
    }

    /// <summary>Keeps a refused write; the first one of an outage is logged, the rest would only repeat it.</summary>
    private void Queue(string key, Func<CancellationToken, Task> write, string? replaces, string failure)
    {
        Volatile.Write(ref _lastFailure, failure);
        bool first;
        lock (_gate)
        {
            if (!_waiting.TryGetValue(key, out var writes))
            {
                writes = [];
                _waiting.Add(key, writes);
            }

            first = _count == 0;
            Add(writes, write, replaces);
        }

        if (first)
        {
            Log.WriteDeferred(_logger, key, failure);
            _wake.Release();
        }
    }

    /// <summary>Under the gate. The head of a key's list may be in flight, so only a later entry is replaced.</summary>
    private void Add(List<DeferredWrite> writes, Func<CancellationToken, Task> write, string? replaces)
    {
        if (replaces is not null && writes.Count > 1 && writes[^1].Replaces == replaces)
        {
            writes[^1] = new DeferredWrite(write, replaces);
            return;
        }

        writes.Add(new DeferredWrite(write, replaces));
        _count++;
    }

    private async Task RetryAsync(CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                await _wake.WaitAsync(stopping).ConfigureAwait(false);
                var delay = FirstRetryDelay;
                var kept = Count;
                while (Count > 0)
                {
                    await Task.Delay(delay, _time, stopping).ConfigureAwait(false);
                    delay = await FlushAsync().ConfigureAwait(false) ? FirstRetryDelay : Min(delay * 2, MaxRetryDelay);
                    kept = Math.Max(kept, Count);
                }

                if (kept > 0)
                {
                    Log.Recovered(_logger, kept);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Disposal makes the last round itself.
        }
    }

    /// <summary>One round: every key's writes in order, stopping at the first failure that passes. True when all went in.</summary>
    private async Task<bool> FlushAsync()
    {
        while (NextWaiting() is var (key, next) && next is not null)
        {
            try
            {
                await next.Write(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (StorageFailures.IsAlreadyWritten(exception))
            {
                // Taken by an earlier attempt that reported failure after all.
            }
            catch (Exception exception) when (StorageFailures.IsRetryable(exception))
            {
                Volatile.Write(ref _lastFailure, exception.Message);
                return false;
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
            {
                Log.WriteDropped(_logger, exception, key);
            }

            Remove(key, next);
        }

        return true;
    }

    private (string Key, DeferredWrite? Write) NextWaiting()
    {
        lock (_gate)
        {
            return _waiting.Count == 0 ? (string.Empty, null) : (_waiting.GetAt(0).Key, _waiting.GetAt(0).Value[0]);
        }
    }

    private void Remove(string key, DeferredWrite written)
    {
        lock (_gate)
        {
            var writes = _waiting[key];
            writes.Remove(written);
            _count--;
            if (writes.Count == 0)
            {
                _waiting.Remove(key);
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed record DeferredWrite(Func<CancellationToken, Task> Write, string? Replaces);
}
