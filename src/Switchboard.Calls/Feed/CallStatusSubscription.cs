using System.Threading.Channels;
using Switchboard.Calls.Engine;

namespace Switchboard.Calls.Feed;

/// <summary>One watcher of <see cref="CallStatusFeed"/>: the calls of one account, each as it was after a change.</summary>
public sealed class CallStatusSubscription : IDisposable
{
    private readonly Channel<CallSnapshot> _changes;
    private readonly Action<CallStatusSubscription> _remove;
    private int _overflowed;

    internal CallStatusSubscription(string accountSid, int capacity, Action<CallStatusSubscription> remove)
    {
        AccountSid = accountSid;
        _remove = remove;
        _changes = Channel.CreateBounded<CallSnapshot>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string AccountSid { get; }

    /// <summary>The changes, oldest first; completes when the subscriber fell behind or was disposed.</summary>
    public ChannelReader<CallSnapshot> Changes => _changes.Reader;

    /// <summary>
    /// Whether the subscriber fell behind and was cut off: changes were lost, so what it shows must be read afresh.
    /// </summary>
    public bool Overflowed => Volatile.Read(ref _overflowed) == 1;

    /// <summary>Queues the change, or, when the queue is full, cuts the subscriber off and answers false.</summary>
    internal bool TryOffer(CallSnapshot call)
    {
        if (_changes.Writer.TryWrite(call))
        {
            return true;
        }

        // Full (or already completed): a gap the reader must know of, so its queue ends here instead of skipping.
        if (Interlocked.Exchange(ref _overflowed, 1) == 0)
        {
            _changes.Writer.TryComplete();
        }

        return false;
    }

    public void Dispose()
    {
        _changes.Writer.TryComplete();
        _remove(this);
    }
}
