using System.Net;
using System.Net.Sockets;

namespace Switchboard.Media.Sessions;

/// <summary>
/// Symmetric RTP (RFC 4961 §3, the "comedia" behaviour of RFC 4145 §4 applied to RTP): behind a NAT the
/// address in the peer's SDP is often not where its packets come from, so we answer to the source of its
/// first valid RTP packet instead. After latching, datagrams from any other source are refused (they are
/// strays or spoofs); a new offer/answer (re-INVITE) resets the latch. Touched only by the receive loop,
/// except <see cref="Reset"/>, which may come from any thread and takes effect on the next datagram.
/// </summary>
internal sealed class SymmetricRtpLatch
{
    private readonly SocketAddress _latched;
    private volatile int _resetGeneration;
    private int _seenGeneration;
    private bool _isLatched;
    private long _refused;

    public SymmetricRtpLatch(AddressFamily family) => _latched = new SocketAddress(family);

    /// <summary>Datagrams refused because they came from another source than the latched one.</summary>
    public long RefusedPackets => Interlocked.Read(ref _refused);

    /// <summary>Forgets the latched source; the next valid RTP packet latches again.</summary>
    public void Reset() => _resetGeneration++;

    /// <summary>
    /// Decides about a datagram from <paramref name="source"/>. <paramref name="latches"/> says whether the
    /// packet is one the peer would send (version 2, a negotiated payload type), so stray noise never
    /// latches. Returns false for a datagram to drop; <paramref name="newlyLatched"/> is the copied source
    /// when this datagram latched it (the sender then answers there), else null.
    /// </summary>
    public bool Accept(SocketAddress source, bool latches, out SocketAddress? newlyLatched)
    {
        newlyLatched = null;
        var generation = _resetGeneration;
        if (generation != _seenGeneration)
        {
            _seenGeneration = generation;
            _isLatched = false;
        }

        if (_isLatched)
        {
            if (source.Equals(_latched))
            {
                return true;
            }

            Interlocked.Increment(ref _refused);
            return false;
        }

        if (!latches)
        {
            return true;
        }

        _latched.Size = source.Size;
        source.Buffer.Span.CopyTo(_latched.Buffer.Span);
        _isLatched = true;

        // One copy per latch (the sender keeps its own, so a later latch cannot change it under a send).
        newlyLatched = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span.CopyTo(newlyLatched.Buffer.Span);
        return true;
    }
}
