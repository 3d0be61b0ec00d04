namespace Switchboard.Storage.Callbacks;

/// <summary>
/// A callback session (two legs connected): what was asked, where it stands, and how it ended. The legs are
/// calls of their own, stored under <see cref="LegASid"/> and <see cref="LegBSid"/> once placed.
/// </summary>
/// <param name="Mode"><c>sequential</c> or <c>simultaneous</c>.</param>
/// <param name="FirstLeg"><c>leg_A</c> or <c>leg_B</c>: the leg called first in sequential mode.</param>
/// <param name="Status">The session's state name (<c>CallingFirst</c> ... <c>Completed</c>, <c>Failed</c>).</param>
public sealed record CallbackSessionRecord(
    string Sid,
    string AccountSid,
    string Mode,
    string FirstLeg,
    string LegASid,
    string LegATo,
    string LegAFrom,
    string LegBSid,
    string LegBTo,
    string LegBFrom,
    string Status,
    DateTimeOffset CreatedAt)
{
    /// <summary>The leg whose failure ended the session, when one did.</summary>
    public string? FailedLeg { get; init; }

    /// <summary>Why the session ended (<c>busy</c>, <c>no-answer</c>, <c>leg_B hung up</c>, ...).</summary>
    public string? Reason { get; init; }

    /// <summary>The stereo recording of the bridged call, when one was asked for and started.</summary>
    public string? RecordingSid { get; init; }

    public DateTimeOffset? BridgedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }
}
