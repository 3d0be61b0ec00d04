namespace Switchboard.Calls.Engine;

/// <summary>A call the engine accepted: its id, the SIP Call-ID of its INVITE, and when it was created.</summary>
public sealed record PlacedCall(string Sid, string SipCallId, DateTimeOffset CreatedAt);
