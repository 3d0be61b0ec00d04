namespace Switchboard.Calls.Limits;

/// <summary>Why a call was not taken.</summary>
public enum AdmissionRefusal
{
    None,

    /// <summary>The account started more calls per second than it may.</summary>
    CallRate,

    /// <summary>The account has as many live calls as it may.</summary>
    AccountConcurrency,

    /// <summary>The server has as many live calls as the media clock can pace.</summary>
    ServerFull,

    /// <summary>The server is shutting down.</summary>
    ShuttingDown,
}
