namespace Switchboard.Storage.Calls;

/// <summary>One engine event of a call, numbered in the order it happened.</summary>
public sealed record CallEventRecord(string CallSid, long Sequence, DateTimeOffset At, string Name, string? Detail);
