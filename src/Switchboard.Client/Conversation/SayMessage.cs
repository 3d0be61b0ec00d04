namespace Switchboard.Client.Conversation;

/// <summary>What a SAY speaks: the text, and optionally the voice's gender (<c>male</c>, <c>female</c>) and language.</summary>
public sealed record SayMessage(string Text, string? Gender = null, string? Language = null);
