namespace Switchboard.Calls.Engine;

/// <summary>The call moved to <see cref="CallSnapshot.Status"/>; <paramref name="SipStatus"/> is the response that moved it, if any.</summary>
public sealed record CallStatusChanged(CallSnapshot Call, DateTimeOffset At, int? SipStatus, string? Reason) : CallEvent(Call, At)
{
    public override string Name => "status:" + Call.Status.ToWire();
}
