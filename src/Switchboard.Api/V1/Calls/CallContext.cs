namespace Switchboard.Api.V1.Calls;

/// <summary>What the Calls API knows of a call beyond the engine's snapshot, for its webhook payloads.</summary>
public sealed record CallContext(string? ApplicationSid, string? CallerName);
