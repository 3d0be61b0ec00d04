using Microsoft.AspNetCore.Http;

namespace Switchboard.Api.Auth;

/// <summary>Reads the authenticated account off a request.</summary>
public static class HttpContextAccountExtensions
{
    public static AuthenticatedAccount Account(this HttpContext context) =>
        context.Features.Get<AuthenticatedAccount>()
        ?? throw new InvalidOperationException("the request did not pass bearer authentication");
}
