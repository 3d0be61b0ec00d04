namespace Switchboard.Api.V1.Webhooks;

/// <summary>
/// The account's webhook signing secret. After a rotation, <paramref name="PreviousWebhookSecret"/> still signs
/// (beside the new one) until <paramref name="PreviousValidUntil"/>; both are null otherwise.
/// </summary>
public sealed record WebhookSecretResponse(string WebhookSecret, string? PreviousWebhookSecret, DateTimeOffset? PreviousValidUntil);
