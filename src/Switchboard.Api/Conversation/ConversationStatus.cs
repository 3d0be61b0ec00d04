namespace Switchboard.Api.Conversation;

/// <summary>The <c>status</c> object of a status callback.</summary>
public sealed record ConversationStatus(string Name, DateTimeOffset UpdatedDate);
