namespace Switchboard.Api.V1.ApiKeys;

/// <summary>What <c>POST .../ApiKeys</c> accepts; the body may be empty.</summary>
/// <param name="Scope"><c>account</c> (the default) or <c>admin</c> (admin keys only, in the default account).</param>
/// <param name="AccountSid">On <c>POST /v1/ApiKeys</c>, the account to make the key for (jambonz style).</param>
public sealed record ApiKeyBody(string? Scope, string? AccountSid);
