namespace Switchboard.Calls.Engine;

/// <summary>Who ended a call: carried by its final <see cref="CallStatusChanged"/>.</summary>
public enum CallEndedBy
{
    /// <summary>The far end: its BYE, CANCEL or final response, or its network (a dialog lost).</summary>
    FarEnd,

    /// <summary>The application: a hangup or reject verb, a script that ended or broke, an API hang-up.</summary>
    Application,

    /// <summary>The server: a ring timeout, the time limit, a media timeout, shutdown or an internal error.</summary>
    Server,
}
