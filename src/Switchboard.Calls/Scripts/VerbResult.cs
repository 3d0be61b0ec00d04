using Switchboard.Calls.Verbs;

namespace Switchboard.Calls.Scripts;

/// <summary>What a verb produced for the script source.</summary>
public abstract record VerbResult(Verb Verb);
