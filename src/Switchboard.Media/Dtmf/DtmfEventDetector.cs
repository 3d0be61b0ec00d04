using Switchboard.Media.Rtp;

namespace Switchboard.Media.Dtmf;

/// <summary>
/// Turns a stream of RFC 4733 telephone-event packets into key presses, each reported once.
/// RFC 4733 §2.5.1.3: an event is identified by its RTP timestamp (all its packets carry the one of its
/// start); the final packet has the E bit and is sent three times (§2.5.1.4), so we report on the first
/// end packet and ignore the repeats. If the end packets are all lost, a packet with a new timestamp
/// means the previous event is over (§2.5.2.2), so it is reported then. Not thread-safe: one receive loop feeds it.
/// </summary>
public sealed class DtmfEventDetector
{
    private const int SamplesPerMillisecond = 8;

    private bool _hasCurrent;
    private bool _currentReported;
    private uint _currentTimestamp;
    private byte _currentEvent;
    private ushort _currentDuration;

    /// <summary>
    /// Feeds one telephone-event packet and writes the digits it completes into <paramref name="digits"/>
    /// (at most 2: the previous unfinished event and this one). Returns how many were written.
    /// </summary>
    public int Accept(uint timestamp, TelephoneEvent telephoneEvent, Span<DtmfDigit> digits)
    {
        var count = 0;
        if (_hasCurrent && timestamp == _currentTimestamp)
        {
            if (_currentReported)
            {
                return 0;
            }

            _currentDuration = Math.Max(_currentDuration, telephoneEvent.Duration);
            if (telephoneEvent.End)
            {
                count = Report(digits, count);
            }

            return count;
        }

        if (_hasCurrent && !_currentReported)
        {
            count = Report(digits, count);
        }

        _hasCurrent = true;
        _currentReported = false;
        _currentTimestamp = timestamp;
        _currentEvent = telephoneEvent.Event;
        _currentDuration = telephoneEvent.Duration;
        if (telephoneEvent.End)
        {
            count = Report(digits, count);
        }

        return count;
    }

    /// <summary>Maps an RFC 4733 §3.2 DTMF event code (0-15) to its key, or null for other events.</summary>
    public static char? KeyOf(byte eventCode) => eventCode switch
    {
        <= 9 => (char)('0' + eventCode),
        10 => '*',
        11 => '#',
        <= 15 => (char)('A' + eventCode - 12),
        _ => null,
    };

    private int Report(Span<DtmfDigit> digits, int count)
    {
        _currentReported = true;
        if (KeyOf(_currentEvent) is { } key && count < digits.Length)
        {
            digits[count++] = new DtmfDigit(key, _currentDuration / SamplesPerMillisecond);
        }

        return count;
    }
}
