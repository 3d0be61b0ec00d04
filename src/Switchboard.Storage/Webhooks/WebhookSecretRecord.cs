namespace Switchboard.Storage.Webhooks;

/// <summary>
/// An account's webhook signing secret and, after a rotation, the secret it replaced, which signatures still carry
/// for a grace period so receivers can switch without dropping webhooks.
/// </summary>
public sealed record WebhookSecretRecord(string AccountSid, string Secret, string? PreviousSecret, DateTimeOffset? RotatedAt);
