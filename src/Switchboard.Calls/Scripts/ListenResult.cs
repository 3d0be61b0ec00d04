using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Scripts;

/// <summary>A finished <c>listen</c>: why it ended, how long it streamed, the finishing key, and the failure when it failed.</summary>
/// <param name="Listen">The verb.</param>
/// <param name="Reason">Why the stream ended.</param>
/// <param name="Duration">How long the agent was connected.</param>
/// <param name="Digits">The finishing key pressed, or empty.</param>
/// <param name="Error">What went wrong for <see cref="ListenEndReason.ConnectFailure"/>, <see cref="ListenEndReason.Stall"/> and <see cref="ListenEndReason.Error"/>.</param>
public sealed record ListenResult(ListenVerb Listen, ListenEndReason Reason, TimeSpan Duration, string Digits, string? Error) : VerbResult(Listen);
