namespace Switchboard.Client.Callback;

/// <summary>Where one leg of a session stands.</summary>
public sealed record CallbackLegStatus(string Sid, string To, string From, string Status, DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, int Duration);
