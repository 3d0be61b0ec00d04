namespace Switchboard.Api.EventAction;

/// <summary>The answer to <c>POST /v1/voice/calls</c>: the session every event names, and the application's own id.</summary>
public sealed record MakeCallResponse(string SessionId, string? CorrelationId);
