using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Api.Auth;
using Switchboard.Api.Problems;
using Switchboard.Storage.Accounts;

namespace Switchboard.Api.V1.Scoping;

/// <summary>
/// Guards <c>/v1/Accounts/{account_sid}/...</c>: an account key may name only its own account, an admin key any
/// account that exists. Anything else is a 404, the same answer a missing account gets, so sids do not leak.
/// </summary>
public sealed class AccountRouteFilter(IAccountStore accounts) : IEndpointFilter
{
    public const string RouteParameter = "account_sid";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var accountSid = http.GetRouteValue(RouteParameter) as string ?? string.Empty;
        if (!await MayActOnAsync(http.Account(), accountSid, accounts, http.RequestAborted).ConfigureAwait(false))
        {
            return ApiProblem.NotFound("no such account");
        }

        http.Features.Set(new TargetAccount(accountSid, FromPath: true));
        return await next(context).ConfigureAwait(false);
    }

    /// <summary>Whether the key may act on the account and, for an admin acting on another account, it exists.</summary>
    public static async Task<bool> MayActOnAsync(AuthenticatedAccount key, string accountSid, IAccountStore accounts, CancellationToken cancellationToken)
    {
        if (!key.MayActOn(accountSid))
        {
            return false;
        }

        return accountSid == key.Sid
            || await accounts.FindAccountAsync(accountSid, cancellationToken).ConfigureAwait(false) is not null;
    }
}
