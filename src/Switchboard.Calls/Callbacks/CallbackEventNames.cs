namespace Switchboard.Calls.Callbacks;

/// <summary>The names of a session's own events; a session ends with exactly one of the last two.</summary>
public static class CallbackEventNames
{
    /// <summary>Both legs answered and hear each other.</summary>
    public const string Bridged = "Bridged";

    /// <summary>The bridge came down (a leg hung up, the time limit, a request).</summary>
    public const string Unbridged = "Unbridged";

    /// <summary>The two were connected and the session is over.</summary>
    public const string Completed = "Completed";

    /// <summary>The two were never connected; the event names the leg that failed, if one did, and why.</summary>
    public const string Failed = "Failed";
}
