using Switchboard.Calls.Verbs;

namespace Switchboard.Api.EventAction;

/// <summary>
/// One action of the application, translated: the native verbs that carry it out and the one among them whose
/// result becomes the action's event (null for an action that reports nothing: HANGUP, REJECT).
/// </summary>
/// <param name="Action">The action's name as the application wrote it (<c>PLAY</c>, ...).</param>
public sealed record ActionPlan(string Action, IReadOnlyList<Verb> Verbs, Verb? Reporter);
