namespace Switchboard.Storage.Webhooks;

/// <summary>
/// A call whose final status webhook is not in the outbox yet, with what its dialect needs to write that webhook
/// (<paramref name="SinkState"/>, opaque here) should the process die before the call ends.
/// </summary>
public sealed record OwedFinalStatus(string CallSid, string AccountSid, string Dialect, string SinkState, DateTimeOffset CreatedAt);
