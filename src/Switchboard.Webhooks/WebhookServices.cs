using Microsoft.Extensions.DependencyInjection;
using Switchboard.Foundation.Net;
using Switchboard.Webhooks.Delivery;
using Switchboard.Webhooks.Outbox;
using Switchboard.Webhooks.Signing;

namespace Switchboard.Webhooks;

/// <summary>Registers webhook delivery. The stores (<c>IWebhookOutboxStore</c>, <c>IWebhookSecretStore</c>) come from the host.</summary>
public static class WebhookServices
{
    /// <param name="services">The container.</param>
    /// <param name="options">How webhooks are sent.</param>
    /// <param name="allowPrivateAddresses">
    /// False keeps webhooks on the public internet (<see cref="PublicAddressFilter"/>); true lets them reach the
    /// server's own network, where many applications run.
    /// </param>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, WebhookOptions options, bool allowPrivateAddresses)
    {
        services.AddSingleton(options);
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton(_ => WebhookHttpClient.Create(new PublicAddressFilter(allowPrivateAddresses)));
        services.AddSingleton<WebhookOutbox>();
        return services;
    }
}
