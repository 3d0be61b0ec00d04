using System.Diagnostics;

namespace Switchboard.Webhooks.Tracing;

/// <summary>
/// One activity per webhook request (source <see cref="SourceName"/>), a child of the call that caused it: a question
/// the call asks runs inside the call's activity; a notification carries the context it was queued in
/// (<see cref="Delivery.WebhookDelivery.TraceParent"/>), since the outbox sends it later on its own loop. The request
/// carries the activity as <c>traceparent</c> (HttpClient's propagation), so the application's trace joins the call's.
/// </summary>
public static class WebhookTracing
{
    public const string SourceName = "Switchboard.Webhooks";

    private static readonly ActivitySource Source = new(SourceName);

    /// <param name="parent">The context the notification was queued in; default for the current activity.</param>
    internal static Activity? Start(string eventName, Uri url, string kind, ActivityContext parent)
    {
        var activity = Source.StartActivity("webhook " + eventName, ActivityKind.Client, parent);
        activity?.SetTag("switchboard.webhook.kind", kind)
            .SetTag("server.address", url.Host)
            .SetTag("url.path", url.AbsolutePath);
        return activity;
    }
}
