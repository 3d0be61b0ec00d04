using Switchboard.Calls.Engine;

namespace Switchboard.Calls.Feed;

/// <summary>
/// Every status change of every call, as it happens, for whoever watches live (the console's live calls). The call's
/// loop publishes without waiting: each subscriber has a bounded queue, and one that falls behind is cut off (its
/// queue completes with <see cref="CallStatusSubscription.Overflowed"/>) rather than ever slowing a call down.
/// </summary>
public sealed class CallStatusFeed
{
    /// <summary>Changes a subscriber may have waiting before it is cut off.</summary>
    public const int DefaultCapacity = 256;

    private readonly Lock _gate = new();

    // Replaced, never changed in place: publishing reads it without the lock.
    private volatile CallStatusSubscription[] _subscribers = [];

    /// <summary>How many subscribers are watching.</summary>
    public int SubscriberCount => _subscribers.Length;

    /// <summary>Starts watching the changes of <paramref name="accountSid"/>'s calls; dispose the subscription to stop.</summary>
    public CallStatusSubscription Subscribe(string accountSid, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var subscription = new CallStatusSubscription(accountSid, capacity, Remove);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, subscription];
        }

        return subscription;
    }

    /// <summary>Hands the change to every subscriber of its account; never blocks.</summary>
    public void Publish(CallStatusChanged change)
    {
        foreach (var subscriber in _subscribers)
        {
            if (subscriber.AccountSid == change.Call.AccountSid && !subscriber.TryOffer(change.Call))
            {
                Remove(subscriber);
            }
        }
    }

    private void Remove(CallStatusSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers = Array.FindAll(_subscribers, other => !ReferenceEquals(other, subscription));
        }
    }
}
