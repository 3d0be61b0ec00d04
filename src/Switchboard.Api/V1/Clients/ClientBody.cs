namespace Switchboard.Api.V1.Clients;

/// <summary>What <c>POST</c>/<c>PUT .../Clients</c> accept. On PUT a new username needs the password too.</summary>
/// <param name="Username">The SIP user; unique across the server (a REGISTER names no account).</param>
/// <param name="Password">Write-only, at least 8 characters; stored only as digest hashes.</param>
/// <param name="AccountSid">On <c>POST /v1/Clients</c>, the account (jambonz style); defaults to the key's.</param>
public sealed record ClientBody(string Username, string Password, string? AccountSid);
