namespace Switchboard.Client.EventAction;

/// <summary>The answer to a placed call: <see cref="SessionId"/> names it in every event.</summary>
public sealed record EventActionCallCreated(string SessionId, string? CorrelationId);
