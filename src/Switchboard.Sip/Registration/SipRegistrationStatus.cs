namespace Switchboard.Sip.Registration;

/// <summary>A snapshot of one registration, for status pages and logs.</summary>
/// <param name="State">Where it stands.</param>
/// <param name="StatusCode">The status of the last final response, 408 for a timeout, 503 for a transport error; null before any.</param>
/// <param name="Reason">What the last attempt came to, in words.</param>
/// <param name="ExpiresAt">When the binding lapses unless refreshed; null when there is none.</param>
/// <param name="ConsecutiveFailures">Failed attempts since the last success.</param>
public sealed record SipRegistrationStatus(SipRegistrationState State, int? StatusCode, string? Reason, DateTimeOffset? ExpiresAt, int ConsecutiveFailures)
{
    public static SipRegistrationStatus Initial { get; } = new(SipRegistrationState.Idle, null, null, null, 0);
}
