namespace Switchboard.Sip.Transport;

/// <summary>
/// What peers may hold open on the SIP TCP port. RFC 3261 §18 leaves connection management to the implementation;
/// these bounds keep a peer, or many, from exhausting the process's file descriptors or memory. Checked by
/// <see cref="SipTcpLimitsValidator"/>.
/// </summary>
public sealed record SipTcpLimits
{
    /// <summary>
    /// Inbound connections open at once, from all peers. At the limit the newest idle connection is closed to
    /// make room, or the new connection is refused when none is idle. Connections we open are not counted: they
    /// follow our own calls, which have limits of their own.
    /// </summary>
    public int MaxConnections { get; init; } = 1000;

    /// <summary>Inbound connections open at once from one IP address; handled at the limit as <see cref="MaxConnections"/>.</summary>
    public int MaxConnectionsPerAddress { get; init; } = 50;

    /// <summary>
    /// How long a connection may carry no complete message either way before it is closed, unless a call not yet
    /// ended still needs it (its dialog's requests go back over it). CRLF keep-alives do not count as messages.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a message may take to arrive whole (headers and body) from its first byte; a slower one closes the
    /// connection, so a peer cannot hold a connection and a buffer by dribbling a message.
    /// </summary>
    public TimeSpan MessageTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The defaults: 1,000 connections, 50 per address, 30 s idle, 5 s per message.</summary>
    public static SipTcpLimits Default { get; } = new();
}
