using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Engine.Messages;

/// <summary>
/// The script source answered: <paramref name="Verbs"/> replace the queue (null keeps it);
/// <paramref name="Error"/> when the source failed.
/// </summary>
internal sealed record ScriptReplied(int Generation, IReadOnlyList<Verb>? Verbs, string? Error) : VerbStepMessage(Generation);
