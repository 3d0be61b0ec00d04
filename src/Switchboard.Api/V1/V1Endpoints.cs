using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Api.V1.Accounts;
using Switchboard.Api.V1.ApiKeys;
using Switchboard.Api.V1.Applications;
using Switchboard.Api.V1.Clients;
using Switchboard.Api.V1.PhoneNumbers;
using Switchboard.Api.V1.Recordings;
using Switchboard.Api.V1.Scoping;
using Switchboard.Api.V1.SpeechCredentials;
using Switchboard.Api.V1.VoipCarriers;
using Switchboard.Api.V1.Webhooks;

namespace Switchboard.Api.V1;

/// <summary>
/// The Calls API dialect's account resources (jambonz compatible). Each resource answers on both of jambonz's
/// routes: <c>/v1/Accounts/{account_sid}/Applications</c> and the short <c>/v1/Applications</c>, which acts on
/// the key's own account.
/// </summary>
public static class V1Endpoints
{
    public const string Prefix = "/v1";

    public static IEndpointRouteBuilder MapV1Api(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup(Prefix).WithCommonProblems();
        v1.MapAccounts();
        foreach (var scope in new[] { endpoints.MapAccountScope(), endpoints.MapOwnAccountScope() })
        {
            new ApiKeyResource().Map(scope);
            new ApplicationResource().Map(scope);
            new PhoneNumberResource().Map(scope);
            new VoipCarrierResource().Map(scope);
            new ClientResource().Map(scope);
            new RecordingResource().Map(scope);
            new SpeechCredentialResource().Map(scope);
            scope.MapWebhookSecret();
            scope.MapWebhookFailures();
        }

        return endpoints;
    }

    /// <summary>
    /// A group at <c>/v1/Accounts/{account_sid}</c> whose endpoints run only for a key that may act on the account
    /// (404 otherwise); handlers read the account with <see cref="TargetAccountExtensions.TargetAccount"/>. Each
    /// call makes a new group, so other resources (Calls) can map onto their own.
    /// </summary>
    public static RouteGroupBuilder MapAccountScope(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup(Prefix + "/Accounts/{" + AccountRouteFilter.RouteParameter + "}")
            .AddEndpointFilter<AccountRouteFilter>()
            .WithCommonProblems();

    /// <summary>A group at <c>/v1</c> whose endpoints act on the key's own account (jambonz's short routes).</summary>
    public static RouteGroupBuilder MapOwnAccountScope(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup(Prefix)
            .AddEndpointFilter<OwnAccountFilter>()
            .WithCommonProblems();

    /// <summary>Declares the problems every /v1 endpoint can answer, for the API description.</summary>
    private static RouteGroupBuilder WithCommonProblems(this RouteGroupBuilder group) => group
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);
}
