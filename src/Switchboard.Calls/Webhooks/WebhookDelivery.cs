namespace Switchboard.Calls.Webhooks;

/// <summary>
/// One JSON body for one URL. With <see cref="UseGet"/> the body's top-level values travel as query parameters
/// instead (jambonz hooks may ask for GET); <see cref="Credentials"/> adds HTTP Basic auth.
/// </summary>
public sealed record WebhookDelivery(Uri Url, ReadOnlyMemory<byte> Body)
{
    public bool UseGet { get; init; }

    public WebhookCredentials? Credentials { get; init; }
}
