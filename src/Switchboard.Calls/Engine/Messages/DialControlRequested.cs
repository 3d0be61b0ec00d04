using Switchboard.Calls.Scripts;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Messages;

// Live control of a connected dial, judged on the dialling call's loop: only the running dial knows whether it is
// connected and to whom. Each completes its answer with true when the dial took it.

/// <summary>
/// Live control (jambonz <c>whisper</c>): <paramref name="Prompts"/> play to one party of the connected dial,
/// <paramref name="PartySid"/> (the dialling call's own sid for its caller, the leg's for the callee).
/// </summary>
internal sealed record WhisperRequested(IReadOnlyList<Verb> Prompts, string PartySid, TaskCompletionSource<bool> Answer) : CallMessage;

/// <summary>
/// Live control (jambonz <c>child_call_hook</c>): the connected leg leaves the dial and runs the application at
/// <paramref name="Hook"/> on its own.
/// </summary>
internal sealed record ChildRedirectRequested(string Hook, TaskCompletionSource<bool> Answer) : CallMessage;

/// <summary>To a dial leg: it leaves the dial that placed it and runs <paramref name="Script"/> as a call of its own.</summary>
internal sealed record AdoptionRequested(IScriptSource Script) : CallMessage;
