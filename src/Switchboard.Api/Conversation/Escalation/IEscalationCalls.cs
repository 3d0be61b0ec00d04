using System.Threading.Channels;
using Switchboard.Calls.Engine;
using Switchboard.Storage.Escalations;

namespace Switchboard.Api.Conversation.Escalation;

/// <summary>Places an escalation's attempts and hangs them up; what happens to each call comes back to the loop's channel.</summary>
internal interface IEscalationCalls
{
    /// <summary>Places <paramref name="attempt"/>'s call; its COLLECT keys and its end are written to <paramref name="loop"/>.</summary>
    /// <exception cref="NoRouteException">No carrier reaches the recipient; nothing rings.</exception>
    Task<PlacedCall> PlaceAsync(EscalationAttemptRecord attempt, ChannelWriter<EscalationMessage> loop, CancellationToken cancellationToken);

    void Hangup(string callSid);
}
