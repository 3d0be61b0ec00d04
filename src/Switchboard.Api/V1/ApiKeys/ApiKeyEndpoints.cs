using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Api.Auth;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Common;
using Switchboard.Api.V1.Scoping;
using Switchboard.Storage;
using Switchboard.Storage.Accounts;

namespace Switchboard.Api.V1.ApiKeys;

/// <summary>
/// <c>.../ApiKeys</c>: a new key's token is returned once and only its hash kept. Admin keys are invisible to
/// account keys (404), so an account key of the default account cannot list or delete them.
/// </summary>
public static class ApiKeyEndpoints
{
    private const string Resource = "API key";

    public static IEndpointRouteBuilder MapApiKeys(this IEndpointRouteBuilder scope)
    {
        var keys = scope.MapGroup("/ApiKeys").WithTags("ApiKeys");
        keys.MapPost("", CreateAsync).Accepts<ApiKeyBody>("application/json").Produces<CreatedApiKeyResponse>(StatusCodes.Status201Created);
        keys.MapGet("", ListAsync).Produces<ApiKeyResponse[]>();
        keys.MapGet("/{api_key_sid}", GetAsync).Produces<ApiKeyResponse>();
        keys.MapDelete("/{api_key_sid}", DeleteAsync).Produces(StatusCodes.Status204NoContent);
        return scope;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IAccountStore accounts)
    {
        var body = await RequestBody.ReadObjectAsync(context, allowEmpty: true).ConfigureAwait(false);
        var accountSid = await context.AccountForCreateAsync(body, accounts).ConfigureAwait(false);
        var scope = JsonFields.OptionalString(body, "scope", "scope") switch
        {
            null or ApiKeyScopes.Account => ApiKeyScope.Account,
            ApiKeyScopes.Admin => ApiKeyScope.Admin,
            _ => throw new ValidationException("scope", "must be account or admin"),
        };
        if (scope == ApiKeyScope.Admin)
        {
            if (!context.Account().IsAdmin)
            {
                return ApiProblem.Forbidden("only an admin key can create admin keys");
            }

            if (await accounts.FindAccountAsync(accountSid, context.RequestAborted).ConfigureAwait(false) is not { IsDefault: true })
            {
                throw new ValidationException("scope", "admin keys belong to the default account");
            }
        }

        var created = await accounts.CreateApiKeyAsync(accountSid, scope, context.RequestAborted).ConfigureAwait(false);
        return WriteResults.Created(
            context, created.Key.Sid, new CreatedApiKeyResponse(created.Key.Sid, created.Token), V1JsonContext.Default.CreatedApiKeyResponse);
    }

    private static async Task<IResult> ListAsync(HttpContext context, IAccountStore accounts)
    {
        var page = await accounts.ListApiKeysAsync(context.TargetAccount().Sid, PageQuery.Read(context.Request), context.RequestAborted).ConfigureAwait(false);
        if (!context.Account().IsAdmin)
        {
            page = page with { Items = page.Items.Where(key => key.Scope != ApiKeyScope.Admin).ToArray() };
        }

        return PagedResults.Json(context, page, ApiKeyResponse.From, V1JsonContext.Default.ApiKeyResponseArray);
    }

    private static async Task<IResult> GetAsync(HttpContext context, string api_key_sid, IAccountStore accounts)
    {
        var key = await FindVisibleAsync(context, api_key_sid, accounts).ConfigureAwait(false);
        return key is null
            ? WriteResults.NotFound(Resource)
            : Results.Json(ApiKeyResponse.From(key), V1JsonContext.Default.ApiKeyResponse);
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, string api_key_sid, IAccountStore accounts)
    {
        if (await FindVisibleAsync(context, api_key_sid, accounts).ConfigureAwait(false) is null)
        {
            return WriteResults.NotFound(Resource);
        }

        var outcome = await accounts.DeleteApiKeyAsync(context.TargetAccount().Sid, api_key_sid, context.RequestAborted).ConfigureAwait(false);
        return WriteResults.NoContent(outcome, Resource, null, "the last admin key cannot be deleted; create another first");
    }

    private static async Task<ApiKeyRecord?> FindVisibleAsync(HttpContext context, string keySid, IAccountStore accounts)
    {
        var key = await accounts.FindApiKeyAsync(context.TargetAccount().Sid, keySid, context.RequestAborted).ConfigureAwait(false);
        return key is { Scope: ApiKeyScope.Admin } && !context.Account().IsAdmin ? null : key;
    }
}
