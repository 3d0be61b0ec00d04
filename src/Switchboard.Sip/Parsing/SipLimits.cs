namespace Switchboard.Sip.Parsing;

/// <summary>
/// Bounds on what a peer may make us buffer or parse. RFC 3261 §18.1.1 leaves message size to the transport;
/// 64 KiB holds any UDP datagram, and a stream transport refuses to buffer more than that for one message.
/// </summary>
public static class SipLimits
{
    /// <summary>The largest whole message (start line, headers and body) accepted, in bytes.</summary>
    public const int MaxMessageSize = 65_536;

    /// <summary>The most header lines accepted, continuation lines included, so folding cannot evade it.</summary>
    public const int MaxHeaderLines = 256;
}
