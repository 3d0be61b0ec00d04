namespace Switchboard.Sip.Registration;

/// <summary>What one REGISTER exchange (with its challenges answered) came to.</summary>
/// <param name="Granted">How long the registrar keeps the binding; null when the attempt failed.</param>
/// <param name="StatusCode">The final status, or 408/503 for a timeout/transport error as RFC 3261 §8.1.3.1 has the TU treat them.</param>
internal sealed record RegisterAttempt(TimeSpan? Granted, int StatusCode, string Reason);
