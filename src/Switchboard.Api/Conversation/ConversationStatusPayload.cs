namespace Switchboard.Api.Conversation;

/// <summary>The body posted to <c>callback.url</c> on a status change.</summary>
public sealed record ConversationStatusPayload(
    string MessageId,
    string ConversationTrackingId,
    string From,
    string To,
    string Direction,
    ConversationStatus Status,
    int Duration);
