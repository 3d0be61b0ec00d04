namespace Switchboard.Calls.Scripts;

/// <summary>Why a <c>record</c> verb stopped recording.</summary>
public enum RecordEndReason
{
    /// <summary>The caller pressed one of the finishing keys.</summary>
    FinishOnKey,

    /// <summary>The caller was silent for the verb's timeout.</summary>
    Timeout,

    /// <summary>The recording reached its maximum length.</summary>
    MaxLength,

    /// <summary>The call ended while recording.</summary>
    Hangup,

    /// <summary>The recording could not be made or written; what was written before the failure is kept.</summary>
    Failed,
}
