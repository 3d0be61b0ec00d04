using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Steps;

/// <summary>What a background verb may do to the call's own verbs. Loop only.</summary>
internal interface IForegroundVerbs
{
    /// <summary>Stops the running verb if it only plays a prompt (a say, a play); the next verb runs.</summary>
    void InterruptPrompt();

    /// <summary>Leaves whatever runs now and runs <paramref name="verbs"/> instead of all others.</summary>
    void Replace(IReadOnlyList<Verb> verbs);
}
