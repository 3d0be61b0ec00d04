using System.Collections.Concurrent;

namespace Switchboard.Foundation.Work;

/// <summary>
/// Work started from a thread that must not wait for it (an INVITE's routing or a REGISTER's credential lookup,
/// started on a SIP receive thread), kept so its owner can await it when it stops instead of leaving it
/// unobserved. Thread-safe.
/// </summary>
public sealed class TrackedTasks
{
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private long _lastId;

    /// <summary>Runs <paramref name="work"/> on the thread pool; it must handle its own failures.</summary>
    public void Run(Func<Task> work)
    {
        var id = Interlocked.Increment(ref _lastId);
        var task = RunAsync(id, work);
        _running[id] = task;
        if (task.IsCompleted)
        {
            // It ended before it was added: it must not stay listed.
            _running.TryRemove(id, out _);
        }
    }

    /// <summary>Completes when every piece of work running now has ended.</summary>
    public Task WhenAllAsync() => Task.WhenAll(_running.Values);

    private async Task RunAsync(long id, Func<Task> work)
    {
        try
        {
            await Task.Yield();
            await work().ConfigureAwait(false);
        }
        finally
        {
            _running.TryRemove(id, out _);
        }
    }
}
