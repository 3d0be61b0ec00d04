namespace Switchboard.Api.Conversation;

/// <summary>The answer to <c>POST /voice/conversation</c>.</summary>
public sealed record ConversationResponse(
    string TrackingId,
    string ConversationTrackingId,
    string Status,
    string From,
    string To,
    DateTimeOffset CreatedAt);
