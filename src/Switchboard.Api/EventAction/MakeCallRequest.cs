namespace Switchboard.Api.EventAction;

/// <summary>A validated <c>POST /v1/voice/calls</c> body (seed 004's "Make call").</summary>
/// <param name="CallerId">The calling number the callee sees.</param>
/// <param name="DialedNumber">The number called.</param>
/// <param name="CallbackUrl">Where every event of the call is posted; each answer is the next action.</param>
/// <param name="Record">Record the whole call: zero until it ends, else for this long; null not to record.</param>
/// <param name="CorrelationId">The application's own id, echoed in every event.</param>
/// <param name="RingTimeout">How long the call rings before it is given up.</param>
/// <param name="Trunk">The carrier (by name) the number is called through; the default carrier when null.</param>
public sealed record MakeCallRequest(
    string CallerId,
    string DialedNumber,
    Uri CallbackUrl,
    TimeSpan? Record,
    string? CorrelationId,
    TimeSpan RingTimeout,
    string? Trunk);
