using Switchboard.Calls.Engine;

namespace Switchboard.Api.V1.Calls;

/// <summary>What the Calls API knows of a call beyond the engine's snapshot, for its webhook payloads.</summary>
public sealed record CallContext(string? ApplicationSid, string? CallerName)
{
    /// <summary>For an inbound call: the INVITE that brought it and the carrier it came through, as jambonz reports them.</summary>
    public InboundOrigin? Origin { get; init; }

    /// <summary>Where a <c>redirect</c> sent the call's status changes; shared by every copy of the context.</summary>
    public StatusHookRedirect StatusRedirect { get; init; } = new();
}

/// <summary>
/// Where an inbound call came from: the INVITE (its Request-URI, headers and SDP body) for the call hook's
/// <c>sip</c> object, and the sending address and carrier for <c>originating_sip_ip</c> and
/// <c>originating_sip_trunk_name</c>.
/// </summary>
public sealed record InboundOrigin(InboundCallOffer Offer, string? CarrierName);
