using Switchboard.Storage.Applications;
using Switchboard.Webhooks.Delivery;

namespace Switchboard.Api.V1.Hooks;

/// <summary>Turns a stored hook into a delivery of one body.</summary>
public static class WebhookTargetExtensions
{
    public static WebhookDelivery ToDelivery(this WebhookTarget target, ReadOnlyMemory<byte> body) => new(new Uri(target.Url), body)
    {
        UseGet = target.Method == "GET",
        Credentials = target.Username is { } username ? new WebhookCredentials(username, target.Password ?? string.Empty) : null,
        FallbackUrl = target.FallbackUrl is { } fallback ? new Uri(fallback) : null,
    };
}
