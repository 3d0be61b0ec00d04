using Switchboard.Calls.Engine;
using Switchboard.Webhooks.Outbox;

namespace Switchboard.Calls.Durability;

/// <summary>Rebuilds one dialect's <see cref="IRecoverableCallEventSink"/> from its saved state, over a resumed queue.</summary>
public interface ICallEventSinkRestorer
{
    string Dialect { get; }

    ICallEventSink Restore(string state, WebhookQueue queue);
}
