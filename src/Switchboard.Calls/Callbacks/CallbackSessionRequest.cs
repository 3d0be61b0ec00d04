using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Callbacks;

/// <summary>Everything a callback session needs: its two legs, how to call them, and what to tell whom.</summary>
/// <param name="First">The leg called first in <see cref="CallbackMode.Sequential"/> mode.</param>
/// <param name="Sink">Hears the session's own events (bridged, unbridged, its end).</param>
public sealed record CallbackSessionRequest(
    string AccountSid,
    CallbackLegPlan LegA,
    CallbackLegPlan LegB,
    CallbackMode Mode,
    CallbackLeg First,
    ICallbackSessionSink Sink)
{
    /// <summary>The session's sid, chosen with the request so the dialect's sinks can name the session from the legs' first events.</summary>
    public string Sid { get; init; } = Guid.NewGuid().ToString();

    /// <summary>The sid of <c>leg_A</c>'s call, chosen with the request so the dialect's sinks can name both legs.</summary>
    public string LegASid { get; init; } = Guid.NewGuid().ToString();

    /// <summary>The sid of <c>leg_B</c>'s call.</summary>
    public string LegBSid { get; init; } = Guid.NewGuid().ToString();

    /// <summary>A <c>say</c> or <c>play</c> for the first leg to answer while the other is called.</summary>
    public Verb? Announcement { get; init; }

    /// <summary>Audio looped to the first leg to answer after the announcement; ringback when null.</summary>
    public Uri? HoldAudio { get; init; }

    /// <summary>Record the bridged call as a stereo Recording, <c>leg_A</c> left and <c>leg_B</c> right.</summary>
    public bool Record { get; init; }

    /// <summary>The longest the two may talk once bridged.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>The synthesizer for the announcement and the message a waiting leg hears when the other fails.</summary>
    public SpeechDefaults Speech { get; init; } = SpeechDefaults.None;

    public CallbackLegPlan this[CallbackLeg leg] => leg == CallbackLeg.A ? LegA : LegB;
}
