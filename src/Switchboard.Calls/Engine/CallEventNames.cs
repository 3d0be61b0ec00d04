namespace Switchboard.Calls.Engine;

/// <summary>The names of a call's stored events besides its statuses (<c>status:ringing</c>, ...).</summary>
public static class CallEventNames
{
    /// <summary>Something the application asked for was not done; the detail is "subject: reason".</summary>
    public const string Warning = "warning";
}
