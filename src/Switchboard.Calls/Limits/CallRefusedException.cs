namespace Switchboard.Calls.Limits;

/// <summary>A call was not placed because of a limit; nothing was stored or sent.</summary>
public sealed class CallRefusedException(AdmissionDecision decision) : Exception(decision.Describe())
{
    public AdmissionDecision Decision { get; } = decision;
}
