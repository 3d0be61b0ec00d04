using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Switchboard.Client.Webhooks;

/// <summary>
/// An endpoint filter that lets a webhook through only when its <c>Switchboard-Signature</c> verifies; any other
/// request gets 401 problem+json and the handler does not run. It reads the raw body the request was signed over,
/// which <see cref="SwitchboardSignatureEndpointExtensions.RequireSwitchboardSignature{TBuilder}(TBuilder, string[])"/>
/// keeps readable for it (buffered) after the handler's parameters were bound from it.
/// </summary>
public sealed class SwitchboardSignatureFilter(WebhookSignatureVerifier verifier) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var signed = await SignedContentAsync(context.HttpContext).ConfigureAwait(false);
        if (!verifier.Verify(request.Headers[WebhookSignatureVerifier.HeaderName].FirstOrDefault(), signed))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unsigned webhook",
                detail: $"the {WebhookSignatureVerifier.HeaderName} header is missing, stale, or does not sign this request with a known secret");
        }

        return await next(context).ConfigureAwait(false);
    }

    /// <summary>The raw body; for a request without one (a GET hook), its path and query as sent.</summary>
    private static async Task<byte[]> SignedContentAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : request.Path + request.QueryString;
            return System.Text.Encoding.UTF8.GetBytes(target);
        }

        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
        }

        return body.ToArray();
    }
}
