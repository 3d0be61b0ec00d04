using Switchboard.Calls.Engine;

namespace Switchboard.Calls.Webhooks;

/// <summary>Rebuilds one dialect's <see cref="IRecoverableCallEventSink"/> from its saved state, over a resumed queue.</summary>
public interface ICallEventSinkRestorer
{
    string Dialect { get; }

    ICallEventSink Restore(string state, WebhookQueue queue);
}
