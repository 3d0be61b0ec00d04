namespace Switchboard.Calls.Engine;

/// <summary>Engine settings: the trunk for phone targets when no carrier is named.</summary>
/// <param name="DefaultCarrierUri">e.g. <c>sip:127.0.0.1:5070</c>; null when none is configured.</param>
public sealed record CallEngineOptions(string? DefaultCarrierUri);
