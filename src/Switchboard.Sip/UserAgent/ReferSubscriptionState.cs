namespace Switchboard.Sip.UserAgent;

/// <summary>The implicit subscription a REFER we sent creates (RFC 3515 §2.4.4, RFC 6665 §4.1.2).</summary>
internal enum ReferSubscriptionState
{
    /// <summary>The REFER is sent and not answered yet; a NOTIFY may still overtake its 2xx (RFC 6665 §4.1.2.4).</summary>
    Pending,

    /// <summary>The REFER was accepted (2xx): NOTIFYs report the referred call until one terminates the subscription.</summary>
    Active,

    /// <summary>The REFER was refused or failed, or a NOTIFY said <c>Subscription-State: terminated</c>.</summary>
    Terminated,
}
