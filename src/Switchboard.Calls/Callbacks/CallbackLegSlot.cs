using Switchboard.Calls.Engine;
using Switchboard.Media.Audio;

namespace Switchboard.Calls.Callbacks;

/// <summary>One leg inside its session: touched only on the session's loop.</summary>
internal sealed class CallbackLegSlot(CallbackLeg leg, string callSid, CallbackLegPlan plan)
{
    public CallbackLeg Leg { get; } = leg;

    public string CallSid { get; } = callSid;

    public CallbackLegPlan Plan { get; } = plan;

    /// <summary>The live call, once the engine placed it (or it answered, whichever the loop heard first).</summary>
    public IDialLeg? Call { get; set; }

    /// <summary>The session asked the engine to place the leg.</summary>
    public bool Called { get; set; }

    /// <summary>The engine has not answered the placement yet.</summary>
    public bool Placing { get; set; }

    public CallStatus Status { get; set; } = CallStatus.Queued;

    public bool Answered => Status == CallStatus.InProgress;

    /// <summary>The leg answered first and hears the announcement, then ringback or hold audio.</summary>
    public bool Waiting { get; set; }

    /// <summary>The clip the waiting leg hears in a loop (ringback or the request's hold audio), once ready.</summary>
    public AudioClip? HoldClip { get; set; }

    /// <summary>Nothing more will happen to the leg: it ended, or it was never called.</summary>
    public bool Settled => !Called || Status.IsFinal();

    public bool IsUp => Call is not null && !Status.IsFinal();

    public CallbackLegState State() => new(Leg, CallSid, Status, Called);

    public void HangUp(string reason)
    {
        if (IsUp)
        {
            Call!.RequestHangup(reason);
        }
    }
}
