using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Scripts;

/// <summary>A <c>sip:request</c> ended with <paramref name="Answer"/>: the peer's final response, or the failure that left none.</summary>
public sealed record SipRequestResult(SipRequestVerb Request, InDialogAnswer Answer) : VerbResult(Request);
