namespace Switchboard.Calls.Engine;

/// <summary>Who ended a call: carried by its final <see cref="CallStatusChanged"/>.</summary>
public enum CallEndedBy
{
    /// <summary>The far end: its BYE, CANCEL or final response, or its network (a dialog lost).</summary>
    FarEnd,

    /// <summary>The application: a hangup or reject verb, a script that ended or broke.</summary>
    Application,

    /// <summary>A request to the API: a DELETE of the call, or a live-control status change to completed.</summary>
    Api,

    /// <summary>The server: a ring timeout, the time limit, a media timeout, shutdown or an internal error.</summary>
    Server,
}
