using System.Net;
using System.Net.Sockets;

namespace Switchboard.Media.Sessions;

/// <summary>
/// Decides where the peer's media really comes from (symmetric RTP, RFC 4961 §3; the "comedia" behaviour of
/// RFC 4145 §4 applied to RTP), so that we answer there and refuse everything else. Touched only by the
/// receive loop, except <see cref="Reset"/> and <see cref="Expect"/>, which may come from any thread and take
/// effect on the next datagram.
/// </summary>
/// <remarks>
/// <para>
/// Latching to whatever arrives first (what this class once did) lets anyone who can reach the port with
/// one forged packet before the peer's first one take the stream: our audio goes to them, theirs is heard.
/// The rules below follow rtpengine's "strict source" and endpoint learning and Asterisk's
/// <c>strict_rtp</c> learning mode (which wants several sequential packets from a new source):
/// </para>
/// <list type="number">
/// <item>The source the signalling named (the SDP <c>c=</c> address and port) latches at its first valid
/// packet, and takes the stream back from any other source at any time. Forging it gains nothing: the most
/// a forger can do is make us send where the SDP already told us to.</item>
/// <item>Any other source (a peer behind NAT, whose SDP carries its private address) must earn the latch:
/// <see cref="LatchPolicy.LearningPackets"/> valid packets of one SSRC with consecutive sequence numbers
/// within <see cref="LatchPolicy.LearningWindow"/>. One forged packet no longer captures anything, and a
/// blind forger must guess nothing less than a steady stream.</item>
/// <item>Once a source is latched, another one can take over only while the latched one is silent (nothing
/// for <see cref="LatchPolicy.RelatchAfterSilence"/>), as when a phone moves from Wi-Fi to mobile data, and only
/// with the latched stream itself: the same SSRC, its sequence numbers going on (RFC 3550 §8.2: a new SSRC is a
/// new source, and §A.1's dropout bound). Silence alone is no invitation: a stranger's stream, or a forger's,
/// never takes over. Every packet of the latched source breaks a newcomer's run, so a forger cannot slip a burst
/// between two packets of a live stream.</item>
/// </list>
/// <para>
/// What remains possible, as in rtpengine: a forger who streams before a NATed peer's first packet wins that
/// race; the SDP source still takes the stream back. A new offer/answer (re-INVITE) resets everything.
/// </para>
/// </remarks>
internal sealed class SymmetricRtpLatch
{
    private readonly TimeProvider _time;
    private readonly LatchPolicy _policy;
    private readonly SocketAddress _latched;
    private readonly SocketAddress _candidate;
    private volatile SocketAddress? _expected;
    private volatile int _resetGeneration;
    private int _seenGeneration;
    private bool _isLatched;
    private long _latchedHeardAt;
    private uint _latchedSsrc;
    private ushort _latchedSequence;
    private bool _hasCandidate;
    private uint _candidateSsrc;
    private ushort _candidateSequence;
    private int _candidatePackets;
    private long _candidateStartedAt;
    private long _refused;

    public SymmetricRtpLatch(AddressFamily family, TimeProvider time, LatchPolicy policy)
    {
        _time = time;
        _policy = policy;
        _latched = new SocketAddress(family);
        _candidate = new SocketAddress(family);
    }

    /// <summary>Datagrams refused: from another source than the latched one, or from a source still learning.</summary>
    public long RefusedPackets => Interlocked.Read(ref _refused);

    /// <summary>
    /// Forgets the latched source and any learning; <paramref name="expected"/> (the SDP address, in the
    /// socket's address family) is the source trusted at once, or null for none.
    /// </summary>
    public void Reset(SocketAddress? expected)
    {
        _expected = expected;
        Interlocked.Increment(ref _resetGeneration);
    }

    /// <summary>Changes the trusted source without forgetting the latch (RTCP following RTP's latch).</summary>
    public void Expect(SocketAddress? expected) => _expected = expected;

