using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine;

/// <summary>
/// <paramref name="Verb"/> could not run (a <c>play</c> whose audio could not be fetched or decoded, a <c>say</c> the
/// synthesizer refused) and was skipped: the call goes on with the next verb. <paramref name="Reason"/> says why.
/// </summary>
public sealed record VerbFailed(CallSnapshot Call, DateTimeOffset At, Verb Verb, string Reason) : CallEvent(Call, At)
{
    public override string Name => CallEventNames.VerbFailed;
}
