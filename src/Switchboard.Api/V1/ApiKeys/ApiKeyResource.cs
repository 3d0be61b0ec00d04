using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.Auth;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Common;
using Switchboard.Api.V1.Scoping;
using Switchboard.Storage;
using Switchboard.Storage.Accounts;
using Switchboard.Storage.Paging;

namespace Switchboard.Api.V1.ApiKeys;

/// <summary>
/// <c>.../ApiKeys</c>: a new key's token is returned once and only its hash kept; keys are not changed, only
/// created and deleted. Admin keys are invisible to account keys (404), so an account key of the default account
/// cannot list or delete them.
/// </summary>
public sealed class ApiKeyResource() : AccountResource<ApiKeyRecord, ApiKeyResponse>("ApiKeys", "api_key_sid", "API key")
{
    protected override string DeleteConflict => "the last admin key cannot be deleted; create another first";

    protected override JsonTypeInfo<ApiKeyResponse> ItemJson => V1JsonContext.Default.ApiKeyResponse;

    protected override JsonTypeInfo<ApiKeyResponse[]> PageJson => V1JsonContext.Default.ApiKeyResponseArray;

    protected override void MapCreate(RouteGroupBuilder group) =>
        group.MapPost(string.Empty, CreateAsync).Accepts<ApiKeyBody>("application/json").Produces<CreatedApiKeyResponse>(StatusCodes.Status201Created)
            .WithSummary("Create an API key; its token is shown only in this answer");

    protected override ApiKeyResponse Respond(HttpContext context, ApiKeyRecord record) => ApiKeyResponse.From(record);

    protected override async Task<ApiKeyRecord?> FindAsync(HttpContext context, string accountSid, string sid, CancellationToken cancellationToken)
    {
        var key = await Accounts(context).FindApiKeyAsync(accountSid, sid, cancellationToken).ConfigureAwait(false);
        return key is { Scope: ApiKeyScope.Admin } && !context.Account().IsAdmin ? null : key;
    }

    protected override async Task<Page<ApiKeyRecord>> PageAsync(HttpContext context, string accountSid, PageRequest page, CancellationToken cancellationToken)
    {
        var keys = await Accounts(context).ListApiKeysAsync(accountSid, page, cancellationToken).ConfigureAwait(false);
        return context.Account().IsAdmin ? keys : keys with { Items = keys.Items.Where(key => key.Scope != ApiKeyScope.Admin).ToArray() };
    }

    protected override async Task<WriteOutcome> RemoveAsync(HttpContext context, string accountSid, string sid, CancellationToken cancellationToken) =>
        await FindAsync(context, accountSid, sid, cancellationToken).ConfigureAwait(false) is null
            ? WriteOutcome.NotFound
            : await Accounts(context).DeleteApiKeyAsync(accountSid, sid, cancellationToken).ConfigureAwait(false);

    private static IAccountStore Accounts(HttpContext context) => context.RequestServices.GetRequiredService<IAccountStore>();

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
}
