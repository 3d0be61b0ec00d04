namespace Switchboard.Client.Callback;

/// <summary>The answer to a callback session: its sid and each leg's call sid, by leg name (<c>leg_A</c>, <c>leg_B</c>).</summary>
public sealed record CallbackCreated(string Sid, IReadOnlyDictionary<string, CallbackLegSid> Legs);
