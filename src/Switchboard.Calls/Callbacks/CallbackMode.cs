namespace Switchboard.Calls.Callbacks;

/// <summary>How a callback session calls its two legs.</summary>
public enum CallbackMode
{
    /// <summary>The first leg is called; the other only once the first has answered.</summary>
    Sequential,

    /// <summary>Both legs ring at once; whoever answers first waits (ringback or hold audio) for the other.</summary>
    Simultaneous,
}
