using System.Text.Json;
using Switchboard.Storage.Webhooks;

namespace Switchboard.Api.V1.Webhooks;

/// <summary>A webhook given up on, as <c>GET .../WebhookFailures</c> shows it: where it went, why it failed, what it carried.</summary>
public sealed record WebhookFailureResponse(
    string WebhookSid,
    string CallSid,
    string Event,
    string Url,
    string? FallbackUrl,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset GaveUpAt,
    JsonElement? Payload)
{
    public static WebhookFailureResponse From(OutboxFailure failure) => new(
        failure.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        failure.CallSid,
        failure.Event,
        failure.Url,
        failure.FallbackUrl,
        failure.Attempts,
        failure.LastError,
        failure.CreatedAt,
        failure.GaveUpAt,
        ReadPayload(failure.Body));

    private static JsonElement? ReadPayload(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
