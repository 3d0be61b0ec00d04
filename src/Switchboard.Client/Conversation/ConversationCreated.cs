namespace Switchboard.Client.Conversation;

/// <summary>The answer to a conversation: <see cref="TrackingId"/> names its call in every status callback.</summary>
public sealed record ConversationCreated(string TrackingId, string ConversationTrackingId, string Status, string From, string To, DateTimeOffset CreatedAt);
