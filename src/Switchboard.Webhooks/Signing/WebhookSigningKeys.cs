namespace Switchboard.Webhooks.Signing;

/// <summary>
/// An account's secrets as the signer uses them: the current one, and the previous one until
/// <paramref name="PreviousValidUntil"/> (the end of the rotation's grace period).
/// </summary>
public sealed record WebhookSigningKeys(string Current, string? Previous, DateTimeOffset? PreviousValidUntil)
{
    /// <summary>The secrets to sign with at <paramref name="now"/>, newest first.</summary>
    public IReadOnlyList<string> ValidAt(DateTimeOffset now) =>
        Previous is not null && PreviousValidUntil > now ? [Current, Previous] : [Current];
}
