namespace Switchboard.Sip.Tests.UserAgent.Torture;

/// <summary>
/// What one torture message must get on one transport: the statuses of the answers, in any order (a REGISTER is
/// answered off the receive thread), the reason phrase of the first when it names a fault, a header the answer must
/// carry, whether the INVITE reached the inbound call handler, and what becomes of a TCP connection.
/// </summary>
sealed record TortureAnswer(int[] Statuses, string? Reason = null, bool Routed = false, bool Closes = false, bool Waits = false)
{
    /// <summary>A header (name, value) the first answer must carry.</summary>
    public (string Name, string Value)? Header { get; init; }

    public static TortureAnswer Status(int status, string? reason = null) => new([status], reason);

    /// <summary>The INVITE is taken: 100 Trying, and the inbound call handler has the call.</summary>
    public static TortureAnswer Routed100 { get; } = new([100], Routed: true);

    /// <summary>Nothing comes back, and the server answers the next message as if nothing had come.</summary>
    public static TortureAnswer None { get; } = new([]);

    /// <summary>Over TCP: refused, then the connection closes because its framing is lost (RFC 3261 §18.3).</summary>
    public static TortureAnswer StatusThenClose(int status, string reason) => new([status], reason, Closes: true);

    /// <summary>Over TCP: the Content-Length promises more than came, so the server waits for it, answering nothing.</summary>
    public static TortureAnswer WaitsForBody { get; } = new([], Waits: true);
}
