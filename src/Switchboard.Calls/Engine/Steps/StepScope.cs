namespace Switchboard.Calls.Engine.Steps;

/// <summary>
/// One step's place in its call: the <paramref name="Generation"/> that stamps every message it asks for (so a late
/// answer for a step already left is recognised and dropped), the call's services, and the runner it reports to.
/// </summary>
internal readonly record struct StepScope(int Generation, StepServices Services, IStepRunner Runner);
