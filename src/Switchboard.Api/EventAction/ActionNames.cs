namespace Switchboard.Api.EventAction;

/// <summary>The actions of seed 004, as the application writes them.</summary>
public static class ActionNames
{
    public const string Answer = "ANSWER";
    public const string Reject = "REJECT";
    public const string Hangup = "HANGUP";
    public const string Play = "PLAY";
    public const string Record = "RECORD";
    public const string Patch = "PATCH";

    public static IReadOnlyList<string> All { get; } = [Answer, Reject, Hangup, Play, Record, Patch];
}
