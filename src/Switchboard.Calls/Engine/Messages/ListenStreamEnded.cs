using Switchboard.Calls.Engine.Steps;
using Switchboard.Calls.Scripts;

namespace Switchboard.Calls.Engine.Messages;

/// <summary>A <c>listen</c>'s stream ended for <paramref name="Reason"/> after <paramref name="Duration"/> connected; the result is owed whatever runs next.</summary>
internal sealed record ListenStreamEnded(VerbStep Step, ListenEndReason Reason, TimeSpan Duration, string? Error) : StepWorkMessage(Step);
