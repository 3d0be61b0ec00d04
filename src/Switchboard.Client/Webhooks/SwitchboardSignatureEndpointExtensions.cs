using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Switchboard.Client.Webhooks;

/// <summary>One line to verify Switchboard's webhooks on an endpoint or a group of them.</summary>
public static class SwitchboardSignatureEndpointExtensions
{
    /// <summary>
    /// Answers 401 to every request whose <c>Switchboard-Signature</c> does not verify with one of
    /// <paramref name="secrets"/> (the account's webhook secret, and the previous one while it rotates):
    /// <c>app.MapPost("/status", handler).RequireSwitchboardSignature(secret);</c>
    /// </summary>
    public static TBuilder RequireSwitchboardSignature<TBuilder>(this TBuilder builder, params string[] secrets)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireSwitchboardSignature(new WebhookSignatureVerifier(secrets));

    /// <summary>As <see cref="RequireSwitchboardSignature{TBuilder}(TBuilder, string[])"/>, with a verifier of your own (a tolerance, a clock).</summary>
    public static TBuilder RequireSwitchboardSignature<TBuilder>(this TBuilder builder, WebhookSignatureVerifier verifier)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddEndpointFilter(new SwitchboardSignatureFilter(verifier));

        // Filters run after the handler's parameters were bound from the body; buffering it first keeps the raw bytes
        // readable for the filter.
        builder.Finally(endpoint =>
        {
            if (endpoint.RequestDelegate is { } handler)
            {
                endpoint.RequestDelegate = context =>
                {
                    context.Request.EnableBuffering();
                    return handler(context);
                };
            }
        });
        return builder;
    }
}
