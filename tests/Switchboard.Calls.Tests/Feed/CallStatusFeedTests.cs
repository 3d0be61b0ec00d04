using Switchboard.Calls.Engine;
using Switchboard.Calls.Feed;

namespace Switchboard.Calls.Tests.Feed;

public sealed class CallStatusFeedTests
{
    [Fact]
    public void Publish_ReachesTheSubscribersOfTheCallsAccount_Only()
    {
        var feed = new CallStatusFeed();
        using var mine = feed.Subscribe("AC1");
        using var theirs = feed.Subscribe("AC2");

        feed.Publish(Change("CA1", "AC1", CallStatus.Ringing));

        Assert.True(mine.Changes.TryRead(out var call));
        Assert.Equal(("CA1", CallStatus.Ringing), (call.Sid, call.Status));
        Assert.False(theirs.Changes.TryRead(out _));
    }

    [Fact]
    public async Task ASubscriberThatFallsBehind_IsCutOff_WithoutHoldingUpThePublisherOrTheOthers()
    {
        var feed = new CallStatusFeed();
        using var slow = feed.Subscribe("AC1", capacity: 2);
        using var keeping = feed.Subscribe("AC1", capacity: 10);

        for (var i = 0; i < 5; i++)
        {
            feed.Publish(Change($"CA{i}", "AC1", CallStatus.Ringing));
        }

        Assert.True(slow.Overflowed);
        Assert.Equal(["CA0", "CA1"], await DrainAsync(slow));
        Assert.False(keeping.Overflowed);
        Assert.Equal(5, keeping.Changes.Count);
        Assert.Equal(1, feed.SubscriberCount);
    }

    [Fact]
    public void Disposing_Unsubscribes_AndCompletesTheChanges()
    {
        var feed = new CallStatusFeed();
        var subscription = feed.Subscribe("AC1");

        subscription.Dispose();
        feed.Publish(Change("CA1", "AC1", CallStatus.Completed));

        Assert.Equal(0, feed.SubscriberCount);
        Assert.True(subscription.Changes.Completion.IsCompleted);
        Assert.False(subscription.Overflowed);
    }

    private static async Task<List<string>> DrainAsync(CallStatusSubscription subscription)
    {
        var sids = new List<string>();
        await foreach (var call in subscription.Changes.ReadAllAsync())
        {
            sids.Add(call.Sid);
        }

        return sids;
    }

    private static CallStatusChanged Change(string sid, string account, CallStatus status) =>
        new(new CallSnapshot(sid, account, "+1555", "+1666", null, status, DateTimeOffset.UnixEpoch, null, null), DateTimeOffset.UnixEpoch, null, null);
}
