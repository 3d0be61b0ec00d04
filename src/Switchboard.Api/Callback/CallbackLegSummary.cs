namespace Switchboard.Api.Callback;

/// <summary>A leg in a session event: its call sid and its status name (<c>NotCalled</c> for a leg never placed).</summary>
public sealed record CallbackLegSummary(string Sid, string Status);
