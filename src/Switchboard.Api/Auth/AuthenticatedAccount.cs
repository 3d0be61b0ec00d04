namespace Switchboard.Api.Auth;

/// <summary>The account whose API key authenticated this request; set by <see cref="BearerAuthenticationMiddleware"/>.</summary>
public sealed record AuthenticatedAccount(string Sid);
