namespace Switchboard.Calls.Engine;

/// <summary>How a live command to a connected dial (a whisper, a child's new application) was taken.</summary>
public enum DialControlOutcome
{
    /// <summary>The dial took it.</summary>
    Done,

    /// <summary>No such call is live.</summary>
    NotLive,

    /// <summary>The call is live but not one of the parties of a connected dial.</summary>
    NotConnected,
}
