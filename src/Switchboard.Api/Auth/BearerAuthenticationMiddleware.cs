using Microsoft.AspNetCore.Http;
using Switchboard.Api.Problems;
using Switchboard.Storage.Accounts;

namespace Switchboard.Api.Auth;

/// <summary>
/// Every endpoint but <c>/health</c> needs <c>Authorization: Bearer &lt;api key&gt;</c>; a missing or unknown
/// key is a 401 problem. The resolved account travels as an <see cref="AuthenticatedAccount"/> feature.
/// </summary>
public sealed class BearerAuthenticationMiddleware(RequestDelegate next, IAccountStore accounts)
{
    private const string Scheme = "Bearer ";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || header.Length == Scheme.Length)
        {
            await ApiProblem.Unauthorized("missing bearer API key").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        var account = await accounts.FindAccountByTokenAsync(header[Scheme.Length..].Trim(), context.RequestAborted).ConfigureAwait(false);
        if (account is null)
        {
            await ApiProblem.Unauthorized("unknown API key").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        context.Features.Set(new AuthenticatedAccount(account.Sid));
        await next(context).ConfigureAwait(false);
    }
}
