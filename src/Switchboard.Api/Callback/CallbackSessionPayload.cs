namespace Switchboard.Api.Callback;

/// <summary>The body posted to <c>callback.url</c> for the session's own events: <c>Bridged</c>, <c>Unbridged</c>, and the final <c>Completed</c> or <c>Failed</c>.</summary>
/// <param name="FailedLeg">For <c>Failed</c>: the leg whose failure ended the session, if one did.</param>
/// <param name="Legs">Each leg's call sid and status at this moment, by leg name.</param>
public sealed record CallbackSessionPayload(
    string MessageId,
    string Sid,
    string Event,
    DateTimeOffset At,
    string? FailedLeg,
    string? Reason,
    IReadOnlyDictionary<string, CallbackLegSummary> Legs);
