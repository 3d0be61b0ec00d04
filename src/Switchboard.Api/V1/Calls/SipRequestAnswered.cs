namespace Switchboard.Api.V1.Calls;

/// <summary>
/// The answer to a live <c>sip_request</c>, as jambonz gives it: the peer's final <c>status</c> and <c>reason</c>.
/// When no answer came, <c>error</c> says why and the status stands for it (408: none in time, 503: not sent).
/// </summary>
public sealed record SipRequestAnswered(int Status, string Reason, string? Error);
