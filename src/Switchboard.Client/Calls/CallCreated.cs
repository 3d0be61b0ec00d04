using System.Text.Json.Serialization;

namespace Switchboard.Client.Calls;

/// <summary>The answer to a placed call: its sid and the SIP Call-ID of its INVITE.</summary>
public sealed record CallCreated(
    [property: JsonPropertyName("sid")] string Sid,
    [property: JsonPropertyName("callid")] string SipCallId);
