using Microsoft.AspNetCore.Http;
using Switchboard.Api.Problems;
using Switchboard.Storage.Accounts;

namespace Switchboard.Api.Auth;

/// <summary>
/// Every endpoint but <see cref="PublicPaths"/> needs <c>Authorization: Bearer &lt;api key&gt;</c>; a missing or
/// unknown key is a 401 problem. Runs after routing: a request no endpoint matches is a 404, key or not. The resolved account and the key's scope travel as an
/// <see cref="AuthenticatedAccount"/> feature.
/// </summary>
public sealed class BearerAuthenticationMiddleware(RequestDelegate next, IAccountStore accounts)
{
    /// <summary>
    /// Paths served without a key: the health check, the API description and the web console's static files (which
    /// hold no data: every request the console makes for data carries the key the user signed in with).
    /// </summary>
    public static readonly IReadOnlyList<PathString> PublicPaths = ["/health", "/openapi.json", "/docs", "/console"];

    private const string Scheme = "Bearer ";

    public async Task InvokeAsync(HttpContext context)
    {
        if (IsPublic(context.Request.Path))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        // Routing has run: an address no endpoint serves is a 404, with or without a key, left empty for the
        // status-code pages to describe. The route templates are public (the OpenAPI document), so this tells
        // nothing about any account's resources: another account's sid still matches a route and its endpoint
        // answers 404. Nothing further down runs without a key.
        if (context.GetEndpoint() is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || header.Length == Scheme.Length)
        {
            await ApiProblem.Unauthorized("missing bearer API key").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var key = await accounts.FindApiKeyByTokenAsync(header[Scheme.Length..].Trim(), context.RequestAborted).ConfigureAwait(false);
        if (key is null)
        {
            await ApiProblem.Unauthorized("unknown API key").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        context.Features.Set(new AuthenticatedAccount(key.AccountSid) { Scope = key.Scope, KeySid = key.Sid });
        await next(context).ConfigureAwait(false);
    }

    private static bool IsPublic(PathString path)
    {
        foreach (var publicPath in PublicPaths)
        {
            if (path.StartsWithSegments(publicPath, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
