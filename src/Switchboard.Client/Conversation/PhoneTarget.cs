namespace Switchboard.Client.Conversation;

/// <summary>A phone number: digits, optionally with a leading <c>+</c>.</summary>
public sealed record PhoneTarget(string Phone);
