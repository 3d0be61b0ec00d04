using Switchboard.Calls.Engine;
using Switchboard.Storage.Calls;

namespace Switchboard.Api.V1.Calls;

/// <summary>
/// jambonz's <c>call_status</c> names, in webhooks, in listings and in filters alike. They are the engine's except
/// in two places: jambonz knows no <c>canceled</c> (a call stopped before anyone answered is <c>no-answer</c> there),
/// and it calls a ringing call refused with <c>408 Request Timeout</c> or <c>480 Temporarily Unavailable</c>
/// <c>failed</c>, where the engine (as Twilio and the other dialects) says nobody answered.
/// </summary>
public static class JambonzCallStatus
{
    private static readonly string Canceled = CallStatus.Canceled.ToWire();

    private static readonly string NoAnswer = CallStatus.NoAnswer.ToWire();

    private static readonly string Failed = CallStatus.Failed.ToWire();

    private static readonly int[] FailedWhenUnanswered = [408, 480];

    public static string Of(CallStatus status, int? sipStatus) => Of(status.ToWire(), sipStatus);

    /// <summary>The name for a status as stored with the call, with the SIP status that ended it.</summary>
    public static string Of(string storedStatus, int? sipStatus) =>
        storedStatus == Canceled ? NoAnswer
        : storedStatus == NoAnswer && sipStatus is { } code && FailedWhenUnanswered.Contains(code) ? Failed
        : storedStatus;

    /// <summary>The stored statuses (with the SIP statuses that qualify them) a filter by <paramref name="status"/> must match.</summary>
    public static IReadOnlyList<CallStatusMatch> StoredAs(string status) =>
        status == NoAnswer ? [new(NoAnswer, FailedWhenUnanswered, Excluding: true), new(Canceled)]
        : status == Failed ? [new(Failed), new(NoAnswer, FailedWhenUnanswered)]
        : [new(status)];
}
