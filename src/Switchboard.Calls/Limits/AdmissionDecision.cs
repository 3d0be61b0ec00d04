namespace Switchboard.Calls.Limits;

/// <summary>Whether a call may start; when not, why and when trying again makes sense.</summary>
public readonly record struct AdmissionDecision(AdmissionRefusal Refusal, TimeSpan RetryAfter)
{
    public static AdmissionDecision Admitted => default;

    public bool IsAdmitted => Refusal == AdmissionRefusal.None;

    /// <summary>Whether the account is over its own limits (429) rather than the server over its (503).</summary>
    public bool IsAccountLimit => Refusal is AdmissionRefusal.CallRate or AdmissionRefusal.AccountConcurrency;

    public string Describe() => Refusal switch
    {
        AdmissionRefusal.CallRate => "too many new calls per second for this account",
        AdmissionRefusal.AccountConcurrency => "the account has as many live calls as it may",
        AdmissionRefusal.ServerFull => "the server has as many live calls as it can carry",
        AdmissionRefusal.ShuttingDown => "the server is shutting down",
        _ => "admitted",
    };
}
