using Switchboard.Api.Conversation;
using Switchboard.Calls.Callbacks;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Webhooks;

namespace Switchboard.Api.Callback;

/// <summary>
/// Where one session's webhooks go: a single ordered queue to <c>callback.url</c> shared by both legs' status
/// sinks and the session's notifier, so the application hears everything in the order it happened.
/// </summary>
public sealed class CallbackEvents
{
    private readonly string _sessionSid;
    private readonly ConversationCallback? _callback;
    private readonly WebhookQueue? _queue;
    private readonly TimeProvider _timeProvider;

    public CallbackEvents(string sessionSid, ConversationCallback? callback, WebhookOutbox outbox, TimeProvider timeProvider)
    {
        _sessionSid = sessionSid;
        _callback = callback;
        _queue = callback is null ? null : outbox.OpenQueue();
        _timeProvider = timeProvider;
        Notifier = new CallbackSessionNotifier(callback, _queue);
    }

    public ICallbackSessionSink Notifier { get; }

    public ICallEventSink ForLeg(CallbackLeg leg) =>
        _callback is null ? SilentSink.Instance : new CallbackLegStatusSink(_sessionSid, leg, _callback, _queue!, _timeProvider);

    /// <summary>The session did not start: nothing more will be posted.</summary>
    public void Abandon() => _queue?.Complete();
}
