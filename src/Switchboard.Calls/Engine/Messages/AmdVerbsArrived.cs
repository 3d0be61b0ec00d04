using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Messages;

/// <summary>The answering-machine hook answered with verbs: they replace those running.</summary>
internal sealed record AmdVerbsArrived(IReadOnlyList<Verb> Verbs) : AmdMessage;
