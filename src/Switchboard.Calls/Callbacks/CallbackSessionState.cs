namespace Switchboard.Calls.Callbacks;

/// <summary>Where a callback session stands; its name is the session's <c>status</c> on the wire.</summary>
public enum CallbackSessionState
{
    /// <summary>Sequential: the first leg rings.</summary>
    CallingFirst,

    /// <summary>Sequential: the first leg answered and hears the announcement, then ringback or hold audio, while the second rings.</summary>
    CallingSecond,

    /// <summary>Simultaneous: both legs ring; one may have answered and wait.</summary>
    CallingBoth,

    /// <summary>Both answered and hear each other.</summary>
    Bridged,

    /// <summary>The outcome is decided; the legs still up are being hung up (a waiting one may first hear why).</summary>
    Ending,

    Completed,

    Failed,
}
