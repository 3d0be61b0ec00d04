namespace Switchboard.Calls.Callbacks;

/// <summary>A session the engine accepted: its sid and the call sids its legs have (or will have once called).</summary>
public sealed record CallbackSessionStarted(string Sid, string LegASid, string LegBSid, DateTimeOffset CreatedAt);
