using Switchboard.Calls.Engine;

namespace Switchboard.Calls.Callbacks;

/// <summary>One leg as its session sees it: its call sid, its status, and whether it was called at all.</summary>
/// <param name="Called">False while (or because) the leg was never placed; <paramref name="Status"/> is then <see cref="CallStatus.Queued"/>.</param>
public sealed record CallbackLegState(CallbackLeg Leg, string CallSid, CallStatus Status, bool Called);
