using Switchboard.Calls.Engine.Steps;

namespace Switchboard.Calls.Engine.Messages;

/// <summary>
/// The outcome of work a step started that must reach that step even after it was left or the call ended (a
/// recording is stored, and its result owed, whatever runs next); the loop hands it to <paramref name="Step"/>.
/// </summary>
internal abstract record StepWorkMessage(VerbStep Step) : CallMessage;
