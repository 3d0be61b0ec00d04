using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Switchboard.Api.V1.Common;
using Switchboard.Api.V1.Scoping;
using Switchboard.Storage.Webhooks;

namespace Switchboard.Api.V1.Webhooks;

/// <summary>
/// <c>GET .../WebhookFailures[?call_sid=]</c>: the account's notifications that were given up on (refused by the
/// receiver, or still failing when their retry time ran out), oldest first, paged like every /v1 list.
/// </summary>
public static class WebhookFailureEndpoints
{
    public static IEndpointRouteBuilder MapWebhookFailures(this IEndpointRouteBuilder scope)
    {
        scope.MapGet("/WebhookFailures", ListAsync).WithTags("Webhooks").Produces<WebhookFailureResponse[]>()
            .WithSummary("Webhooks that could not be delivered after every retry, newest first");
        return scope;
    }

    private static async Task<IResult> ListAsync(HttpContext context, IWebhookOutboxStore outbox)
    {
        var callSid = context.Request.Query.TryGetValue("call_sid", out var value) ? value.ToString() : null;
        var page = await outbox.ListFailuresAsync(context.TargetAccount().Sid, callSid, PageQuery.Read(context.Request), context.RequestAborted).ConfigureAwait(false);
        return PagedResults.Json(context, page, WebhookFailureResponse.From, WebhooksJsonContext.Default.WebhookFailureResponseArray);
    }
}
