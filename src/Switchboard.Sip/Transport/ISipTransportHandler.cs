using System.Net;

namespace Switchboard.Sip.Transport;

/// <summary>Receives each message the transport reads. The span is only valid during the call.</summary>
public interface ISipTransportHandler
{
    void OnMessageReceived(ReadOnlySpan<byte> message, IPEndPoint remote);
}
