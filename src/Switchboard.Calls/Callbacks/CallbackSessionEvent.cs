namespace Switchboard.Calls.Callbacks;

/// <summary>Something that happened to a callback session as a whole (see <see cref="CallbackEventNames"/>).</summary>
/// <param name="FailedLeg">For <see cref="CallbackEventNames.Failed"/>: the leg whose failure ended the session, if one did.</param>
/// <param name="Reason">Why the session ended or the bridge came down.</param>
/// <param name="Legs">Where each leg stands at this moment, <c>leg_A</c> first.</param>
public sealed record CallbackSessionEvent(
    string SessionSid,
    string Name,
    DateTimeOffset At,
    CallbackLeg? FailedLeg,
    string? Reason,
    IReadOnlyList<CallbackLegState> Legs)
{
    public bool IsFinal => Name is CallbackEventNames.Completed or CallbackEventNames.Failed;
}
