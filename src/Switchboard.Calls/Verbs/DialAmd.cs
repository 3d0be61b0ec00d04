using Switchboard.Media.Amd;

namespace Switchboard.Calls.Verbs;

/// <summary>
/// A <c>dial</c>'s answering-machine detection: the detector's tuning, and the hook (a URL the dialling call's script
/// source resolves, <see cref="Scripts.IDialLegHooks"/>) its events are posted to.
/// </summary>
public sealed record DialAmd(AmdOptions Options, string ActionHook);
