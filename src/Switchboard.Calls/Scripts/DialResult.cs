using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Scripts;

/// <summary>
/// How a <c>dial</c> ended: <see cref="CallStatus.Completed"/> when a target answered and the connection has ended,
/// otherwise the final status of the targets (no-answer before busy before failed: the most hopeful outcome).
/// </summary>
/// <param name="Status">The dial's outcome.</param>
/// <param name="SipStatus">200 for an answered dial, else the SIP status of the leg whose outcome was taken.</param>
/// <param name="DialCallSid">The leg that answered, or the one whose outcome was taken; null when none was placed.</param>
/// <param name="Duration">How long the parties were connected.</param>
public sealed record DialResult(DialVerb Dial, CallStatus Status, int? SipStatus, string? DialCallSid, TimeSpan Duration) : VerbResult(Dial)
{
    /// <summary>When the parties were connected; null when nobody answered.</summary>
    public DateTimeOffset? ConnectedAt { get; init; }

    /// <summary>Which party ended a connected dial: the caller (the dialling call hung up) or the callee; null when never connected.</summary>
    public DialEndedBy? EndedBy { get; init; }

    /// <summary>With <see cref="DialVerb.RecordParties"/>: the stored recordings, the caller's first, then the callee's.</summary>
    public IReadOnlyList<string> RecordingSids { get; init; } = [];
}

/// <summary>Which party of a connected dial hung up.</summary>
public enum DialEndedBy
{
    /// <summary>The dialling call's party (or the dialling call ended otherwise).</summary>
    Caller,

    /// <summary>The party the dial reached.</summary>
    Callee,
}
