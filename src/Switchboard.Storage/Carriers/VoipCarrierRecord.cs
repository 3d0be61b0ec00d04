namespace Switchboard.Storage.Carriers;

/// <summary>
/// A SIP trunk: where <c>phone</c> targets are sent and where inbound calls come from.
/// </summary>
/// <param name="Host">The gateway's host name or address.</param>
/// <param name="Port">The gateway's SIP port (5060 unless set).</param>
/// <param name="Transport"><c>udp</c> or <c>tcp</c>.</param>
/// <param name="Username">Digest user for outbound INVITE/REGISTER challenges, or null.</param>
/// <param name="Password">Digest password, or null. Needed in clear text to answer challenges.</param>
/// <param name="Register">Whether Switchboard keeps a registration with this carrier.</param>
/// <param name="TechPrefix">Digits put in front of the dialled number, or null.</param>
/// <param name="E164LeadingPlus">Whether the dialled number is sent with a leading <c>+</c>.</param>
/// <param name="InboundAllowList">Addresses or CIDR blocks inbound INVITEs may come from; empty allows any.</param>
public sealed record VoipCarrierRecord(
    string Sid,
    string AccountSid,
    string Name,
    string Host,
    int Port,
    string Transport,
    string? Username,
    string? Password,
    bool Register,
    string? TechPrefix,
    bool E164LeadingPlus,
    IReadOnlyList<string> InboundAllowList,
    DateTimeOffset CreatedAt);
