using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Scripts;

/// <summary>A redirect (a verb, or a live-control request) asks its hook for the verbs that replace all others.</summary>
public sealed record RedirectResult(RedirectVerb Redirect) : VerbResult(Redirect);
