using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Scripts;

/// <summary>The keys a gather collected (without a terminating <c>#</c>), and why input ended.</summary>
public sealed record GatherResult(GatherVerb Gather, string Digits, GatherEndReason Reason) : VerbResult(Gather);
