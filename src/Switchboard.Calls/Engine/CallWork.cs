using System.Threading.Channels;
using Switchboard.Calls.Engine.Messages;

namespace Switchboard.Calls.Engine;

/// <summary>
/// Every piece of background work a call (or a callback session) starts: synthesis, playback, a hook's answer,
/// a recorder closing its file, a BYE on its way. Each one ends as a <see cref="WorkEnded"/> in the loop's channel,
/// carrying its outcome, so results only ever touch state on the loop and the loop knows when nothing of its own is
/// still running (<see cref="IsIdle"/>). The loop drains its channel until then before it lets the call go, the way
/// Kestrel's shutdown awaits every connection it started.
/// </summary>
/// <remarks>All members but the work itself run on the owning loop.</remarks>
internal sealed class CallWork(ChannelWriter<CallMessage> inbox)
{
    /// <summary>
    /// How long an owner that has its final state waits for its own work (<see cref="DrainAsync"/>): longer than a
    /// BYE's transaction (64·T1, RFC 3261 §17.1.2.2), a hook's timeout and a recording being stored.
    /// </summary>
    public static readonly TimeSpan DrainPatience = TimeSpan.FromSeconds(40);

    private readonly CancellationTokenSource _ending = new();
    private readonly Dictionary<long, Task> _running = [];
    private long _lastId;

    /// <summary>True when every piece of work started has reported its end to the loop.</summary>
    public bool IsIdle => _running.Count == 0;

    /// <summary>How many pieces of work have not yet reported their end.</summary>
    public int Running => _running.Count;

    /// <summary>
    /// Runs <paramref name="work"/> off the loop. Its outcome (null: nothing to say) comes back in a
    /// <see cref="WorkEnded"/>; an exception becomes <paramref name="onError"/>'s message. Work that
    /// <paramref name="endsWithOwner"/> gets a token cancelled by <see cref="EndAll"/>, and a cancellation then
    /// reports no outcome; other work (a result owed to a hook after the caller hung up) runs to its end.
    /// </summary>
    public void Run(Func<CancellationToken, Task<CallMessage?>> work, Func<Exception, CallMessage?> onError, bool endsWithOwner = true)
    {
        var id = ++_lastId;
        var token = endsWithOwner ? _ending.Token : CancellationToken.None;
        _running.Add(id, RunOffLoopAsync(id, work, onError, token));
    }

    /// <summary>
    /// Watches a task something else started (a playback, a BYE transaction): <paramref name="outcome"/> turns its
    /// end, however it ended, into the loop's message (null: nothing to say).
    /// </summary>
    public void Watch(Task task, Func<Task, CallMessage?> outcome) =>
        Run(
            async _ =>
            {
                await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return outcome(task);
            },
            _ => outcome(task),
            endsWithOwner: false);

    /// <summary>
    /// After its owner's final state: reads <paramref name="reader"/> until every piece of work has ended, handing
    /// each outcome to <paramref name="onOutcome"/> on the loop. False when <see cref="DrainPatience"/> ran out first,
    /// so a stuck hook cannot hold its owner forever.
    /// </summary>
    public async Task<bool> DrainAsync(ChannelReader<CallMessage> reader, Action<CallMessage> onOutcome, TimeProvider time)
    {
        using var waiting = new CancellationTokenSource(DrainPatience, time);
        try
        {
            while (!IsIdle)
            {
                if (await reader.ReadAsync(waiting.Token).ConfigureAwait(false) is WorkEnded ended && OnEnded(ended) is { } outcome)
                {
                    onOutcome(outcome);
                }
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Loop: <paramref name="ended"/> has arrived; forgets its work and returns its outcome to handle, if any.</summary>
    public CallMessage? OnEnded(WorkEnded ended)
    {
        _running.Remove(ended.WorkId);
        return ended.Outcome;
    }

    /// <summary>Cancels every piece of work that ends with its owner; the rest runs on.</summary>
    public void EndAll()
    {
        if (!_ending.IsCancellationRequested)
        {
            _ending.Cancel();
        }
    }

    private async Task RunOffLoopAsync(long id, Func<CancellationToken, Task<CallMessage?>> work, Func<Exception, CallMessage?> onError, CancellationToken token)
    {
        // Off the loop at once: the caller is the loop, and the work may be synchronous for a while.
        await Task.Yield();
        CallMessage? outcome;
        try
        {
            outcome = await work(token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            outcome = null;
        }
        catch (Exception exception)
        {
            outcome = onError(exception);
        }

        inbox.TryWrite(new WorkEnded(id, outcome));
    }
}
