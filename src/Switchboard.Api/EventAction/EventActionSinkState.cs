namespace Switchboard.Api.EventAction;

/// <summary>What an <see cref="EventActionSink"/> needs beyond the stored call to post DROPPED after a restart.</summary>
public sealed record EventActionSinkState(Uri CallbackUrl, string? CorrelationId, string RecordingsUrl, string? RecordingSid);
