namespace Switchboard.Api.Conversation.Escalation;

/// <summary>
/// The request's <c>escalation</c> (a Switchboard extension): whom to call after <c>to</c>, how often each person,
/// how long apart, and which keys accept or reject.
/// </summary>
/// <param name="Recipients">The phone numbers called after <c>to</c>, in order.</param>
/// <param name="Attempts">How many times each person is called at most (1–10).</param>
/// <param name="RetryAfter">The wait between two attempts of the same person.</param>
/// <param name="Accept">The keys that accept (any one of them).</param>
/// <param name="Reject">The keys that reject (any one of them); may be empty.</param>
public sealed record EscalationRequest(IReadOnlyList<string> Recipients, int Attempts, TimeSpan RetryAfter, string Accept, string Reject);
