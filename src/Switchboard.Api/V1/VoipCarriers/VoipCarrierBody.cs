namespace Switchboard.Api.V1.VoipCarriers;

/// <summary>What <c>POST</c>/<c>PUT .../VoipCarriers</c> accept. On PUT every field is optional.</summary>
/// <param name="Name">Unique in the account; the Calls API's <c>to.trunk</c>.</param>
/// <param name="Host">The gateway's host name or IP address.</param>
/// <param name="Port">1–65535, default 5060.</param>
/// <param name="Transport"><c>udp</c> (default) or <c>tcp</c>.</param>
/// <param name="Username">Digest user for outbound authentication (alias <c>register_username</c>).</param>
/// <param name="Password">Digest password; write-only (alias <c>register_password</c>).</param>
/// <param name="Register">Keep a registration with the carrier; needs username and password (alias <c>requires_register</c>).</param>
/// <param name="TechPrefix">Digits put in front of dialled numbers.</param>
/// <param name="E164LeadingPlus">Send dialled numbers with a leading <c>+</c>.</param>
/// <param name="InboundAllowList">IP addresses or CIDR blocks inbound calls may come from; empty allows any.</param>
/// <param name="AccountSid">On <c>POST /v1/VoipCarriers</c>, the account (jambonz style); defaults to the key's.</param>
public sealed record VoipCarrierBody(
    string Name,
    string Host,
    int? Port,
    string? Transport,
    string? Username,
    string? Password,
    bool? Register,
    string? TechPrefix,
    bool? E164LeadingPlus,
    IReadOnlyList<string>? InboundAllowList,
    string? AccountSid);
