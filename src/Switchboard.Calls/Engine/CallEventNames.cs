namespace Switchboard.Calls.Engine;

/// <summary>The names of a call's stored events besides its statuses (<c>status:ringing</c>, ...).</summary>
public static class CallEventNames
{
    /// <summary>A verb was not run (it failed, or this server cannot run it yet); the detail is "subject: reason".</summary>
    public const string VerbFailed = "verb:failed";
}
