using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Scripts;

/// <summary>A finished <c>record</c> verb: the stored recording (null when none could be made), its length, the key that ended it.</summary>
/// <param name="Record">The verb.</param>
/// <param name="RecordingSid">The stored recording, or null when it could not be started or stored.</param>
/// <param name="Duration">The audio recorded.</param>
/// <param name="Digits">The finishing key pressed, or empty.</param>
/// <param name="Reason">Why recording stopped.</param>
public sealed record RecordResult(RecordVerb Record, string? RecordingSid, TimeSpan Duration, string Digits, RecordEndReason Reason) : VerbResult(Record);
