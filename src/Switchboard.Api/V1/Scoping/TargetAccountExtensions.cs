using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Switchboard.Api.Auth;
using Switchboard.Api.Problems;
using Switchboard.Storage.Accounts;

namespace Switchboard.Api.V1.Scoping;

/// <summary>Reads the account a /v1 request acts on.</summary>
public static class TargetAccountExtensions
{
    /// <summary>The checked account of the request (set by <see cref="AccountRouteFilter"/> or <see cref="OwnAccountFilter"/>).</summary>
    public static TargetAccount TargetAccount(this HttpContext context) =>
        context.Features.Get<TargetAccount>()
        ?? throw new InvalidOperationException("the endpoint is not mapped under an account scope");

    /// <summary>
    /// The account a create acts on. jambonz's short routes name it in the body (<c>POST /v1/Applications
    /// {"account_sid": ...}</c>); a body <c>account_sid</c> must be one the key may act on, and under
    /// <c>/v1/Accounts/{account_sid}</c> it must match the path.
    /// </summary>
    /// <exception cref="ValidationException">The body names an account the request may not use.</exception>
    public static async Task<string> AccountForCreateAsync(this HttpContext context, JsonElement body, IAccountStore accounts)
    {
        var target = context.TargetAccount();
        var named = JsonFields.OptionalString(body, "account_sid", "account_sid");
        if (named is null || named == target.Sid)
        {
            return target.Sid;
        }

        if (target.FromPath)
        {
            throw new ValidationException("account_sid", "must match the account in the path");
        }

        return await AccountRouteFilter.MayActOnAsync(context.Account(), named, accounts, context.RequestAborted).ConfigureAwait(false)
            ? named
            : throw new ValidationException("account_sid", "no such account");
    }
}
