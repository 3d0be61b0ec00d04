using System.Threading.Channels;
using Switchboard.Calls.Engine;
using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Api.Conversation.Escalation;

/// <summary>
/// An attempt's dial plan: the conversation's own script source, which also tells the escalation's loop every key a
/// COLLECT got (before the <c>eventUrl</c> hears it, so the loop decides on the key, not on the application's answer).
/// </summary>
internal sealed class EscalationAttemptScript(IScriptSource inner, ChannelWriter<EscalationMessage> escalation) : IScriptSource
{
    public ValueTask<IReadOnlyList<Verb>> StartAsync(CallSnapshot call, CancellationToken cancellationToken) => inner.StartAsync(call, cancellationToken);

    public ValueTask<IReadOnlyList<Verb>?> OnVerbResultAsync(CallSnapshot call, VerbResult result, CancellationToken cancellationToken)
    {
        if (result is GatherResult gather)
        {
            escalation.TryWrite(new EscalationMessage.KeysCollected(call.Sid, gather.Digits));
        }

        return inner.OnVerbResultAsync(call, result, cancellationToken);
    }
}
