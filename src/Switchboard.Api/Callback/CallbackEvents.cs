using Switchboard.Api.Conversation;
using Switchboard.Calls.Callbacks;
using Switchboard.Calls.Durability;
using Switchboard.Calls.Engine;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Api.Callback;

/// <summary>
/// Where one session's webhooks go: a single ordered, durable queue to <c>callback.url</c> shared by both legs'
/// status sinks and the session's notifier, so the application hears everything in the order it happened, and
/// the session's final event exactly once, also across a crash.
/// </summary>
public sealed class CallbackEvents
{
    private readonly CallbackSinkState? _state;
    private readonly ConversationCallback? _callback;
    private readonly WebhookQueue? _queue;
    private readonly TimeProvider _timeProvider;

    public CallbackEvents(string sessionSid, string legASid, string legBSid, ConversationCallback? callback, WebhookOutbox outbox, TimeProvider timeProvider)
    {
        _callback = callback;
        _queue = callback is null ? null : outbox.OpenQueue();
        _state = callback is null ? null : new CallbackSinkState(sessionSid, legASid, legBSid, callback.Url, callback.FallbackUrl, callback.Strategy);
        _timeProvider = timeProvider;
        Notifier = new CallbackSessionNotifier(callback, _queue);
    }

    public ICallbackSessionSink Notifier { get; }

    /// <summary>
    /// The leg's sink. Whichever leg is heard from first binds the queue and records that the session's final
    /// event is owed; the notifier's final event settles it.
    /// </summary>
    public ICallEventSink ForLeg(CallbackLeg leg) => _callback is null
        ? SilentSink.Instance
        : new DurableCallEventSink(new CallbackLegStatusSink(_state!, leg, _callback, _queue!, _timeProvider), _queue!);

    /// <summary>The session did not start: nothing more will be posted.</summary>
    public void Abandon() => _queue?.Complete();
}
