namespace Switchboard.Calls.Engine;

/// <summary>The names of a call's stored events besides its statuses (<c>status:ringing</c>, ...).</summary>
public static class CallEventNames
{
    /// <summary>A verb was not run (it failed, or this server cannot run it yet); the detail is "subject: reason".</summary>
    public const string VerbFailed = "verb:failed";

    /// <summary>A verb started; the detail is its name.</summary>
    public const string VerbStarted = "verb:started";

    /// <summary>A verb ended; the detail is "name: how it ended" (its result, or what made the call leave it).</summary>
    public const string VerbEnded = "verb:ended";

    /// <summary>Answering-machine detection reported; the detail is "kind: reason" (<c>MachineDetected: LongGreeting</c>).</summary>
    public const string Amd = "amd";
}
