using System.Net;

namespace Switchboard.Media.Sessions;

/// <summary>Where media sockets bind and what address SDP advertises.</summary>
/// <param name="BindAddress">The local address RTP sockets bind to.</param>
/// <param name="AdvertisedAddress">The address written into SDP <c>c=</c> and <c>o=</c> lines (e.g. the public IP).</param>
/// <param name="PortMin">The lowest RTP port; rounded up to even (RFC 3550 §11: RTP even, RTCP the next odd).</param>
/// <param name="PortMax">The highest port the pool may use, RTCP included.</param>
public sealed record MediaEngineOptions(IPAddress BindAddress, string AdvertisedAddress, int PortMin, int PortMax)
{
    /// <summary>
    /// How long a negotiated session may receive no RTP before the observer hears
    /// <see cref="IMediaSessionObserver.OnMediaTimeout"/>; <see cref="Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan MediaTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Phases of the 20 ms packet time that the media clock spreads streams over once it carries more than
    /// <see cref="Clock.MediaClock.SpreadAbove"/> of them (1 to 10; 1 sends every stream at one deadline).
    /// </summary>
    public int PacingSlots { get; init; } = 4;

    /// <summary>
    /// Threads receiving RTP and RTCP (1 to 16), each owning whole sessions. A bridge forwards on the thread that
    /// receives, so one thread serves a burst from every peer in turn, and the last packet of the burst waits for
    /// all the others: more threads, up to the cores, shorten that wait. By default one per core, at most four.
    /// </summary>
    public int ReceiveThreads { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Throws when the range holds no even/odd pair or the addresses are missing.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(BindAddress);
        ArgumentException.ThrowIfNullOrWhiteSpace(AdvertisedAddress);
        if (PortMin is < 1 or > 65535 || PortMax is < 1 or > 65535 || PortMax < PortMin)
        {
            throw new ArgumentException($"RTP port range {PortMin}-{PortMax} is not a valid range of UDP ports.");
        }

        if (MediaTimeout <= TimeSpan.Zero && MediaTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"Media timeout {MediaTimeout} must be positive (or infinite to disable it).");
        }

        if (ReceiveThreads is < 1 or > 16)
        {
            throw new ArgumentException($"Receive threads {ReceiveThreads} must be 1 to 16.");
        }

        if (PacingSlots is < 1 or > 10)
        {
            throw new ArgumentException($"Pacing slots {PacingSlots} must be 1 to 10.");
        }

        if (((PortMin + 1) & ~1) + 1 > PortMax)
        {
            throw new ArgumentException($"RTP port range {PortMin}-{PortMax} holds no even RTP port with its RTCP port.");
        }
    }
}
