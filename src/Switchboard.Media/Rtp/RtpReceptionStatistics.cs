namespace Switchboard.Media.Rtp;

/// <summary>
/// What a receiver knows about one source for its report blocks: sequence tracking with wrap and restart
/// detection (RFC 3550 §A.1), expected and lost counts with the per-interval fraction (§A.3), and
/// interarrival jitter (§A.8). <see cref="Update"/> runs on the receive loop; <see cref="CreateBlock"/> on the
/// reporting thread. Their fields are read across threads without a lock: a report can mix two packets'
/// worth of counts, never a torn value, which a statistic can afford.
/// </summary>
public sealed class RtpReceptionStatistics
{
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;
    private const int SequenceModulo = 1 << 16;

    private uint _ssrc;
    private bool _started;
    private ushort _maxSequence;
    private uint _cycles;
    private uint _baseSequence;
    private int _badSequence = SequenceModulo + 1;
    private long _received;
    private long _expectedPrior;
    private long _receivedPrior;
    private long _lastTransit;
    private bool _hasTransit;
    private long _jitter16;

    /// <summary>The source being tracked (a new SSRC restarts the statistics).</summary>
    public uint Ssrc => Volatile.Read(ref _ssrc);

    public bool HasSource => Volatile.Read(ref _started);

    public long Received => Interlocked.Read(ref _received);

    /// <summary>The extended highest sequence number: 16 bits of wrap count above the last sequence number.</summary>
    public uint ExtendedHighestSequence => Volatile.Read(ref _cycles) + Volatile.Read(ref _maxSequence);

    /// <summary>Packets expected from the first to the highest sequence number (§A.3).</summary>
    public long Expected => HasSource ? (long)ExtendedHighestSequence - _baseSequence + 1 : 0;

    /// <summary>Packets lost since the start: expected minus received (negative with duplicates).</summary>
    public long CumulativeLost => Expected - Received;

    /// <summary>Interarrival jitter in timestamp units.</summary>
    public uint Jitter => (uint)(Interlocked.Read(ref _jitter16) >> 4);

    /// <summary>
    /// Accounts one packet. <paramref name="arrival"/> is the arrival time in the stream's timestamp units
    /// (any origin); pass <paramref name="measureJitter"/> false for packets whose timestamp is not their
    /// sampling instant (RFC 4733 events carry their event's start). Returns false for a packet judged
    /// out of sequence (a big jump, until a second packet confirms it, §A.1).
    /// </summary>
    public bool Update(uint ssrc, ushort sequence, uint timestamp, long arrival, bool measureJitter)
    {
        if (!_started || ssrc != _ssrc)
        {
            Restart(ssrc, sequence);
        }
        else if (!UpdateSequence(sequence))
        {
            return false;
        }

        Interlocked.Increment(ref _received);
        if (measureJitter)
        {
            // §A.8: J += (|D| - J) / 16, with D the change in transit time; kept ×16 to stay in integers.
            var transit = arrival - timestamp;
            if (_hasTransit)
            {
                var d = Math.Abs(transit - _lastTransit);
                Interlocked.Exchange(ref _jitter16, _jitter16 + d - ((_jitter16 + 8) >> 4));
            }

            _lastTransit = transit;
            _hasTransit = true;
        }

        return true;
    }

    /// <summary>A report block for this source, starting a new interval for the fraction lost (§A.3).</summary>
    public RtcpReportBlock CreateBlock(uint lastSenderReport, uint delaySinceLastSenderReport)
    {
        var expected = Expected;
        var received = Received;
        var expectedInterval = expected - _expectedPrior;
        var lostInterval = expectedInterval - (received - _receivedPrior);
        _expectedPrior = expected;
        _receivedPrior = received;
        var fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);
        return new RtcpReportBlock(
            Ssrc, (byte)fraction, (int)Math.Clamp(expected - received, -0x800000, 0x7FFFFF), ExtendedHighestSequence, Jitter,
            lastSenderReport, delaySinceLastSenderReport);
    }

    private void Restart(uint ssrc, ushort sequence)
    {
        Volatile.Write(ref _ssrc, ssrc);
        _baseSequence = sequence;
        Volatile.Write(ref _maxSequence, sequence);
        Volatile.Write(ref _cycles, 0u);
        _badSequence = SequenceModulo + 1;
        Interlocked.Exchange(ref _received, 0);
        _expectedPrior = 0;
        _receivedPrior = 0;
        _hasTransit = false;
        Interlocked.Exchange(ref _jitter16, 0);
        Volatile.Write(ref _started, true);
    }

    /// <summary>§A.1 update_seq without probation (the source is already latched and validated).</summary>
    private bool UpdateSequence(ushort sequence)
    {
        var delta = (ushort)(sequence - _maxSequence);
        if (delta < MaxDropout)
        {
            if (sequence < _maxSequence)
            {
                Volatile.Write(ref _cycles, _cycles + SequenceModulo);
            }

            Volatile.Write(ref _maxSequence, sequence);
            return true;
        }

        if (delta <= SequenceModulo - MaxMisorder)
        {
            // A big jump: the source restarted, or a stray. Two sequential packets after it mean a restart.
            if (sequence == _badSequence)
            {
                Restart(_ssrc, sequence);
                return true;
            }

            _badSequence = (sequence + 1) & (SequenceModulo - 1);
            return false;
        }

        // A duplicate or a reordered packet: counted as received, it does not move the highest sequence.
        return true;
    }
}
