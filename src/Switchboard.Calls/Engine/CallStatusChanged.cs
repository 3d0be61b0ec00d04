namespace Switchboard.Calls.Engine;

/// <summary>The call moved to <see cref="CallSnapshot.Status"/>; <paramref name="SipStatus"/> is the response that moved it, if any.</summary>
public sealed record CallStatusChanged(CallSnapshot Call, DateTimeOffset At, int? SipStatus, string? Reason) : CallEvent(Call, At)
{
    /// <summary>Who ended the call, on its final status; null on every other change (and after a restart ended it).</summary>
    public CallEndedBy? EndedBy { get; init; }

    public override string Name => "status:" + Call.Status.ToWire();
}
