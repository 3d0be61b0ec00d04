using System.Net;
using Switchboard.Sip.Metrics;
using Switchboard.Sip.Parsing;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.UserAgent;

/// <summary>Tells the user agent which transport a message arrived on, so responses go back the same way (RFC 3261 §18.2.2).</summary>
internal sealed class TransportInbox(SipUserAgent agent, ISipTransport transport) : ISipTransportHandler
{
    public void OnMessageReceived(ReadOnlySpan<byte> message, IPEndPoint remote)
    {
        SipMetrics.CountReceived(message);
        agent.OnMessageReceived(message, remote, transport);
    }

    public void OnUnframedMessage(ReadOnlySpan<byte> headerSection, SipParseError error, IPEndPoint remote) =>
        agent.OnUnframedMessage(headerSection, error, remote, transport);

    public void OnConnectionFailed(IPEndPoint remote) => agent.OnConnectionFailed(transport, remote);

    /// <summary>The agent's work off the receive threads (a REGISTER waiting for its credentials), whoever it answers.</summary>
    public Task WhenAnsweredAsync(IPEndPoint remote) => agent.Background.WhenAllAsync();

    public bool IsInUse(IPEndPoint remote) => agent.Calls.AnyThrough(transport, remote);
}
