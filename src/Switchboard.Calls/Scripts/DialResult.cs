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
public sealed record DialResult(DialVerb Dial, CallStatus Status, int? SipStatus, string? DialCallSid, TimeSpan Duration) : VerbResult(Dial);
