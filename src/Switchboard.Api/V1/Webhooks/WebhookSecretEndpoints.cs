using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Api.V1.Scoping;
using Switchboard.Webhooks.Signing;

namespace Switchboard.Api.V1.Webhooks;

/// <summary>
/// <c>.../WebhookSecret</c>: the secret every webhook of the account is signed with (made on first read), and
/// <c>.../WebhookSecret/rotate</c>, which replaces it while the old one keeps signing for a grace period.
/// </summary>
public static class WebhookSecretEndpoints
{
    public static IEndpointRouteBuilder MapWebhookSecret(this IEndpointRouteBuilder scope)
    {
        var secret = scope.MapGroup("/WebhookSecret").WithTags("Webhooks");
        secret.MapGet(string.Empty, GetAsync).Produces<WebhookSecretResponse>()
            .WithSummary("The secret the account's webhooks are signed with");
        secret.MapPost("/rotate", RotateAsync).Produces<WebhookSecretResponse>()
            .WithSummary("A new webhook secret; webhooks are signed with both it and the old one for a while");
        return scope;
    }

    private static async Task<IResult> GetAsync(HttpContext context, WebhookSecrets secrets, TimeProvider timeProvider)
    {
        var keys = await secrets.GetAsync(context.TargetAccount().Sid, context.RequestAborted).ConfigureAwait(false);
        return Answer(keys, timeProvider);
    }

    private static async Task<IResult> RotateAsync(HttpContext context, WebhookSecrets secrets, TimeProvider timeProvider)
    {
        var keys = await secrets.RotateAsync(context.TargetAccount().Sid, context.RequestAborted).ConfigureAwait(false);
        return Answer(keys, timeProvider);
    }

    private static IResult Answer(WebhookSigningKeys keys, TimeProvider timeProvider)
    {
        var previousValid = keys.ValidAt(timeProvider.GetUtcNow()).Count > 1;
        var response = new WebhookSecretResponse(
            keys.Current, previousValid ? keys.Previous : null, previousValid ? keys.PreviousValidUntil : null);
        return Results.Json(response, WebhooksJsonContext.Default.WebhookSecretResponse);
    }
}
