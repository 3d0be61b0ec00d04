using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Switchboard.Api.Auth;
using Switchboard.Api.OpenApi;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Common;
using Switchboard.Api.V1.Scoping;
using Switchboard.Storage;
using Switchboard.Storage.Accounts;

namespace Switchboard.Api.V1.Accounts;

/// <summary>
/// <c>/v1/Accounts</c>: admin keys create, list, rename and delete accounts; an account key sees only its own
/// account, and gets 403 for changes to it and 404 for any other.
/// </summary>
public static class AccountEndpoints
{
    private const string Resource = "account";
    private const int MaxNameLength = 64;

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder v1)
    {
        var accounts = v1.MapGroup("/Accounts").WithTags("Accounts");
        accounts.MapPost("", CreateAsync).Accepts<AccountBody>("application/json").Produces<CreatedResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden).WithSummary("Create an account (admin keys)");
        accounts.MapGet("", ListAsync).Produces<AccountResponse[]>()
            .WithSummary("List the accounts the key may see: every one for an admin key, its own for an account key")
            .AddOpenApiOperationTransformer(PageParameters.DescribeAsync);
        accounts.MapGet("/{account_sid}", GetAsync).Produces<AccountResponse>().WithSummary("One account");
        accounts.MapPut("/{account_sid}", UpdateAsync).Accepts<AccountBody>("application/json").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden).WithSummary("Change an account (admin keys)");
        accounts.MapDelete("/{account_sid}", DeleteAsync).Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden).WithSummary("Delete an account (admin keys)");
        return v1;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IAccountStore accounts, TimeProvider time)
    {
        if (!context.Account().IsAdmin)
        {
            return ApiProblem.Forbidden("only an admin key can create accounts");
        }

        var body = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        var account = new AccountRecord(Guid.NewGuid().ToString(), V1Fields.RequireText(body, "name", MaxNameLength), time.GetUtcNow());
        return await accounts.CreateAccountAsync(account, context.RequestAborted).ConfigureAwait(false) == WriteOutcome.Done
            ? WriteResults.Created(context, account.Sid)
            : ApiProblem.Conflict("name", "an account with this name exists");
    }

    private static async Task<IResult> ListAsync(HttpContext context, IAccountStore accounts)
    {
        var key = context.Account();
        var page = PageQuery.Read(context.Request);
        if (!key.IsAdmin)
        {
            var own = await accounts.FindAccountAsync(key.Sid, context.RequestAborted).ConfigureAwait(false);
            return Results.Json(own is null ? [] : new[] { AccountResponse.From(own) }, V1JsonContext.Default.AccountResponseArray);
        }

        var found = await accounts.ListAccountsAsync(page, context.RequestAborted).ConfigureAwait(false);
        return PagedResults.Json(context, found, AccountResponse.From, V1JsonContext.Default.AccountResponseArray);
    }

    private static async Task<IResult> GetAsync(HttpContext context, string account_sid, IAccountStore accounts)
    {
        var account = await FindVisibleAsync(context, account_sid, accounts).ConfigureAwait(false);
        return account is null
            ? WriteResults.NotFound(Resource)
            : Results.Json(AccountResponse.From(account), V1JsonContext.Default.AccountResponse);
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, string account_sid, IAccountStore accounts)
    {
        var account = await FindVisibleAsync(context, account_sid, accounts).ConfigureAwait(false);
        if (account is null)
        {
            return WriteResults.NotFound(Resource);
        }

        if (!context.Account().IsAdmin)
        {
            return ApiProblem.Forbidden("only an admin key can change accounts");
        }

        var body = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        var name = V1Fields.Has(body, "name") ? V1Fields.RequireText(body, "name", MaxNameLength) : account.Name;
        if (account.IsDefault && name != account.Name)
        {
            return ApiProblem.Conflict("name", "the default account keeps its name; the server finds it by it at start");
        }

        var outcome = await accounts.UpdateAccountAsync(account with { Name = name }, context.RequestAborted).ConfigureAwait(false);
        return WriteResults.NoContent(outcome, Resource, "name", "an account with this name exists");
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string account_sid, IAccountStore accounts)
    {
        var account = await FindVisibleAsync(context, account_sid, accounts).ConfigureAwait(false);
        if (account is null)
        {
            return WriteResults.NotFound(Resource);
        }

        if (!context.Account().IsAdmin)
        {
            return ApiProblem.Forbidden("only an admin key can delete accounts");
        }

        if (account.IsDefault)
        {
            return ApiProblem.Conflict(null, "the default account holds the admin keys and cannot be deleted");
        }

        var outcome = await accounts.DeleteAccountAsync(account.Sid, context.RequestAborted).ConfigureAwait(false);
        return WriteResults.NoContent(outcome, Resource, null, "the account could not be deleted");
    }

    private static async Task<AccountRecord?> FindVisibleAsync(HttpContext context, string accountSid, IAccountStore accounts) =>
        await AccountRouteFilter.MayActOnAsync(context.Account(), accountSid, accounts, context.RequestAborted).ConfigureAwait(false)
            ? await accounts.FindAccountAsync(accountSid, context.RequestAborted).ConfigureAwait(false)
            : null;
}
