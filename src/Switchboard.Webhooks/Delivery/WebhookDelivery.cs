using System.Diagnostics;

namespace Switchboard.Webhooks.Delivery;

/// <summary>
/// One JSON body for one URL. With <see cref="UseGet"/> the body's top-level values travel as query parameters
/// instead (jambonz hooks may ask for GET); <see cref="Credentials"/> adds HTTP Basic auth.
/// </summary>
public sealed record WebhookDelivery(Uri Url, ReadOnlyMemory<byte> Body)
{
    public bool UseGet { get; init; }

    public WebhookCredentials? Credentials { get; init; }

    /// <summary>
    /// The account whose secret signs the request. A queue fills it in for the deliveries of its call; a delivery
    /// sent without one goes unsigned, which only code that forgot to set it does.
    /// </summary>
    public string? AccountSid { get; init; }

    /// <summary>
    /// The call (or escalation) the webhook belongs to, under which its attempts are recorded. A queue knows its own; a
    /// hook whose answer the call needs is named by its caller.
    /// </summary>
    public string? CallSid { get; init; }

    /// <summary>Where the webhook goes when <see cref="Url"/> fails with an error worth retrying.</summary>
    public Uri? FallbackUrl { get; init; }

    /// <summary>What the webhook reports (<c>status:completed</c>, ...), stored with it and shown when it is given up.</summary>
    public string Event { get; init; } = "webhook";

    /// <summary>The activity the notification was queued in (the call's), which its requests' activities are children of.</summary>
    public ActivityContext TraceParent { get; init; }
}
