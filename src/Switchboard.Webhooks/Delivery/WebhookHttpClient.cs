using Switchboard.Foundation.Net;

namespace Switchboard.Webhooks.Delivery;

/// <summary>The HTTP client webhooks go through.</summary>
public static class WebhookHttpClient
{
    /// <summary>
    /// What the client reads of an answer it does not want after the request is done (a notification's body, or the rest
    /// of an answer that was too large) so the connection can carry another request; past this it is closed instead.
    /// </summary>
    public const int MaxDrainBytes = 64 * 1024;

    /// <summary>
    /// A client over <paramref name="addresses"/>' connections, each counted so that a request that meets a
    /// connection its receiver ended is sent again on a new one (<see cref="ConnectionReuseHandler"/>). Every webhook
    /// request carries its own deadline (<see cref="WebhookOptions"/>), so the client itself never times out.
    /// </summary>
    public static HttpClient Create(PublicAddressFilter addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var sockets = addresses.CreateHandler();
        sockets.MaxResponseDrainSize = MaxDrainBytes;
        return new HttpClient(new ConnectionReuseHandler(sockets)) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
