namespace Switchboard.Api.EventAction;

/// <summary>The events of seed 004, as they are written on the wire.</summary>
public static class EventNames
{
    public const string Accepted = "ACCEPTED";
    public const string Answered = "ANSWERED";
    public const string Dropped = "DROPPED";
    public const string Played = "PLAYED";
    public const string Streamed = "STREAMED";
    public const string Recorded = "RECORDED";
    public const string Failure = "FAILURE";
    public const string Patched = "PATCHED";
    public const string CollectedDigits = "COLLECTED_DIGITS";
    public const string VoicemailDetected = "VMDETECTED";
}
