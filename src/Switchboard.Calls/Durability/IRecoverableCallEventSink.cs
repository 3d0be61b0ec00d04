using Switchboard.Calls.Engine;
using Switchboard.Webhooks.Delivery;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Calls.Durability;

/// <summary>
/// A dialect's sink that can be rebuilt after a crash to deliver the call's final status: it names its dialect and
/// saves, as text, what it needs (hook, context) besides the stored call. It ends its queue with
/// <see cref="WebhookQueue.Complete(WebhookDelivery?)"/>, passing the final status webhook.
/// </summary>
public interface IRecoverableCallEventSink : ICallEventSink
{
    string Dialect { get; }

    /// <summary>The state to rebuild this sink from, taken at the call's first event (<paramref name="call"/>).</summary>
    string SaveState(CallSnapshot call);
}
