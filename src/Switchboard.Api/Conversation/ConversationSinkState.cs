namespace Switchboard.Api.Conversation;

/// <summary>What a <see cref="ConversationEventSink"/> needs beyond the stored call to post a final status after a restart.</summary>
public sealed record ConversationSinkState(string ConversationTrackingId, Uri? Url, Uri? FallbackUrl, CallbackStrategy Strategy);
