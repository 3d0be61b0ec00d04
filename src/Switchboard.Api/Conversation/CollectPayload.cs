namespace Switchboard.Api.Conversation;

/// <summary>The body posted to a COLLECT's <c>eventUrl</c> when input ends.</summary>
public sealed record CollectPayload(string MessageId, string ConversationTrackingId, string From, string To, string Digits);
