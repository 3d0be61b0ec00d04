using System.Net;
using Switchboard.Sip.Transport;

namespace Switchboard.Sip.UserAgent;

/// <summary>Where a request goes: the transport and the address (RFC 3261 §18.1.1, RFC 3263 §4 without DNS SRV).</summary>
internal readonly record struct SipNextHop(ISipTransport Transport, IPEndPoint EndPoint);
