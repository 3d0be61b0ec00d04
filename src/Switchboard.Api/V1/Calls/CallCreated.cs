namespace Switchboard.Api.V1.Calls;

/// <summary>The answer to a create: our call sid and the INVITE's SIP Call-ID (seed 003).</summary>
public sealed record CallCreated(string Sid, string Callid);
