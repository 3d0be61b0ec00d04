namespace Switchboard.Api.EventAction;

/// <summary>What every event of one event/action call carries besides the call itself.</summary>
/// <param name="CallbackUrl">Where the events go and the actions come from.</param>
/// <param name="CorrelationId">The application's own id, echoed in every event when set.</param>
/// <param name="RecordingsUrl">The account's <c>Recordings/</c> URL: a recording's file name is its media under it.</param>
public sealed record EventActionContext(Uri CallbackUrl, string? CorrelationId, string RecordingsUrl);
