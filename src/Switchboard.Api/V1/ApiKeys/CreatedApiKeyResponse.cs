namespace Switchboard.Api.V1.ApiKeys;

/// <summary>The answer to <c>POST .../ApiKeys</c>: the only time the token is ever shown.</summary>
public sealed record CreatedApiKeyResponse(string Sid, string Token);
