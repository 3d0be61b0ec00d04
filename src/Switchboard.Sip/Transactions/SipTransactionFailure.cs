namespace Switchboard.Sip.Transactions;

public enum SipTransactionFailure
{
    /// <summary>Timer B or F fired (RFC 3261 §17.1.1.2, §17.1.2.2): the TU treats it as 408.</summary>
    Timeout,

    /// <summary>The transport could not send (RFC 3261 §17.1.4): the TU treats it as 503.</summary>
    TransportError,
}
