namespace Switchboard.Client.Conversation;

/// <summary>Where status changes go: <c>OnChange</c> posts every change, <c>OnCompletion</c> only the final one.</summary>
public sealed record StatusCallback(string Url, string Strategy = "OnChange");
