using Switchboard.Api.Conversation;

namespace Switchboard.Api.Callback;

/// <summary>The body posted to <c>callback.url</c> when a leg's status changes (the Conversation API's status payload, with the session and the leg).</summary>
/// <param name="Sid">The callback session.</param>
/// <param name="Leg"><c>leg_A</c> or <c>leg_B</c>.</param>
/// <param name="CallSid">The leg's call, as listed in the Calls API.</param>
public sealed record CallbackLegStatusPayload(
    string MessageId,
    string Sid,
    string Leg,
    string CallSid,
    string From,
    string To,
    string Direction,
    ConversationStatus Status,
    int Duration);
