using Switchboard.Calls.Engine;
using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Scripts;

/// <summary>
/// The script of a <c>dial</c> leg: the leg is bridged to the call that dialled it and runs no verbs of its own,
/// so its engine never asks; should it, the answer is "nothing".
/// </summary>
public sealed class NoVerbs : IScriptSource
{
    public static NoVerbs Instance { get; } = new();

    public ValueTask<IReadOnlyList<Verb>> StartAsync(CallSnapshot call, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Verb>>([]);

    public ValueTask<IReadOnlyList<Verb>?> OnVerbResultAsync(CallSnapshot call, VerbResult result, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<Verb>?>(null);
}
