namespace Switchboard.Api.Callback;

/// <summary>The answer to <c>POST /voice/call/callback</c>: the session's sid and each leg's call sid, by leg name.</summary>
public sealed record CallbackCreated(string Sid, IReadOnlyDictionary<string, CallbackLegSid> Legs);
