namespace Switchboard.Api.Conversation;

/// <summary>The request's <c>callback</c> object.</summary>
public sealed record ConversationCallback(Uri Url, CallbackStrategy Strategy);
