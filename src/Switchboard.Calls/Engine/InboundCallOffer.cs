using System.Net;

namespace Switchboard.Calls.Engine;

/// <summary>What an inbound INVITE asks for, as the router that picks its application sees it.</summary>
/// <param name="DialledNumber">The Request-URI's user part (without user parameters), or null when it has none.</param>
/// <param name="Caller">The From user part (a number or a name), or null.</param>
/// <param name="CallerName">The From display name, or null.</param>
/// <param name="Source">The address the INVITE came from: the last hop, which an allow-list checks.</param>
/// <param name="RequestUri">The whole Request-URI.</param>
/// <param name="SipCallId">The INVITE's Call-ID.</param>
/// <param name="Headers">Every header of the INVITE, in received order.</param>
public sealed record InboundCallOffer(
    string? DialledNumber,
    string? Caller,
    string? CallerName,
    IPEndPoint Source,
    string RequestUri,
    string SipCallId,
    IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>The INVITE's session description (its SDP body), or null when it came without one.</summary>
    public string? Sdp { get; init; }
}