    /// <summary>
    /// Decides about a datagram from <paramref name="source"/>. <paramref name="valid"/> says whether the
    /// packet is one the peer would send (version 2, a negotiated payload type), so stray noise never counts;
    /// <paramref name="ssrc"/> and <paramref name="sequence"/> identify the stream while a source learns.
    /// Returns false for a datagram to drop; <paramref name="newlyLatched"/> is the copied source when this
    /// datagram latched it (the sender then answers there), else null.
    /// </summary>
    public bool Accept(SocketAddress source, bool valid, uint ssrc, ushort sequence, out SocketAddress? newlyLatched)
    {
        newlyLatched = null;
        var generation = _resetGeneration;
        if (generation != _seenGeneration)
        {
            _seenGeneration = generation;
            _isLatched = false;
            _hasCandidate = false;
        }

        var now = _time.GetTimestamp();
        if (_isLatched && source.Equals(_latched))
        {
            _latchedHeardAt = now;
            _hasCandidate = false;
            if (valid)
            {
                _latchedSsrc = ssrc;
                _latchedSequence = sequence;
            }

            return true;
        }

        if (!valid)
        {
            // Before a latch nothing is being protected; the receiver ignores what it cannot use.
            return !_isLatched || Refuse();
        }

        if (_expected is { } expected && source.Equals(expected))
        {
            newlyLatched = LatchTo(source, now, ssrc, sequence);
            return true;
        }

        if (_isLatched && (_policy.RelatchAfterSilence is not { } silence || _time.GetElapsedTime(_latchedHeardAt, now) < silence
            || !ContinuesLatchedStream(ssrc, sequence)))
        {
            _hasCandidate = false;
            return Refuse();
        }

        if (!Learn(source, ssrc, sequence, now))
        {
            return Refuse();
        }

        newlyLatched = LatchTo(source, now, ssrc, sequence);
        return true;
    }

    /// <summary>
    /// Whether a packet from a new address is the latched stream going on: its SSRC, and a sequence number ahead of
    /// the last one heard by at most RFC 3550 §A.1's <c>MAX_DROPOUT</c>.
    /// </summary>
    private bool ContinuesLatchedStream(uint ssrc, ushort sequence)
    {
        const int maxDropout = 3000;
        var ahead = (ushort)(sequence - _latchedSequence);
        return ssrc == _latchedSsrc && ahead is > 0 and <= maxDropout;
    }

    /// <summary>Counts <paramref name="source"/>'s run of consecutive packets; true once it has earned the latch.</summary>
    private bool Learn(SocketAddress source, uint ssrc, ushort sequence, long now)
    {
        var continues = _hasCandidate
            && source.Equals(_candidate)
            && ssrc == _candidateSsrc
            && _time.GetElapsedTime(_candidateStartedAt, now) <= _policy.LearningWindow;
        if (continues && sequence == _candidateSequence)
        {
            // A duplicate (RFC 4733 §2.5.1.4 repeats the end packet) neither counts nor breaks the run.
            return false;
        }

        if (continues && sequence == unchecked((ushort)(_candidateSequence + 1)))
        {
            _candidatePackets++;
        }
        else
        {
            _hasCandidate = true;
            _candidate.Size = source.Size;
            source.Buffer.Span.CopyTo(_candidate.Buffer.Span);
            _candidateSsrc = ssrc;
            _candidatePackets = 1;
            _candidateStartedAt = now;
        }

        _candidateSequence = sequence;
        return _candidatePackets >= _policy.LearningPackets;
    }

    private SocketAddress? LatchTo(SocketAddress source, long now, uint ssrc, ushort sequence)
    {
        _hasCandidate = false;
        _latchedHeardAt = now;
        _latchedSsrc = ssrc;
        _latchedSequence = sequence;
        if (_isLatched && source.Equals(_latched))
        {
            return null;
        }

        _latched.Size = source.Size;
        source.Buffer.Span.CopyTo(_latched.Buffer.Span);
        _isLatched = true;

        // One copy per latch (the sender keeps its own, so a later latch cannot change it under a send).
        var copy = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span.CopyTo(copy.Buffer.Span);
        return copy;
    }

    private bool Refuse()
    {
        Interlocked.Increment(ref _refused);
        return false;
    }
}
